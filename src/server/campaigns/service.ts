import "server-only";
import Papa from "papaparse";

import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { type CampaignInput, periodDays, type SpendInput, ZSpendInput } from "@/server/campaigns/schema";
import { db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

async function assertOwner(tx: Tx, workspaceId: string, ownerId: string | null) {
  if (!ownerId) return;
  const member = await tx.membership.findFirst({ where: { workspaceId, userId: ownerId } });
  if (!member) throw new AppError("validation", "Unknown owner", { fieldErrors: { ownerId: ["notFound"] } });
}

function campaignData(input: CampaignInput) {
  return {
    name: input.name,
    channel: input.channel,
    startDate: day(input.startDate),
    endDate: day(input.endDate),
    budget: input.budget,
    currency: input.currency,
    ownerId: input.ownerId,
  };
}

function duplicateName(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** In the caller's transaction when given one (the API's idempotent POST), else in its own. */
function inTransaction<T>(client: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return client ? work(client) : db.$transaction(work);
}

export async function createCampaign(actor: Actor, input: CampaignInput, client?: Tx) {
  requirePermission(actor, "campaigns.edit");
  try {
    return await inTransaction(client, async (tx) => {
      await assertOwner(tx, actor.workspaceId, input.ownerId);
      const campaign = await tx.campaign.create({ data: { workspaceId: actor.workspaceId, ...campaignData(input) } });
      await writeAudit(tx, actor, {
        action: "campaign.created",
        entityType: "Campaign",
        entityId: campaign.id,
        after: input,
      });
      return campaign;
    });
  } catch (error) {
    if (duplicateName(error)) {
      throw new AppError("validation", "A campaign with this name exists", {
        fieldErrors: { name: ["duplicateName"] },
      });
    }
    throw error;
  }
}

export async function updateCampaign(actor: Actor, campaignId: string, input: CampaignInput, client?: Tx) {
  requirePermission(actor, "campaigns.edit");
  try {
    return await inTransaction(client, async (tx) => {
      const before = await tx.campaign.findFirst({ where: { id: campaignId, workspaceId: actor.workspaceId } });
      if (!before) throw notFound();
      await assertOwner(tx, actor.workspaceId, input.ownerId);
      const updated = await tx.campaign.update({ where: { id: campaignId }, data: campaignData(input) });
      await writeAudit(tx, actor, {
        action: "campaign.updated",
        entityType: "Campaign",
        entityId: campaignId,
        before: { name: before.name, channel: before.channel, budget: before.budget, currency: before.currency },
        after: input,
      });
      return updated;
    });
  } catch (error) {
    if (duplicateName(error)) {
      throw new AppError("validation", "A campaign with this name exists", {
        fieldErrors: { name: ["duplicateName"] },
      });
    }
    throw error;
  }
}

function spendRow(workspaceId: string, actor: Actor, input: SpendInput) {
  const { start, end } = periodDays(input.period);
  const eurRate = input.currency === "EUR" ? 1 : (input.eurRate as number);
  return {
    workspaceId,
    campaignId: input.campaignId,
    periodStart: new Date(`${start}T00:00:00Z`),
    periodEnd: new Date(`${end}T00:00:00Z`),
    amount: input.amount,
    currency: input.currency,
    eurRate,
    amountEur: Math.round(input.amount * eurRate * 100) / 100,
    note: input.note,
    createdById: actor.userId,
  };
}

async function upsertSpend(tx: Tx, actor: Actor, input: SpendInput) {
  const row = spendRow(actor.workspaceId, actor, input);
  return tx.campaignSpend.upsert({
    where: {
      campaignId_periodStart_periodEnd: {
        campaignId: row.campaignId,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
      },
    },
    create: row,
    update: {
      amount: row.amount,
      currency: row.currency,
      eurRate: row.eurRate,
      amountEur: row.amountEur,
      note: row.note,
    },
  });
}

/** Records spend for a day or a month; the same campaign and period again replaces it. */
export async function recordSpend(actor: Actor, input: SpendInput, client?: Tx) {
  requirePermission(actor, "campaigns.edit");
  return inTransaction(client, async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { id: input.campaignId, workspaceId: actor.workspaceId } });
    if (!campaign) throw notFound();
    const spend = await upsertSpend(tx, actor, input);
    await writeAudit(tx, actor, {
      action: "spend.recorded",
      entityType: "CampaignSpend",
      entityId: spend.id,
      after: input,
    });
    return spend;
  });
}

export async function deleteSpend(actor: Actor, spendId: string) {
  requirePermission(actor, "campaigns.edit");
  await db.$transaction(async (tx) => {
    const spend = await tx.campaignSpend.findFirst({ where: { id: spendId, workspaceId: actor.workspaceId } });
    if (!spend) throw notFound();
    await tx.campaignSpend.delete({ where: { id: spendId } });
    await writeAudit(tx, actor, {
      action: "spend.deleted",
      entityType: "CampaignSpend",
      entityId: spendId,
      before: {
        campaignId: spend.campaignId,
        periodStart: spend.periodStart,
        amount: spend.amount,
        currency: spend.currency,
      },
    });
  });
}

export type SpendImportResult =
  | { ok: true; rows: number }
  | { ok: false; errors: { row: number; messages: string[] }[] };

const MAX_SPEND_ROWS = 5_000;

/**
 * Spend from a CSV with the columns campaign, date (YYYY-MM-DD) or month
 * (YYYY-MM), amount, currency (optional, EUR), eur_rate (when not EUR), note.
 * All or nothing: a file with a bad row writes nothing and says which rows and why.
 */
export async function importSpendCsv(actor: Actor, content: string): Promise<SpendImportResult> {
  requirePermission(actor, "campaigns.edit");
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
  });
  if (parsed.data.length === 0) {
    throw new AppError("validation", "The file has no rows", { fieldErrors: { file: ["emptyFile"] } });
  }
  if (parsed.data.length > MAX_SPEND_ROWS) {
    throw new AppError("validation", "Too many rows", { fieldErrors: { file: ["tooMany"] } });
  }
  const campaigns = new Map(
    (await db.campaign.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, name: true } })).map(
      (c) => [c.name.trim().toLowerCase(), c.id],
    ),
  );
  const errors: { row: number; messages: string[] }[] = [];
  const inputs: SpendInput[] = [];
  parsed.data.forEach((raw, index) => {
    const campaignId = campaigns.get((raw.campaign ?? "").trim().toLowerCase());
    const period = raw.month?.trim()
      ? { kind: "month" as const, month: raw.month.trim() }
      : { kind: "day" as const, date: (raw.date ?? "").trim() };
    const result = ZSpendInput.safeParse({
      campaignId: campaignId ?? "",
      period,
      amount: (raw.amount ?? "").trim().replace(",", "."),
      currency: raw.currency?.trim() || "EUR",
      eurRate: raw.eur_rate?.trim() ? raw.eur_rate.trim().replace(",", ".") : null,
      note: raw.note ?? "",
    });
    const messages = [
      ...(campaignId ? [] : ["unknownCampaign"]),
      ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)),
    ];
    if (messages.length > 0) errors.push({ row: index + 1, messages });
    else if (result.success) inputs.push(result.data);
  });
  if (errors.length > 0) return { ok: false, errors };
  await db.$transaction(
    async (tx) => {
      for (const input of inputs) await upsertSpend(tx, actor, input);
      await writeAudit(tx, actor, {
        action: "spend.imported",
        entityType: "CampaignSpend",
        after: { rows: inputs.length },
      });
    },
    { timeout: 60_000 },
  );
  return { ok: true, rows: inputs.length };
}
