/**
 * Walks the whole capability table: for every capability and every role, the
 * server-side service guarded by that capability must let the role act exactly
 * when the table says so. A new capability without a probe here fails the
 * type check (Record<Capability, …>) and the completeness test below.
 */

import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/api-tokens/service";
import { listAuditEntries } from "@/server/audit/queries";
import type { Actor } from "@/server/auth/actor";
import { CAPABILITIES, CAPABILITY_NAMES, type Capability, can, ROLES } from "@/server/auth/permissions";
import { endMemberSessions, resetMemberTwoFactor } from "@/server/auth/session-list";
import { listCampaigns } from "@/server/campaigns/queries";
import { ZCampaignInput } from "@/server/campaigns/schema";
import { createCampaign } from "@/server/campaigns/service";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { listForms } from "@/server/forms/service";
import { listTerms } from "@/server/glossary/queries";
import { ZTermContent } from "@/server/glossary/schema";
import { approveRevision, commentOnTerm, deprecateTerm, proposeTerm } from "@/server/glossary/service";
import { setGoal } from "@/server/goals/service";
import { acceptHandoff, reassignHandoff } from "@/server/handoffs/answer";
import { createHandoffs } from "@/server/handoffs/assignment";
import { progressDeal } from "@/server/handoffs/deals";
import { listReturnedLeads } from "@/server/handoffs/queries";
import { currentSla, slaInputOf, updateSla } from "@/server/handoffs/sla";
import { getLead } from "@/server/leads/queries";
import { captureLead, logLeadActivity } from "@/server/leads/service";
import { changeMemberRole, inviteMember, listMembers, removeMember } from "@/server/members/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { listPersonas } from "@/server/personas/queries";
import { ZPersonaFields } from "@/server/personas/schema";
import { addPersonaFeedback, createPersona } from "@/server/personas/service";
import { exportWorkspace } from "@/server/portability/export";
import { eraseLead } from "@/server/privacy/service";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { getScoringModels, publishDraft, saveDraft } from "@/server/scoring/service";
import { ensureUser, freshWorkspace } from "@/server/seed/factories";
import { trackingSettings } from "@/server/tracking/service";
import { listEndpoints } from "@/server/webhooks/service";
import { getWorkspace } from "@/server/workspaces/queries";
import { updateWorkspace } from "@/server/workspaces/service";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
/** Tries the capability as `actor`; true when it acted, false when refused. */
type Probe = (actor: Actor, ws: Ws) => Promise<boolean>;

async function refusedIfForbidden(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") return false;
    throw error;
  }
}

let serial = 0;
const termContent = () =>
  ZTermContent.parse({
    category: "PROCESS",
    en: { name: `Probe term ${++serial} ${Math.random()}`, definition: "A term made by the permission walk." },
    it: { name: "", definition: "" },
  });
const personaFields = () => ZPersonaFields.parse({ name: `Probe persona ${++serial}` });

const memberId = async (ws: Ws, userId: string) =>
  (await listMembers(ws.admin)).find((m) => m.user.id === userId)?.id ?? "";

