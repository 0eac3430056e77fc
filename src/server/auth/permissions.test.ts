import { describe, expect, it } from "vitest";
import { CAPABILITIES, CAPABILITY_NAMES, can, isRole, ROLES } from "./permissions";

describe("capability table", () => {
  it("names only known roles", () => {
    for (const roles of Object.values(CAPABILITIES)) {
      for (const role of roles) expect(isRole(role)).toBe(true);
    }
  });

  it.each(ROLES.flatMap((role) => CAPABILITY_NAMES.map((capability) => [role, capability] as const)))(
    "%s / %s follows the table",
    (role, capability) => {
      expect(can(role, capability)).toBe((CAPABILITIES[capability] as readonly string[]).includes(role));
    },
  );

  it("gives every capability to admins except none, and workspace.read to everyone", () => {
    for (const role of ROLES) expect(can(role, "workspace.read")).toBe(true);
  });

  it("refuses unknown roles and capabilities (fail closed)", () => {
    expect(can("OWNER", "workspace.read")).toBe(false);
    expect(can(undefined, "workspace.read")).toBe(false);
    expect(can("admin", "workspace.read")).toBe(false);
    expect(can("ADMIN", "nope" as never)).toBe(false);
  });

  it("keeps member administration with admins only", () => {
    for (const capability of ["members.invite", "members.changeRole", "members.remove", "audit.read"] as const) {
      expect(ROLES.filter((role) => can(role, capability))).toEqual(["ADMIN"]);
    }
  });
});
