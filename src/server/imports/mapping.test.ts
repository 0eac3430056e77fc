import { describe, expect, it } from "vitest";
import { guessMapping } from "./mapping";
import { rowToLeadInput } from "./row-input";

describe("CSV column mapping", () => {
  it("guesses columns from English and Italian headers", () => {
    expect(guessMapping(["E-mail", "Nome", "Azienda", "Job Title", "Dipendenti", "Paese", "utm_campaign"])).toEqual({
      email: "E-mail",
      name: "Nome",
      company: "Azienda",
      title: "Job Title",
      companySize: "Dipendenti",
      country: "Paese",
      campaign: "utm_campaign",
    });
  });

  it("turns a record into lead input, leaving empty cells out", () => {
    const mapping = { email: "Email", name: "Name", companySize: "Employees", channel: "Source", phone: "Phone" };
    expect(
      rowToLeadInput(
        { Email: " a@b.test ", Name: "Ada", Employees: "1.200", Source: "Trade fair", Phone: "" },
        mapping,
      ),
    ).toEqual({
      email: "a@b.test",
      name: "Ada",
      companySize: 1200,
      channel: "EVENTS",
    });
    // Unparseable values go through as they are, for the schema to refuse with a reason.
    expect(rowToLeadInput({ Email: "x", Employees: "lots" }, mapping)).toEqual({ email: "x", companySize: "lots" });
  });

  it("reads the channel names the app shows, in English or Italian, and the codes, in any case", () => {
    const mapping = { email: "Email", channel: "Channel" };
    for (const [cell, channel] of [
      ["Events and trade fairs", "EVENTS"],
      ["eventi e fiere", "EVENTS"],
      ["RICERCA A PAGAMENTO", "PAID_SEARCH"],
      ["Passaparola", "REFERRAL"],
      ["paid_search", "PAID_SEARCH"],
      ["ORGANIC_SEARCH", "ORGANIC_SEARCH"],
    ]) {
      expect(rowToLeadInput({ Email: "a@b.test", Channel: cell as string }, mapping).channel).toBe(channel);
    }
  });
});
