import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import itMessages from "../../../messages/it.json";
import { describeRejection } from "./reasons";

function translator(messages: Record<string, unknown>) {
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  return Object.assign((key: string) => String(lookup(key)), { has: (key: string) => typeof lookup(key) === "string" });
}

describe("describeRejection", () => {
  it("says the field and the reason in the reader's language", () => {
    expect(describeRejection("email: invalidEmail", translator(en))).toBe("Email: Enter a valid email address.");
    expect(describeRejection("companySize: wholeNumber", translator(en))).toBe(
      `${en.leads.companySize}: Use a whole number.`,
    );
    expect(describeRejection("email: invalidEmail", translator(itMessages))).toBe(
      `${itMessages.leads.email}: ${itMessages.validation.invalidEmail}`,
    );
  });

  it("never shows a schema's own text: an unknown reason reads as 'Not valid.'", () => {
    expect(describeRejection("channel: Invalid option: expected one of …", translator(en))).toBe(
      `${en.leads.channel}: Not valid.`,
    );
  });
});
