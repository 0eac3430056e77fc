/**
 * Permissions are data: each capability lists the roles that have it.
 * `requirePermission` (see ./actor.ts) checks this table first thing in every
 * server action and route handler. A role or capability not in the table is
 * refused (fail closed).
 */
import type { Role } from "@/generated/prisma/enums";

export const ROLES = ["ADMIN", "MANAGER", "MARKETER", "SALES"] as const satisfies readonly Role[];

const ALL: readonly Role[] = ROLES;

export const CAPABILITIES = {
  /** See the workspace and its shared pages. */
  "workspace.read": ALL,
  /** Rename the workspace, change its time zone. */
  "workspace.update": ["ADMIN"],
  /** Export the whole workspace as an archive, and load an archive into an empty workspace. */
  "workspace.transfer": ["ADMIN"],
  "members.read": ALL,
  "members.invite": ["ADMIN"],
  "members.changeRole": ["ADMIN"],
  "members.remove": ["ADMIN"],
  /** End another member's sessions (a lost laptop, a departure). */
  "members.endSessions": ["ADMIN"],
  /** Turn off a member's second factor (a lost phone and lost recovery codes), so they can set it up again. */
  "members.resetTwoFactor": ["ADMIN"],
  /** Create, list and revoke one's own API tokens. */
  "apiTokens.manageOwn": ALL,
  /** See and revoke every member's API tokens. */
  "apiTokens.manageAll": ["ADMIN"],
  "audit.read": ["ADMIN"],
  /** Subscribe URLs and Slack to the workspace's events, read their delivery log, redeliver. */
  "webhooks.manage": ["ADMIN"],
  /** Browse the glossary, follow terms. */
  "glossary.read": ALL,
  /** Propose a new term or a change to a term. */
  "glossary.propose": ALL,
  /** Approve a proposed revision (marketing side, sales side, or a manager for both). */
  "glossary.approve": ["MARKETER", "SALES", "MANAGER"],
  "glossary.comment": ALL,
  "glossary.deprecate": ["MANAGER"],
  "personas.read": ALL,
  /** Create, edit, duplicate and archive personas. */
  "personas.edit": ["MARKETER", "MANAGER"],
  /** Field feedback from sales on how a persona matches reality. */
  "personas.feedback": ["SALES", "MANAGER"],
  "leads.read": ALL,
  /** Create and update leads, record their events (forms, imports, integrations). */
  "leads.write": ["ADMIN", "MANAGER", "MARKETER"],
  // Logging a call or a meeting on a lead's page; a sales rep only on the leads they own (checked in the service).
  "leads.logActivity": ALL,
  /** Build website forms, see their views, submissions and conversion. */
  "forms.edit": ["ADMIN", "MANAGER", "MARKETER"],
  /** Set up the website tracking snippet: consent, sites, URL and channel rules. */
  "tracking.edit": ["ADMIN", "MANAGER", "MARKETER"],
  /** See the scoring model (MQL criteria), its versions and previews. */
  "rules.read": ALL,
  /** Edit the draft scoring model and preview it. */
  "rules.edit": ["MARKETER", "MANAGER"],
  /** Publish a draft (every lead is re-scored). */
  "rules.publish": ["MARKETER", "MANAGER"],
  /** See handoffs, the SLA and returned leads. */
  "handoffs.read": ALL,
  /** Accept or reject a handoff (one's own; a manager any), mark oneself away. */
  "handoffs.answer": ["SALES", "MANAGER"],
  /** Reassign handoffs by hand, edit routing rules, mark any rep away. */
  "handoffs.assign": ["MANAGER"],
  /** Change the SLA (a new version). */
  "sla.edit": ["MANAGER"],
  /** Move one's SQLs on: opportunity, won, lost (a manager any lead's). */
  "deals.progress": ["SALES", "MANAGER"],
  /** See campaigns and their spend. */
  "campaigns.read": ALL,
  /** Create and edit campaigns, record spend (form or CSV). */
  "campaigns.edit": ["MARKETER", "MANAGER"],
  /** Read the shared dashboards (funnel, SLA, ROI, goals) and the metrics API: one set of numbers for both teams. */
  "metrics.read": ALL,
  /** Answer GDPR requests about a lead: find it by e-mail, export its data, erase its personal data. */
  "privacy.manage": ["ADMIN", "MANAGER"],
  /** Set the monthly shared goals. */
  "goals.set": ["MANAGER"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: unknown, capability: Capability): boolean {
  if (!isRole(role)) return false;
  const allowed: readonly Role[] | undefined = CAPABILITIES[capability];
  return allowed?.includes(role) === true;
}
