import { describe, expect, it } from "vitest";
import { getCampaign, listCampaigns } from "@/server/campaigns/queries";
import { ZCampaignInput, ZSpendInput } from "@/server/campaigns/schema";
import { createCampaign, importSpendCsv, recordSpend, updateCampaign } from "@/server/campaigns/service";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { freshWorkspace } from "@/server/seed/factories";

const campaign = (name: string, extra: object = {}) => ZCampaignInput.parse({ name, channel: "EVENTS", ...extra });

describe("campaigns and spend", () => {
  it("records spend per day or month, converts other currencies to EUR, and replaces the same period", async () => {
    const ws = await freshWorkspace();
    const fair = await createCampaign(ws.marketer, campaign("Fair", { budget: 10_000, startDate: "2026-10-01" }));
    await recordSpend(
      ws.marketer,
      ZSpendInput.parse({ campaignId: fair.id, period: { kind: "month", month: "2026-02" }, amount: 2_800 }),
    );
    await recordSpend(
      ws.marketer,
      ZSpendInput.parse({
        campaignId: fair.id,
        period: { kind: "day", date: "2026-02-10" },
        amount: 100,
        currency: "usd",
        eurRate: 0.9,
      }),
    );
    // The same month again replaces it.
    await recordSpend(
      ws.marketer,
      ZSpendInput.parse({ campaignId: fair.id, period: { kind: "month", month: "2026-02" }, amount: 2_900 }),
    );
    const detail = await getCampaign(ws.marketer, fair.id);
    expect(
      detail.spend.map((s) => [
        s.periodStart.toISOString().slice(0, 10),
        s.periodEnd.toISOString().slice(0, 10),
        Number(s.amountEur),
        s.currency,
      ]),
    ).toEqual([
      ["2026-02-10", "2026-02-10", 90, "USD"],
      ["2026-02-01", "2026-02-28", 2_900, "EUR"],
    ]);
    expect((await listCampaigns(ws.sales))[0]).toMatchObject({ name: "Fair", spendEur: 2_990 });
    expect(
      ZSpendInput.safeParse({
        campaignId: fair.id,
        period: { kind: "day", date: "2026-02-10" },
        amount: 5,
        currency: "GBP",
      }).success,
    ).toBe(false);
  });

  it("refuses duplicates, other workspaces and the wrong roles", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const fair = await createCampaign(ws.marketer, campaign("Fair"));
    await expect(createCampaign(ws.marketer, campaign("Fair"))).rejects.toMatchObject({ code: "validation" });
    await expect(updateCampaign(other.marketer, fair.id, campaign("Mine"))).rejects.toMatchObject({ code: "notFound" });
    await expect(getCampaign(other.marketer, fair.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(
      recordSpend(
        other.marketer,
        ZSpendInput.parse({ campaignId: fair.id, period: { kind: "day", date: "2026-01-01" }, amount: 1 }),
      ),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(createCampaign(ws.sales, campaign("Sales"))).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === "forbidden",
    );
  });

  it("imports a spend CSV all or nothing, saying which rows are wrong", async () => {
    const ws = await freshWorkspace();
    const fair = await createCampaign(ws.marketer, campaign("Fiera Milano"));
    const bad = await importSpendCsv(
      ws.marketer,
      "campaign,month,date,amount,currency,eur_rate\nFiera Milano,2026-03,,1200,,\nNo such campaign,2026-03,,5,,\nFiera Milano,,2026-03-05,abc,,\nFiera Milano,,2026-03-06,10,CHF,\n",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.row)).toEqual([2, 3, 4]);
      expect(bad.errors[0]?.messages).toContain("unknownCampaign");
      expect(bad.errors[2]?.messages.join()).toContain("rateRequired");
    }
    expect(await db.campaignSpend.count({ where: { campaignId: fair.id } })).toBe(0);
    const good = await importSpendCsv(
      ws.marketer,
      '\uFEFFCampaign,Month,Date,Amount,Currency,EUR rate,Note\nfiera milano,2026-03,,"1200,50",,,=SUM(A1)\nFiera Milano,,2026-03-06,10,CHF,1.05,\n',
    );
    expect(good).toEqual({ ok: true, rows: 2 });
    const rows = await db.campaignSpend.findMany({ where: { campaignId: fair.id }, orderBy: { periodStart: "asc" } });
    expect(rows.map((r) => [Number(r.amount), Number(r.amountEur), r.note])).toEqual([
      [1200.5, 1200.5, "=SUM(A1)"],
      [10, 10.5, ""],
    ]);
  });
});
