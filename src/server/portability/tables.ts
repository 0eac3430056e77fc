import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * What a workspace archive holds, table by table, in an order where every
 * row's references come earlier (GlossaryTerm's two references to later rows
 * are set after their targets exist).
 *
 * Left out on purpose: sign-in sessions, invitations and API tokens (secrets
 * of this installation), idempotency records and rate-limit counters
 * (short-lived), the funnel rollup (rebuilt from the rows on import).
 */
export type ArchiveTable = {
  /** Prisma model (delegate) name. */
  model: Uncapitalize<Prisma.ModelName>;
  /** Rows of the workspace. */
  where: (workspaceId: string) => object;
  /** Key to page through the rows in a stable order. */
  orderBy: object[];
  /** The id is an autoincrement number: the importing database assigns new ones (in the same order). */
  serialId?: boolean;
};

const own = (workspaceId: string) => ({ workspaceId });

export const ARCHIVE_TABLES: ArchiveTable[] = [
  { model: "membership", where: own, orderBy: [{ id: "asc" }] },
  { model: "scoringModel", where: own, orderBy: [{ id: "asc" }] },
  { model: "scoringBacktest", where: own, orderBy: [{ id: "asc" }] },
  { model: "leadEventType", where: own, orderBy: [{ key: "asc" }] },
  { model: "persona", where: own, orderBy: [{ id: "asc" }] },
  { model: "personaVersion", where: (w) => ({ persona: { workspaceId: w } }), orderBy: [{ id: "asc" }] },
  { model: "personaFeedback", where: own, orderBy: [{ id: "asc" }] },
  { model: "glossaryTerm", where: own, orderBy: [{ id: "asc" }] },
  { model: "termRevision", where: own, orderBy: [{ id: "asc" }] },
  { model: "termApproval", where: (w) => ({ revision: { workspaceId: w } }), orderBy: [{ id: "asc" }] },
  { model: "termComment", where: own, orderBy: [{ id: "asc" }] },
  {
    model: "termFollower",
    where: (w) => ({ term: { workspaceId: w } }),
    orderBy: [{ termId: "asc" }, { userId: "asc" }],
  },
  { model: "campaign", where: own, orderBy: [{ id: "asc" }] },
  { model: "campaignSpend", where: own, orderBy: [{ id: "asc" }] },
  { model: "goal", where: own, orderBy: [{ id: "asc" }] },
  { model: "slaPolicy", where: own, orderBy: [{ id: "asc" }] },
  { model: "routingRule", where: own, orderBy: [{ id: "asc" }] },
  { model: "lead", where: own, orderBy: [{ id: "asc" }] },
  { model: "leadScore", where: own, orderBy: [{ leadId: "asc" }] },
  { model: "leadEvent", where: own, orderBy: [{ id: "asc" }], serialId: true },
  { model: "leadStageChange", where: own, orderBy: [{ id: "asc" }], serialId: true },
  { model: "handoff", where: own, orderBy: [{ id: "asc" }] },
  { model: "handoffEvent", where: own, orderBy: [{ id: "asc" }], serialId: true },
  { model: "notification", where: own, orderBy: [{ id: "asc" }] },
  { model: "savedLeadView", where: own, orderBy: [{ id: "asc" }] },
  { model: "leadImport", where: own, orderBy: [{ id: "asc" }] },
  {
    model: "leadImportRejection",
    where: (w) => ({ import: { workspaceId: w } }),
    orderBy: [{ id: "asc" }],
    serialId: true,
  },
  { model: "auditLog", where: own, orderBy: [{ id: "asc" }], serialId: true },
];

/** Every column that holds a user id, per table (users are matched by e-mail between installations). */
export const USER_COLUMNS: Record<string, string[]> = {
  Membership: ["userId"],
  TermRevision: ["authorId"],
  TermApproval: ["userId"],
  TermComment: ["authorId"],
  TermFollower: ["userId"],
  GlossaryTerm: ["deprecatedById"],
  Notification: ["userId"],
  Persona: ["createdById", "updatedById"],
  PersonaVersion: ["editedById"],
  PersonaFeedback: ["authorId"],
  Campaign: ["ownerId"],
  CampaignSpend: ["createdById"],
  Goal: ["setById"],
  Lead: ["ownerId"],
  /** The lead's owner again (a copy the import's triggers set from the lead). */
  LeadScore: ["ownerId"],
  LeadStageChange: ["actorUserId"],
  ScoringModel: ["createdById", "publishedById"],
  ScoringBacktest: ["createdById"],
  SavedLeadView: ["userId"],
  LeadImport: ["createdById"],
  SlaPolicy: ["createdById"],
  Handoff: ["assigneeId", "answeredById"],
  RoutingRule: ["repUserIds"],
  HandoffEvent: ["actorUserId", "fromUserId", "toUserId"],
  AuditLog: ["actorUserId"],
};