const PROBES: Record<Capability, Probe> = {
  "workspace.read": (actor) => refusedIfForbidden(getWorkspace(actor)),
  "workspace.update": (actor, ws) =>
    refusedIfForbidden(updateWorkspace(actor, { name: ws.workspace.name, timeZone: "Europe/Rome" })),
  "workspace.transfer": (actor) => refusedIfForbidden(exportWorkspace(actor).next()),
  "members.read": (actor) => refusedIfForbidden(listMembers(actor)),
  "members.invite": (actor) =>
    refusedIfForbidden(inviteMember(actor, { email: `p-${Math.random()}@test.example`, role: "SALES" })),
  "members.changeRole": async (actor, ws) =>
    refusedIfForbidden(
      changeMemberRole(actor, { membershipId: await memberId(ws, ws.marketer.userId), role: "MARKETER" }),
    ),
  "members.remove": async (actor, ws) => {
    // Remove a throw-away member so the actor itself stays.
    const user = await ensureUser({ email: `victim-${Math.random()}@test.example`, name: "Victim" });
    const m = await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role: "SALES" } });
    return refusedIfForbidden(removeMember(actor, { membershipId: m.id }));
  },
  "members.endSessions": async (actor, ws) =>
    refusedIfForbidden(endMemberSessions(actor, { membershipId: await memberId(ws, ws.marketer.userId) })),
  "members.resetTwoFactor": async (actor, ws) =>
    refusedIfForbidden(resetMemberTwoFactor(actor, { membershipId: await memberId(ws, ws.marketer.userId) })),
  "apiTokens.manageOwn": (actor) => refusedIfForbidden(createApiToken(actor, { name: "probe" })),
  "apiTokens.manageAll": async (actor, ws) => {
    // Someone else's token: visible and revocable only with manageAll.
    const other = actor.userId === ws.sales.userId ? ws.marketer : ws.sales;
    const token = await createApiToken(other, { name: "someone else's" });
    let seen: boolean;
    try {
      seen = (await listApiTokens(actor)).some((t) => t.id === token.id);
    } catch (error) {
      if (isAppError(error) && error.code === "forbidden") return false;
      throw error;
    }
    const revoked = await revokeApiToken(actor, { tokenId: token.id }).then(
      () => true,
      (error) => {
        if (isAppError(error) && (error.code === "notFound" || error.code === "forbidden")) return false;
        throw error;
      },
    );
    expect(seen).toBe(revoked);
    return revoked;
  },
  "audit.read": (actor) => refusedIfForbidden(listAuditEntries(actor, {})),
  "webhooks.manage": (actor) => refusedIfForbidden(listEndpoints(actor)),
  "forms.edit": (actor) => refusedIfForbidden(listForms(actor)),
  "tracking.edit": (actor) => refusedIfForbidden(trackingSettings(actor)),
  "glossary.read": (actor) => refusedIfForbidden(listTerms(actor, {})),
  "glossary.propose": (actor) => refusedIfForbidden(proposeTerm(actor, termContent())),
  "glossary.approve": async (actor, ws) => {
    const { revisionId } = await proposeTerm(ws.admin, termContent());
    return refusedIfForbidden(approveRevision(actor, revisionId));
  },
  "glossary.comment": async (actor, ws) => {
    const { termId } = await proposeTerm(ws.admin, termContent());
    return refusedIfForbidden(commentOnTerm(actor, termId, "Looks right to me"));
  },
  "glossary.deprecate": async (actor, ws) => {
    const { termId } = await proposeTerm(ws.admin, termContent());
    return refusedIfForbidden(deprecateTerm(actor, termId, null));
  },
  "leads.read": async (actor, ws) => {
    const { lead } = await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, { email: `lead-${++serial}@probe.test` }),
    );
    return refusedIfForbidden(getLead(actor, lead.id));
  },
  "leads.write": (actor) =>
    refusedIfForbidden(db.$transaction((tx) => captureLead(tx, actor, { email: `lead-${++serial}@probe.test` }))),
  "leads.logActivity": async (actor, ws) => {
    // On a lead the actor owns: a sales rep logs on their own leads (another's is refused, tested in leads.test.ts).
    const lead = await db.lead.create({
      data: {
        workspaceId: ws.workspace.id,
        email: `activity-${++serial}@probe.test`,
        channel: "EVENTS",
        ownerId: actor.userId,
      },
    });
    return refusedIfForbidden(logLeadActivity(actor, lead.id, { type: "DEMO_REQUESTED", note: "probe" }));
  },
  "rules.read": (actor) => refusedIfForbidden(getScoringModels(actor)),
  "rules.edit": (actor) => refusedIfForbidden(saveDraft(actor, { definition: DEFAULT_SCORING_MODEL, note: "probe" })),
  "rules.publish": async (actor, ws) => {
    await saveDraft(ws.manager, { definition: DEFAULT_SCORING_MODEL, note: "probe" });
    return refusedIfForbidden(publishDraft(actor, { note: "probe" }));
  },
  "personas.read": (actor) => refusedIfForbidden(listPersonas(actor)),
  "personas.edit": (actor) => refusedIfForbidden(createPersona(actor, personaFields())),
  "personas.feedback": async (actor, ws) => {
    const persona = await createPersona(ws.marketer, personaFields());
    return refusedIfForbidden(addPersonaFeedback(actor, { personaId: persona.id, rating: 4, body: "Matches" }));
  },
  "handoffs.read": (actor) => refusedIfForbidden(listReturnedLeads(actor, {})),
  "handoffs.answer": async (actor, ws) => refusedIfForbidden(acceptHandoff(actor, (await handoffFor(ws)).id)),
  "handoffs.assign": async (actor, ws) =>
    refusedIfForbidden(reassignHandoff(actor, (await handoffFor(ws)).id, ws.manager.userId)),
  "sla.edit": async (actor, ws) =>
    refusedIfForbidden(updateSla(actor, slaInputOf(await currentSla(db, ws.workspace.id)))),
  "deals.progress": async (actor, ws) => {
    const handoff = await handoffFor(ws);
    await acceptHandoff(ws.sales, handoff.id);
    return refusedIfForbidden(
      progressDeal(actor, handoff.leadId, { step: "opportunity", amount: 100, expectedCloseDate: "2027-01-31" }),
    );
  },
  "campaigns.read": (actor) => refusedIfForbidden(listCampaigns(actor)),
  "campaigns.edit": (actor) =>
    refusedIfForbidden(createCampaign(actor, ZCampaignInput.parse({ name: `Probe ${++serial}`, channel: "EVENTS" }))),
  "metrics.read": (actor) => refusedIfForbidden(funnelMetrics(actor, ZMetricsFilter.parse({}))),
  "goals.set": (actor) => refusedIfForbidden(setGoal(actor, { month: "2026-12", metric: "MQLS", target: 50 })),
  "privacy.manage": async (actor, ws) => {
    const lead = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: `erase-${++serial}@probe.test`, channel: "EVENTS" },
    });
    return refusedIfForbidden(eraseLead(actor, lead.id));
  },
};

