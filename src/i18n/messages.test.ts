import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import it_ from "../../messages/it.json";
import { localeFromAcceptLanguage } from "./locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * ICU argument names of a message, e.g. {name} and {count, plural, …}, at any
 * depth but never the text of an option ("{Competitor, student or spam}" in a
 * select is an option's text, not an argument).
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  // Depth of braces; at an even depth a "{" opens an argument, at an odd one it opens an option's text.
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "{") {
      if (depth % 2 === 0) {
        const name = /^\{\s*([a-zA-Z_]+)\s*[,}]/.exec(message.slice(i))?.[1];
        if (name) names.add(name);
      }
      depth++;
    } else if (c === "}") depth--;
  }
  return [...names].sort();
}

describe("message files", () => {
  const english = flatten(en as Tree);
  const italian = flatten(it_ as Tree);

  it("have the same keys in English and Italian", () => {
    expect([...italian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("have no empty message", () => {
    for (const [key, value] of [...english, ...italian]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, value] of english) {
      expect(argumentsOf(italian.get(key) ?? ""), key).toEqual(argumentsOf(value));
    }
  });

  it("are really translated (Italian differs from English for most messages)", () => {
    const same = [...english].filter(([key, value]) => italian.get(key) === value).length;
    expect(same / english.size).toBeLessThan(0.15);
  });
});

describe("Accept-Language", () => {
  it("picks the best supported language", () => {
    expect(localeFromAcceptLanguage("it-IT,it;q=0.9,en;q=0.8")).toBe("it");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.4, it;q=0.8")).toBe("it");
    expect(localeFromAcceptLanguage("fr")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});
