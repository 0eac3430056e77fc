import { describe, expect, it } from "vitest";
import { approvalRefusal, isAgreed, missingSides } from "./agreement";

const agreed = (
  authorRole: "MARKETER" | "SALES" | "MANAGER" | "ADMIN" | null,
  ...roles: ("MARKETER" | "SALES" | "MANAGER" | "ADMIN")[]
) => isAgreed({ authorRole, approvals: roles.map((role) => ({ role })) });

describe("glossary agreement rule", () => {
  it("needs marketing and sales, or a manager", () => {
    expect(agreed(null)).toBe(false);
    expect(agreed(null, "MARKETER")).toBe(false);
    expect(agreed(null, "SALES", "SALES")).toBe(false);
    expect(agreed(null, "MARKETER", "SALES")).toBe(true);
    expect(agreed(null, "MANAGER")).toBe(true);
    expect(agreed(null, "ADMIN", "MARKETER")).toBe(false);
  });

  it("counts the proposer's own side", () => {
    expect(agreed("MARKETER")).toBe(false); // one-sided: stays proposed
    expect(agreed("MARKETER", "MARKETER")).toBe(false);
    expect(agreed("MARKETER", "SALES")).toBe(true);
    expect(agreed("SALES", "MARKETER")).toBe(true);
    // A manager's or an admin's proposal carries no side: it needs approvals.
    expect(agreed("MANAGER")).toBe(false);
    expect(agreed("ADMIN", "SALES")).toBe(false);
    expect(agreed("MANAGER", "MANAGER")).toBe(true);
  });

  it("tells which side is missing", () => {
    expect(missingSides({ authorRole: "MARKETER", approvals: [] })).toEqual(["sales"]);
    expect(missingSides({ authorRole: null, approvals: [{ role: "SALES" }] })).toEqual(["marketing"]);
    expect(missingSides({ authorRole: null, approvals: [] })).toEqual(["marketing", "sales"]);
    expect(missingSides({ authorRole: "SALES", approvals: [{ role: "MANAGER" }] })).toEqual([]);
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
    expect(approvalRefusal({ ...base, approverRole: "MANAGER", authorId: "u1" })).toBe("ownRevision");
    expect(approvalRefusal({ ...base, approvals: [{ userId: "u1" }] })).toBe("alreadyApproved");
    expect(approvalRefusal({ ...base, approverRole: "ADMIN" })).toBe("roleCannotApprove");
    expect(approvalRefusal({ ...base, revisionStatus: "AGREED" })).toBe("notPending");
    // The starter glossary has no author: anyone with an approving role may approve it.
    expect(approvalRefusal({ ...base, authorId: null })).toBeNull();
  });
});
