/** The public JSON shape of a lead (API and CSV export share it). */
type LeadRow = {
  id: string;
  email: string;
  name: string;
  phone: string;
  company: string;
  title: string;
  industry: string;
  companySize: number | null;
  country: string;
  channel: string;
  campaignId: string | null;
  personaId: string | null;
  stage: string;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  qualifies: boolean;
  scoreExplanation: unknown;
  scoredAt: Date | null;
  ownerId: string | null;
  mqlAt: Date | null;
  sqlAt: Date | null;
  opportunityAt: Date | null;
  customerAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The deal after SQL (absent from rows that cannot have one yet, e.g. a lead just captured). */
  opportunityAmount?: { toNumber(): number } | number | null;
  expectedCloseDate?: Date | null;
  wonAmount?: { toNumber(): number } | number | null;
  lostAt?: Date | null;
  lostReason?: string | null;
};

const amount = (value: { toNumber(): number } | number | null | undefined) =>
  value === null || value === undefined ? null : typeof value === "number" ? value : value.toNumber();

export function leadDto(lead: LeadRow) {
  return {
    id: lead.id,
    email: lead.email,
    name: lead.name,
    phone: lead.phone,
    company: lead.company,
    title: lead.title,
    industry: lead.industry,
    companySize: lead.companySize,
    country: lead.country,
    channel: lead.channel,
    campaignId: lead.campaignId,
    personaId: lead.personaId,
    stage: lead.stage,
    score: {
      fit: lead.fitScore,
      engagement: lead.engagementScore,
      total: lead.totalScore,
      qualifies: lead.qualifies,
      // A re-score (publish, nightly decay) moves this, not updatedAt (which follows the lead's own fields and stage).
      scoredAt: lead.scoredAt,
    },
    scoreExplanation: lead.scoreExplanation,
    ownerId: lead.ownerId,
    stageEnteredAt: { mql: lead.mqlAt, sql: lead.sqlAt, opportunity: lead.opportunityAt, customer: lead.customerAt },
    deal: {
      opportunityAmount: amount(lead.opportunityAmount),
      expectedCloseDate: lead.expectedCloseDate ? lead.expectedCloseDate.toISOString().slice(0, 10) : null,
      wonAmount: amount(lead.wonAmount),
      wonAt: lead.customerAt,
      lostAt: lead.lostAt ?? null,
      lostReason: lead.lostReason || null,
    },
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
  };
}
