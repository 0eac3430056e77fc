import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHANNEL_RULES,
  DEFAULT_URL_RULES,
  eventTypeFor,
  ownHosts,
  parseRules,
  touchOf,
  ZUrlRule,
} from "@/server/tracking/rules";

const at = new Date("2026-12-01T10:00:00Z");
const view = (facts: Partial<Parameters<typeof touchOf>[0]>) => ({
  url: "https://www.acme.test/",
  referrer: "",
  utmSource: "",
  utmMedium: "",
  utmCampaign: "",
  occurredAt: at,
  ...facts,
});
const site = { ownHosts: ["www.acme.test"], firstOfVisitor: false };

describe("URL rules", () => {
  it("turns pricing pages into pricing views, under a language too, and the rest into page views", () => {
    expect(eventTypeFor("https://www.acme.test/pricing", DEFAULT_URL_RULES)).toBe("PRICING_PAGE_VIEWED");
    expect(eventTypeFor("https://www.acme.test/pricing/teams?x=1", DEFAULT_URL_RULES)).toBe("PRICING_PAGE_VIEWED");
    expect(eventTypeFor("https://www.acme.test/it/prezzi", DEFAULT_URL_RULES)).toBe("PRICING_PAGE_VIEWED");
    expect(eventTypeFor("https://www.acme.test/pricingfaq", DEFAULT_URL_RULES)).toBe("PAGE_VIEWED");
    expect(eventTypeFor("https://www.acme.test/blog/pricing", DEFAULT_URL_RULES)).toBe("PAGE_VIEWED");
    expect(eventTypeFor("not a url", DEFAULT_URL_RULES)).toBe("PAGE_VIEWED");
  });

  it("applies the first matching rule, and 'URL contains' reads the query too", () => {
    const rules = [
      { match: "urlContains" as const, value: "demo=1", eventType: "DEMO_REQUESTED" },
      { match: "pathPrefix" as const, value: "pricing/", eventType: "PRICING_PAGE_VIEWED" },
    ];
    expect(eventTypeFor("https://a.test/pricing?demo=1", rules)).toBe("DEMO_REQUESTED");
    expect(eventTypeFor("https://a.test/Pricing", rules)).toBe("PRICING_PAGE_VIEWED");
  });

  it("skips a stored rule that no longer validates", () => {
    const stored = [{ match: "pathPrefix", value: "/x", eventType: "lower case" }, DEFAULT_URL_RULES[0]];
    expect(parseRules(ZUrlRule, stored)).toEqual([DEFAULT_URL_RULES[0]]);
    expect(parseRules(ZUrlRule, "nonsense")).toEqual([]);
  });
});

describe("channel rules", () => {
  it("reads UTM medium and source with the default rules, keeping the campaign", () => {
    const paid = touchOf(
      view({ utmSource: "Google", utmMedium: "CPC", utmCampaign: "Spring" }),
      DEFAULT_CHANNEL_RULES,
      site,
    );
    expect(paid).toMatchObject({ channel: "PAID_SEARCH", source: "Google", medium: "CPC", campaign: "Spring" });
    expect(touchOf(view({ utmSource: "linkedin" }), DEFAULT_CHANNEL_RULES, site)?.channel).toBe("SOCIAL");
    expect(touchOf(view({ utmSource: "newsletter", utmMedium: "email" }), DEFAULT_CHANNEL_RULES, site)?.channel).toBe(
      "EMAIL",
    );
    expect(touchOf(view({ utmSource: "somewhere" }), DEFAULT_CHANNEL_RULES, site)?.channel).toBe("OTHER");
  });

  it("reads the referrer when there are no UTM parameters", () => {
    const search = touchOf(view({ referrer: "https://www.google.it/" }), DEFAULT_CHANNEL_RULES, site);
    expect(search).toMatchObject({ channel: "ORGANIC_SEARCH", source: "www.google.it" });
    expect(touchOf(view({ referrer: "https://blog.partner.test/post" }), DEFAULT_CHANNEL_RULES, site)?.channel).toBe(
      "REFERRAL",
    );
  });

  it("a page of the site after the first is no new touch; a visitor's first page without anything is direct", () => {
    expect(touchOf(view({ referrer: "https://www.acme.test/" }), DEFAULT_CHANNEL_RULES, site)).toBeNull();
    expect(touchOf(view({}), DEFAULT_CHANNEL_RULES, site)).toBeNull();
    expect(touchOf(view({}), DEFAULT_CHANNEL_RULES, { ...site, firstOfVisitor: true })?.channel).toBe("DIRECT");
  });

  it("a referrer host matches a domain and the hosts under it, never another domain ending alike", () => {
    const channel = (referrer: string) => touchOf(view({ referrer }), DEFAULT_CHANNEL_RULES, site)?.channel;
    expect(channel("https://www.google.it/")).toBe("ORGANIC_SEARCH");
    expect(channel("https://t.co/abc")).toBe("SOCIAL");
    expect(channel("https://www.notgoogle.com/")).toBe("REFERRAL");
    expect(channel("https://www.dropbox.com/")).toBe("REFERRAL");
    expect(channel("https://www.microsoft.com/")).toBe("REFERRAL");
  });

  it("the site's other hosts (apex, www, blog) are the same visit", () => {
    expect(touchOf(view({ referrer: "https://blog.acme.test/post" }), DEFAULT_CHANNEL_RULES, site)).toBeNull();
    expect(touchOf(view({ referrer: "https://acme.test/" }), DEFAULT_CHANNEL_RULES, site)).toBeNull();
  });

  it("a rule with several values matches any of them", () => {
    const rules = [
      { field: "medium" as const, op: "equals" as const, value: "cpc , PPC,", channel: "PAID_SEARCH" as const },
    ];
    expect(touchOf(view({ utmMedium: "ppc" }), rules, site)?.channel).toBe("PAID_SEARCH");
    expect(touchOf(view({ utmMedium: "cpcx" }), rules, site)?.channel).toBe("OTHER");
  });

  it("the marketer's own rule comes before the defaults it is put in front of", () => {
    const rules = [{ field: "source" as const, op: "equals" as const, value: "ecomondo", channel: "EVENTS" as const }];
    expect(
      touchOf(view({ utmSource: "Ecomondo", utmMedium: "cpc" }), [...rules, ...DEFAULT_CHANNEL_RULES], site)?.channel,
    ).toBe("EVENTS");
  });

  it("knows the site's own hosts from its allowed origins", () => {
    expect(ownHosts(["https://www.acme.test", "http://localhost:4000", "bad"])).toEqual(["www.acme.test", "localhost"]);
  });
});
