import { describe, expect, it } from "vitest";
import { approvalRefusal, isAgreed, missingSides } from "./agreement";

describe("glossary agreement rule", () => {
  it("needs marketing and sales, or a manager", () => {
    expect(isAgreed([])).toBe(false);
    expect(isAgreed([{ role: "MARKETER" }])).toBe(false);
    expect(isAgreed([{ role: "SALES" }, { role: "SALES" }])).toBe(false);
    expect(isAgreed([{ role: "MARKETER" }, { role: "SALES" }])).toBe(true);
    expect(isAgreed([{ role: "MANAGER" }])).toBe(true);
    expect(isAgreed([{ role: "ADMIN" }, { role: "MARKETER" }])).toBe(false);
  });

  it("tells which side is missing", () => {
    expect(missingSides([{ role: "MARKETER" }])).toEqual(["sales"]);
    expect(missingSides([{ role: "SALES" }])).toEqual(["marketing"]);
    expect(missingSides([])).toEqual(["marketing", "sales"]);
    expect(missingSides([{ role: "MANAGER" }])).toEqual([]);
  });

  it("refuses self-approval, double approval, admins, and closed revisions", () => {
    const base = {
      approverId: "u1",
      approverRole: "SALES" as const,
      authorId: "u2",
      revisionStatus: "PENDING",
      approvals: [],
    };
    expect(approvalRefusal(base)).toBeNull();
    expect(approvalRefusal({ ...base, authorId: "u1" })).toBe("ownRevision");
    expect(approvalRefusal({ ...base, approvals: [{ userId: "u1" }] })).toBe("alreadyApproved");
    expect(approvalRefusal({ ...base, approverRole: "ADMIN" })).toBe("roleCannotApprove");
    expect(approvalRefusal({ ...base, revisionStatus: "AGREED" })).toBe("notPending");
    // The starter glossary has no author: anyone with an approving role may approve it.
    expect(approvalRefusal({ ...base, authorId: null })).toBeNull();
  });
});
