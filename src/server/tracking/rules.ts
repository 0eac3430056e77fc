import { z } from "zod";
import { Channel } from "@/generated/prisma/enums";
import { plainText } from "@/lib/plain-text";
import { ZEventType } from "@/server/leads/schema";

/**
 * The marketer's rules that read a page view: which event type a URL is
 * (so behaviour rules score it) and which channel a visit came through (from
 * its UTM parameters or its referrer). Pure: the collector stores raw views,
 * these rules are applied when views become a lead's events, so a rule the
 * marketer adds later also reads the visits from before.
 */

export const ZUrlRule = z.strictObject({
  match: z.enum(["pathPrefix", "urlContains"]),
  value: plainText(300).pipe(z.string().min(1, "required")),
  eventType: ZEventType,
});
export type UrlRule = z.infer<typeof ZUrlRule>;

export const ZChannelRule = z.strictObject({
  /** What the rule reads: utm_source, utm_medium, or the referrer's host name. */
  field: z.enum(["source", "medium", "referrer"]),
  /**
   * `equals` compares without case — for a referrer, that host or any host under it (google.com: www.google.com,
   * not notgoogle.com); `contains` finds the words anywhere.
   */
  op: z.enum(["equals", "contains"]),
  /** One value or several separated by commas (any of them matches). */
  value: plainText(500).pipe(z.string().min(1, "required")),
  channel: z.enum(Channel, "unknownChannel"),
});
export type ChannelRule = z.infer<typeof ZChannelRule>;

export const ZUrlRules = z.array(ZUrlRule).max(50);
export const ZChannelRules = z.array(ZChannelRule).max(100);

export const DEFAULT_URL_RULES: UrlRule[] = [
  { match: "pathPrefix", value: "/pricing", eventType: "PRICING_PAGE_VIEWED" },
  { match: "pathPrefix", value: "/prezzi", eventType: "PRICING_PAGE_VIEWED" },
];

/** The usual sources, as most analytics tools group them; the marketer edits, reorders or removes them. */
export const DEFAULT_CHANNEL_RULES: ChannelRule[] = [
  rule("medium", "equals", "cpc, ppc, paid, paidsearch, sem", "PAID_SEARCH"),
  rule("medium", "equals", "email, e-mail, newsletter", "EMAIL"),
  rule("medium", "equals", "social, paid-social, paidsocial", "SOCIAL"),
  rule("medium", "equals", "partner, affiliate", "PARTNER"),
  rule("medium", "equals", "event", "EVENTS"),
  rule("source", "equals", "linkedin, facebook, instagram, twitter, x, youtube", "SOCIAL"),
  rule(
    "referrer",
    "equals",
    "google.com, google.it, google.de, google.fr, google.es, google.co.uk, google.ch, bing.com, duckduckgo.com, search.yahoo.com, ecosia.org, qwant.com",
    "ORGANIC_SEARCH",
  ),
  rule(
    "referrer",
    "equals",
    "linkedin.com, lnkd.in, facebook.com, instagram.com, t.co, x.com, twitter.com, youtube.com",
    "SOCIAL",
  ),
];

function rule(field: ChannelRule["field"], op: ChannelRule["op"], value: string, channel: Channel): ChannelRule {
  return { field, op, value, channel };
}

/** A rule's values: "cpc, ppc" is either of them, compared without case. */
function ruleValues(value: string): string[] {
  return value
    .toLowerCase()
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A stored rule list, read leniently: a rule that no longer validates is skipped, never fatal for a visit. */
export function parseRules<T>(schema: z.ZodType<T>, stored: unknown): T[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function safeUrl(value: string): URL | null {
  return URL.canParse(value) ? new URL(value) : null;
}

/** The event type of a page: the first URL rule that matches, else a plain page view. */
export function eventTypeFor(url: string, rules: UrlRule[]): string {
  const parsed = safeUrl(url);
  const path = (parsed?.pathname ?? "").toLowerCase();
  const whole = url.toLowerCase();
  for (const r of rules) {
    const value = r.value.toLowerCase();
    if (r.match === "pathPrefix" ? pathStartsWith(path, value) : whole.includes(value)) return r.eventType;
  }
  return "PAGE_VIEWED";
}

/** "/pricing" covers /pricing, /pricing/ and /pricing/teams, not /pricingfaq; under a language (/it/pricing) too. */
function pathStartsWith(path: string, prefix: string): boolean {
  const p = `/${prefix.replace(/^\/+|\/+$/g, "")}`;
  const under = (rest: string) => rest.startsWith(p) && (rest.length === p.length || rest[p.length] === "/");
  const language = /^\/[a-z]{2}(-[a-z]{2})?(?=\/)/.exec(path);
  return under(path) || (language !== null && under(path.slice(language[0].length)));
}

export type VisitFacts = {
  url: string;
  referrer: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
};

/** Where a visit came from, as kept on the lead (first and last touch) and shown on its page. */
export type Touch = {
  channel: Channel;
  source: string;
  medium: string;
  campaign: string;
  referrer: string;
  landingPage: string;
  at: string;
};

/**
 * The touch a page view is, or null when it is just the next page of a visit
 * (no UTM parameters and a referrer on one of the site's own hosts, or none
 * after the first page).
 */
export function touchOf(
  view: VisitFacts & { occurredAt: Date },
  rules: ChannelRule[],
  options: { ownHosts: string[]; firstOfVisitor: boolean },
): Touch | null {
  const referrerHost = safeUrl(view.referrer)?.hostname.toLowerCase() ?? "";
  const external = referrerHost !== "" && !isOwnHost(referrerHost, options.ownHosts);
  const tagged = view.utmSource !== "" || view.utmMedium !== "" || view.utmCampaign !== "";
  if (!tagged && !external && !options.firstOfVisitor) return null;
  const facts = { source: view.utmSource.toLowerCase(), medium: view.utmMedium.toLowerCase(), referrer: referrerHost };
  const matched = rules.find((r) => {
    const value = facts[r.field];
    if (value === "") return false;
    return ruleValues(r.value).some((wanted) =>
      r.op === "contains"
        ? value.includes(wanted)
        : value === wanted || (r.field === "referrer" && value.endsWith(`.${wanted}`)),
    );
  });
  const channel = matched?.channel ?? (tagged ? "OTHER" : external ? "REFERRAL" : "DIRECT");
  return {
    channel,
    source: view.utmSource || referrerHost,
    medium: view.utmMedium,
    campaign: view.utmCampaign,
    referrer: view.referrer.slice(0, 500),
    landingPage: view.url.slice(0, 500),
    at: view.occurredAt.toISOString(),
  };
}

const ZStoredTouch = z.object({
  channel: z.enum(Channel),
  source: z.string().default(""),
  campaign: z.string().default(""),
  at: z.string(),
});

/** A lead's stored first or last touch, read for display (null when absent or not a touch). */
export function readTouch(stored: unknown): Pick<Touch, "channel" | "source" | "campaign" | "at"> | null {
  const parsed = ZStoredTouch.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** example.com, www.example.com and blog.example.com are one site: moving between them is not a new visit. */
function isOwnHost(host: string, own: string[]): boolean {
  return own.some((site) => {
    const base = site.replace(/^www\./, "");
    return host === site || host === base || host.endsWith(`.${base}`);
  });
}

/** The site's own host names (its pages referring to each other are not a new touch). */
export function ownHosts(allowedOrigins: string[]): string[] {
  return allowedOrigins.flatMap((origin) => {
    const host = safeUrl(origin)?.hostname.toLowerCase();
    return host ? [host] : [];
  });
}
