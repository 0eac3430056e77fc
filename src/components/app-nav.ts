import type { Capability } from "@/server/auth/permissions";

/**
 * The app's main sections. Each issue that builds a section adds it here; a
 * section shows only to roles with its capability.
 */
export const NAV_ITEMS: { href: string; labelKey: string; capability: Capability }[] = [
  { href: "/", labelKey: "nav.home", capability: "workspace.read" },
  { href: "/glossary", labelKey: "nav.glossary", capability: "glossary.read" },
  { href: "/personas", labelKey: "nav.personas", capability: "personas.read" },
  { href: "/leads", labelKey: "nav.leads", capability: "leads.read" },
  { href: "/handoffs", labelKey: "nav.handoffs", capability: "handoffs.read" },
  { href: "/sla", labelKey: "nav.sla", capability: "handoffs.read" },
  { href: "/dashboards", labelKey: "nav.dashboards", capability: "metrics.read" },
  { href: "/campaigns", labelKey: "nav.campaigns", capability: "campaigns.read" },
  { href: "/forms", labelKey: "nav.forms", capability: "forms.edit" },
  { href: "/rules", labelKey: "nav.rules", capability: "rules.read" },
  { href: "/notifications", labelKey: "nav.notifications", capability: "workspace.read" },
  { href: "/settings", labelKey: "nav.settings", capability: "workspace.read" },
];
