import "server-only";
import { appUrl } from "@/env";
import type { Db, Tx } from "@/server/db";
import { leadDto } from "@/server/leads/dto";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import type { WebhookEventType } from "@/server/webhooks/events";
import { emitWebhooks, type OutgoingEvent } from "@/server/webhooks/outbox";

/**
 * The events of each kind of change, with the data receivers need to act
 * without calling back (the lead as the API shows it, the handoff with its
 * assignee, a link into the app). Each reads what it sends only when an
 * endpoint of the workspace subscribes to the type.
 */

export async function subscribed(client: Tx | Db, workspaceId: string, types: WebhookEventType[]): Promise<boolean> {
  const found = await client.webhookEndpoint.findFirst({
    where: { workspaceId, disabledAt: null, events: { hasSome: types } },
    select: { id: true },
  });
  return found !== null;
}

export const leadUrl = (leadId: string) => `${appUrl()}/leads/${leadId}`;

/** The lead as the public API shows it, with its page in the app. */
async function leadData(client: Tx | Db, workspaceId: string, leadIds: string[]) {
  const leads = await client.lead.findMany({ where: { workspaceId, id: { in: leadIds } }, include: WITH_SCORE });
  return new Map(leads.map((lead) => [lead.id, { ...leadDto(withScore(lead)), url: leadUrl(lead.id) }]));
}

/** lead.created, lead.updated, lead.mql, deal.won, deal.lost: the lead after the change. */
export async function emitLeadEvents(
  client: Tx | Db,
  workspaceId: string,
  type: WebhookEventType,
  leadIds: string[],
  now = new Date(),
) {
  if (leadIds.length === 0 || !(await subscribed(client, workspaceId, [type]))) return;
  const leads = await leadData(client, workspaceId, leadIds);
  const events: OutgoingEvent[] = leadIds.flatMap((id) => {
    const lead = leads.get(id);
    return lead ? [{ type, leadId: id, data: { lead } }] : [];
  });
  await emitWebhooks(client, workspaceId, events, now);
}

/** handoff.*: the handoff (assignee, clock, answer) and its lead. */
export async function emitHandoffEvents(
  client: Tx | Db,
  workspaceId: string,
  type: Extract<WebhookEventType, `handoff.${string}`>,
  handoffIds: string[],
  now = new Date(),
  /** Whether the workspace subscribes to `type`, when the caller already knows (a sweep asks once per batch). */
  known?: boolean,
) {
  if (handoffIds.length === 0 || !(known ?? (await subscribed(client, workspaceId, [type])))) return;
  const handoffs = await client.handoff.findMany({ where: { workspaceId, id: { in: handoffIds } } });
  const userIds = [...new Set(handoffs.flatMap((h) => [h.assigneeId, h.answeredById]).filter((id) => id !== null))];
  const users = new Map(
    (await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  const leads = await leadData(
    client,
    workspaceId,
    handoffs.map((h) => h.leadId),
  );
  const person = (id: string | null) => (id ? (users.get(id) ?? { id, name: "" }) : null);
  const byId = new Map(handoffs.map((h) => [h.id, h]));
  const events: OutgoingEvent[] = handoffIds.flatMap((id) => {
    const h = byId.get(id);
    const lead = h && leads.get(h.leadId);
    if (!h || !lead) return [];
    const handoff = {
      id: h.id,
      status: h.status,
      handedOffAt: h.handedOffAt,
      scoreAtHandoff: h.scoreAtHandoff,
      assignee: person(h.assigneeId),
      dueAt: h.dueAt,
      breachedAt: h.breachedAt,
      breachCount: h.breachCount,
      answeredAt: h.answeredAt,
      answeredBy: person(h.answeredById),
      rejectReason: h.rejectReason,
      note: h.note || null,
      url: `${appUrl()}/handoffs?focus=${h.id}`,
    };
    return [{ type, leadId: h.leadId, data: { handoff, lead } }];
  });
  await emitWebhooks(client, workspaceId, events, now);
}

/** Leads became MQL and went to sales (the handoffs createHandoffs returned): lead.mql, then handoff.created. */
export async function emitQualified(
  client: Tx | Db,
  workspaceId: string,
  handoffs: readonly { id: string; leadId: string }[],
  now = new Date(),
) {
  if (handoffs.length === 0) return;
  await emitLeadEvents(
    client,
    workspaceId,
    "lead.mql",
    handoffs.map((h) => h.leadId),
    now,
  );
  await emitHandoffEvents(
    client,
    workspaceId,
    "handoff.created",
    handoffs.map((h) => h.id),
    now,
  );
}

/** term.agreed, model.published: workspace-level events, no lead. */
export async function emitWorkspaceEvent(
  client: Tx | Db,
  workspaceId: string,
  type: Extract<WebhookEventType, "term.agreed" | "model.published">,
  data: () => Promise<Record<string, unknown>>,
  now = new Date(),
) {
  if (!(await subscribed(client, workspaceId, [type]))) return;
  await emitWebhooks(client, workspaceId, [{ type, data: await data() }], now);
}
