import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, isAppError, notFound } from "@/server/errors";
import { publishedModel } from "@/server/leads/scoring-context";
import { logger } from "@/server/logger";
import type { RejectReasonKey } from "@/server/scoring/backtest/metrics";
import { backtestRunning, defaultBacktestInput, startBacktest } from "@/server/scoring/backtest/service";
import { type BehaviourRule, matches, type ScoringModel } from "@/server/scoring/engine";
import { ZScoringModelDefinition } from "@/server/scoring/schema";
import { saveDraft } from "@/server/scoring/service";
import {
  type AnsweredHandoff,
  applyChange,
  type Finding,
  findDisagreements,
  type Names,
} from "@/server/scoring/suggestions/find";
import { rawQuery } from "@/server/sql";

export const SUGGESTION_PERIODS = [30, 90, 180, 365] as const;
export type SuggestionPeriod = (typeof SUGGESTION_PERIODS)[number];
/** Half a year of answers: at a few hundred MQLs a year, a quarter rarely holds enough returns to tell a pattern. */
export const DEFAULT_SUGGESTION_PERIOD: SuggestionPeriod = 180;
const DAY = 86_400_000;

/**
 * How far before the handoff an event still made a rule count: a window rule's window; a half-life rule's points
 * fall under 1 % of a point's worth after log2(100) ≈ 6.64 half-lives (an old download did not make the MQL).
 */
function creditDays(rule: BehaviourRule): number | null {
  if (rule.decay.mode === "window") return rule.decay.days;
  if (rule.decay.mode === "halfLife") return rule.decay.days * Math.log2(100);
  return null;
}

type Row = {
  rejected: boolean;
  reason: RejectReasonKey | null;
  personaId: string | null;
  channel: string;
  campaignId: string | null;
  email: string;
  industry: string;
  companySize: number | null;
  country: string;
  title: string;
  behaviour: string[];
};

/**
 * The handoffs sales answered in the period (of MQLs handed off since `handedOffSince`, when set), each with the lead
 * as it is and the published model's behaviour rules with points that had an event before the handoff still worth
 * something then (creditDays). The lead's
 * dimensions are the handoff's copies (trigger-kept), its fit attributes the lead's own.
 */
async function answeredHandoffs(
  workspaceId: string,
  model: ScoringModel,
  range: { from: Date; to: Date; handedOffSince: Date | null },
) {
  const positive = model.behaviourRules.filter((r) => r.points > 0);
  const rules =
    positive.length === 0
      ? Prisma.sql`SELECT NULL::text AS id, NULL::text AS type, NULL::float8 AS days WHERE false`
      : Prisma.sql`VALUES ${Prisma.join(
          positive.map((r) => Prisma.sql`(${r.id}::text, ${r.eventType}::text, ${creditDays(r)}::float8)`),
        )}`;
  const rows = await rawQuery<Row>(
    db,
    Prisma.sql`
    SELECT h.status = 'REJECTED' AS rejected, h."rejectReason"::text AS reason, l."personaId",
      COALESCE(h."leadChannel", l.channel)::text AS channel, h."leadCampaignId" AS "campaignId",
      l.email, l.industry, l."companySize", l.country, l.title,
      ARRAY(SELECT r.id FROM (${rules}) AS r(id, type, days)
            WHERE EXISTS (SELECT 1 FROM "LeadEvent" e
                          WHERE e."leadId" = h."leadId" AND e.type = r.type AND e."occurredAt" <= h."handedOffAt"
                            AND (r.days IS NULL OR e."occurredAt" >= h."handedOffAt" - make_interval(secs => r.days * 86400)))
      ) AS behaviour
    FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId"
    WHERE h."workspaceId" = ${workspaceId} AND h.status IN ('ACCEPTED', 'REJECTED')
      AND h."answeredAt" >= ${range.from}::timestamp(3) AND h."answeredAt" < ${range.to}::timestamp(3)
      ${range.handedOffSince ? Prisma.sql`AND h."handedOffAt" >= ${range.handedOffSince}::timestamp(3)` : Prisma.empty}
      AND l."erasedAt" IS NULL`,
  );
  const fit = model.fitRules.filter((r) => r.points > 0);
  return rows.map(
    (row): AnsweredHandoff => ({
      rejected: row.rejected,
      reason: row.reason,
      personaId: row.personaId,
      channel: row.channel,
      campaignId: row.campaignId,
      title: row.title,
      rules: [...fit.filter((r) => matches(r.when, row)).map((r) => r.id), ...row.behaviour],
    }),
  );
}