/** An open handoff of a new MQL, assigned to the workspace's sales rep. */
async function handoffFor(ws: Ws) {
  const lead = await db.lead.create({
    data: { workspaceId: ws.workspace.id, email: `mql-${++serial}@probe.test`, channel: "EVENTS", stage: "MQL" },
  });
  const [handoff] = await db.$transaction((tx) =>
    createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: [lead.id], now: new Date(), actorUserId: null }),
  );
  if (!handoff) throw new Error("no handoff");
  return handoff;
}

describe("capability table, enforced by the services", () => {
  it("has a probe for every capability", () => {
    expect(Object.keys(PROBES).sort()).toEqual([...CAPABILITY_NAMES].sort());
  });

  const cases = CAPABILITY_NAMES.flatMap((capability) => ROLES.map((role) => [capability, role] as const));
  it.each(cases)("%s as %s", async (capability: Capability, role: Role) => {
    const ws = await freshWorkspace("Perm");
    const actor = { ADMIN: ws.admin, MANAGER: ws.manager, MARKETER: ws.marketer, SALES: ws.sales }[role];
    const acted = await PROBES[capability](actor, ws);
    expect(acted).toBe(can(role, capability));
    expect(acted).toBe((CAPABILITIES[capability] as readonly Role[]).includes(role));
  });

  it("refuses a role that is not in the table", async () => {
    const ws = await freshWorkspace("Perm");
    const bogus = { ...ws.admin, role: "OWNER" as Role };
    for (const capability of CAPABILITY_NAMES) {
      expect(await PROBES[capability](bogus, ws)).toBe(false);
    }
  });
});
