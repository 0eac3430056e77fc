import { z } from "zod";
import { Channel } from "@/generated/prisma/enums";

const ZDate = z.iso.date("invalidDate");
const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "invalidCurrency");

/** Each field of a campaign, as validated (the form and the API share them). */
const CAMPAIGN_FIELDS = {
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  channel: z.enum(Channel, { message: "required" }),
  startDate: ZDate.nullable(),
  endDate: ZDate.nullable(),
  budget: z.coerce.number().min(0, "notNegative").max(1_000_000_000, "tooLarge").nullable(),
  currency: ZCurrency,
  ownerId: z.string().max(64).nullable(),
};

export const ZCampaignInput = z
  .object({
    ...CAMPAIGN_FIELDS,
    startDate: CAMPAIGN_FIELDS.startDate.default(null),
    endDate: CAMPAIGN_FIELDS.endDate.default(null),
    budget: CAMPAIGN_FIELDS.budget.default(null),
    currency: CAMPAIGN_FIELDS.currency.default("EUR"),
    ownerId: CAMPAIGN_FIELDS.ownerId.default(null),
  })
  .strict()
  .refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, {
    path: ["endDate"],
    message: "endBeforeStart",
  });
export type CampaignInput = z.infer<typeof ZCampaignInput>;

/** A change to a campaign (API PATCH): any of its fields; the merged campaign is then validated whole. */
export const ZCampaignPatch = z
  .object(Object.fromEntries(Object.entries(CAMPAIGN_FIELDS).map(([key, field]) => [key, field.optional()])))
  .strict() as z.ZodType<Partial<CampaignInput>>;

const SPEND_PERIOD = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("day"), date: ZDate }),
  z.object({ kind: z.literal("month"), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalidMonth") }),
]);
const SPEND_FIELDS = {
  period: SPEND_PERIOD,
  amount: z.coerce.number().min(0, "notNegative").max(1_000_000_000, "tooLarge"),
  currency: ZCurrency.default("EUR"),
  /** EUR per unit of the currency; required (and > 0) unless the currency is EUR. */
  eurRate: z.coerce.number().positive("mustBePositive").max(100_000, "tooLarge").nullable().default(null),
  note: z.string().trim().max(500, "tooLong").default(""),
};
const rateGiven = (s: { currency: string; eurRate: number | null }) => s.currency === "EUR" || s.eurRate !== null;

/** One spend entry of a campaign: a day, or a whole month. */
export const ZSpendInput = z
  .object({ campaignId: z.string().min(1).max(64), ...SPEND_FIELDS })
  .strict()
  .refine(rateGiven, { path: ["eurRate"], message: "rateRequired" });
export type SpendInput = z.infer<typeof ZSpendInput>;

/** The same entry for a campaign named by the URL (API). */
export const ZSpendEntry = z
  .object(SPEND_FIELDS)
  .strict()
  .refine(rateGiven, { path: ["eurRate"], message: "rateRequired" });

/** The first and last day a spend period covers. */
export function periodDays(period: SpendInput["period"]): { start: string; end: string } {
  if (period.kind === "day") return { start: period.date, end: period.date };
  const [y, m] = period.month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period.month}-01`, end: `${period.month}-${String(last).padStart(2, "0")}` };
}