export type FindingView = Finding & { name: string };
export type Suggestions = {
  days: SuggestionPeriod;
  /** Set when the rules in force were published within the period: only their MQLs count, from then on. */
  since: { version: number; publishedAt: Date } | null;
  handoffs: number;
  rejected: number;
  findings: FindingView[];
};

async function compute(actor: Actor, days: SuggestionPeriod, names: Omit<Names, "persona">, now: Date) {
  const { id: modelId, model } = await db.$transaction((tx) => publishedModel(tx, actor.workspaceId));
  // Only MQLs of the rules in force: answers to MQLs handed off before their publish judged other rules (and would
  // keep asking to lower a rule that was just lowered).
  const inForce = await db.scoringModel.findUniqueOrThrow({
    where: { id: modelId },
    select: { version: true, publishedAt: true },
  });
  const periodStart = new Date(now.getTime() - days * DAY);
  const since = inForce.publishedAt && inForce.publishedAt > periodStart ? inForce.publishedAt : null;
  const handoffs = await answeredHandoffs(actor.workspaceId, model, {
    from: since ?? periodStart,
    to: now,
    handedOffSince: since,
  });
  const [personas, campaigns] = await Promise.all([
    db.persona.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, name: true } }),
    db.campaign.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, name: true } }),
  ]);
  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const findings = findDisagreements(handoffs, model, {
    ...names,
    persona: (id) => personaName.get(id) ?? id,
  });
  const ruleLabel = new Map([...model.fitRules, ...model.behaviourRules].map((r) => [r.id, r.label]));
  const nameOf = (f: Finding) => {
    switch (f.dimension) {
      case "rule":
        return ruleLabel.get(f.value) ?? f.value;
      case "persona":
        return personaName.get(f.value) ?? f.value;
      case "campaign":
        return campaignName.get(f.value) ?? f.value;
      case "channel":
        return names.channel(f.value);
      case "title":
        return f.value;
    }
  };
  return {
    model,
    suggestions: {
      days,
      since: since ? { version: inForce.version, publishedAt: since } : null,
      handoffs: handoffs.length,
      rejected: handoffs.filter((h) => h.rejected).length,
      findings: findings.map((f) => ({ ...f, name: nameOf(f) })),
    } satisfies Suggestions,
  };
}

/** Where sales returns the model's MQLs far more often than the average, in the last `days` days. */
export async function listSuggestions(
  actor: Actor,
  days: SuggestionPeriod,
  names: Omit<Names, "persona">,
  now = new Date(),
): Promise<Suggestions> {
  requirePermission(actor, "rules.read");
  return (await compute(actor, days, names, now)).suggestions;
}

/**
 * Opens a suggestion: the published model with the finding's change becomes the draft (replacing any draft),
 * and its backtest starts at once with the default window. Nothing changes for leads until someone publishes.
 */
export async function openSuggestion(
  actor: Actor,
  input: { days: SuggestionPeriod; key: string },
  words: { names: Omit<Names, "persona">; note: (finding: FindingView) => string },
  now = new Date(),
) {
  requirePermission(actor, "rules.edit");
  // Refused before anything is written: the draft would change under a running backtest of the old one.
  if (await backtestRunning(actor.workspaceId)) {
    throw new AppError("conflict", "A backtest is already running", { params: { reason: "backtestRunning" } });
  }
  const { model, suggestions } = await compute(actor, input.days, words.names, now);
  const finding = suggestions.findings.find((f) => f.key === input.key);
  if (!finding) throw notFound();
  if (!finding.change)
    throw new AppError("conflict", "No rule can express this finding", { params: { reason: "noChange" } });
  // Validated like any draft (a label or word past its limit is refused here, not stored to break the rules page).
  const definition = ZScoringModelDefinition.parse(
    applyChange(model, finding.change, `suggested-${Date.now().toString(36)}`),
  );
  const draft = await saveDraft(actor, { definition, note: words.note(finding).slice(0, 500) });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { timeZone: true },
  });
  let backtestId: string | null = null;
  try {
    backtestId = (await startBacktest(actor, defaultBacktestInput(workspace.timeZone, now), now)).id;
  } catch (error) {
    // Another backtest started in between (the check above is not a lock): the draft is saved, and the rules
    // page offers to run its backtest. Anything else is an error.
    if (!(isAppError(error) && error.code === "conflict")) throw error;
    logger.info("suggestion.backtestNotStarted", { reason: "backtestRunning" });
  }
  return { version: draft.version, backtestId };
}
