import "server-only";
import { csvRow } from "@/lib/csv";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { exportLeads, type LeadFilter } from "@/server/leads/list";
import type { ScoredLead } from "@/server/leads/score-row";

type Translate = (key: string) => string;

/**
 * The leads export as people read it, in their language: channel and stage by
 * their names, persona, campaign and owner by name, headers the import
 * recognises. The same file imported back changes nothing (tested).
 */
export async function* leadsCsv(actor: Actor, filter: LeadFilter, t: Translate): AsyncGenerator<string> {
  requirePermission(actor, "leads.read");
  const [personas, campaigns, members] = await Promise.all([
    db.persona.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, name: true } }),
    db.campaign.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, name: true } }),
    // Every member (and former owner still a member): a lead may be owned by a manager or an admin too.
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const names = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  const persona = names(personas);
  const campaign = names(campaigns);
  const owner = names(members.map((m) => m.user));
  const nameOf = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? id) : "");

  const columns: [string, (lead: ScoredLead) => unknown][] = [
    ["email", (l) => l.email],
    ["name", (l) => l.name],
    ["phone", (l) => l.phone],
    ["company", (l) => l.company],
    ["title", (l) => l.title],
    ["industry", (l) => l.industry],
    ["companySize", (l) => l.companySize],
    ["country", (l) => l.country],
    ["channel", (l) => t(`channels.${l.channel}`)],
    ["campaign", (l) => nameOf(campaign, l.campaignId)],
    ["stage", (l) => t(`leads.stages.${l.stage}`)],
    ["persona", (l) => nameOf(persona, l.personaId)],
    ["owner", (l) => nameOf(owner, l.ownerId)],
    ["fitScore", (l) => l.fitScore],
    ["engagementScore", (l) => l.engagementScore],
    ["totalScore", (l) => l.totalScore],
    ["qualifies", (l) => t(l.qualifies ? "leadExport.yes" : "leadExport.no")],
    ["createdAt", (l) => l.createdAt],
    ["id", (l) => l.id],
  ];
  yield `\uFEFF${csvRow(columns.map(([key]) => t(`leadExport.${key}`)))}`;
  for await (const batch of exportLeads(actor, filter)) {
    yield batch.map((lead) => csvRow(columns.map(([, value]) => value(lead)))).join("");
  }
}
