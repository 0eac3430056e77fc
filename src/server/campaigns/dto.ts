/** The public JSON shapes of a campaign and of one spend row (API). */
type Amount = { toNumber(): number } | number;
const num = (value: Amount) => (typeof value === "number" ? value : value.toNumber());
const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export function campaignDto(c: {
  id: string;
  name: string;
  channel: string;
  startDate: Date | null;
  endDate: Date | null;
  budget: Amount | null;
  currency: string;
  ownerId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: c.id,
    name: c.name,
    channel: c.channel,
    startDate: day(c.startDate),
    endDate: day(c.endDate),
    budget: c.budget === null ? null : num(c.budget),
    currency: c.currency,
    ownerId: c.ownerId,
    archived: c.archivedAt !== null,
    createdAt: c.createdAt,
  };
}

export function spendDto(s: {
  id: string;
  campaignId: string;
  periodStart: Date;
  periodEnd: Date;
  amount: Amount;
  currency: string;
  eurRate: Amount;
  amountEur: Amount;
  note: string;
}) {
  return {
    id: s.id,
    campaignId: s.campaignId,
    periodStart: day(s.periodStart),
    periodEnd: day(s.periodEnd),
    amount: num(s.amount),
    currency: s.currency,
    eurRate: num(s.eurRate),
    amountEur: num(s.amountEur),
    note: s.note,
  };
}
