/**
 * The admin CLI (`npm run cli -- …`) against the test database: create a
 * workspace, a user with a role, an API token (printed once, usable), list
 * members, reset a password (ending sessions), and refuse bad input clearly.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actorFromApiToken } from "@/server/api-tokens/service";
import { signInWithPassword } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";
import { freshWorkspace } from "@/server/seed/factories";

const root = path.resolve(import.meta.dirname, "..", "..");

function cli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "cli-commands.ts"), ...args],
    { cwd: root, env: { ...process.env }, encoding: "utf8", timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("admin CLI", { timeout: 120_000 }, () => {
  it("creates a workspace, a member, a token; lists members; resets a password", async () => {
    const slug = `cli-${Date.now()}`;
    const email = `ops-${Date.now()}@cli.test`;
    expect(cli("workspace:create", "--name", "Acme CLI", "--slug", slug).stdout).toContain(`slug ${slug}`);
    // A new workspace comes with the starter glossary.
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug } });
    expect(await db.glossaryTerm.count({ where: { workspaceId: workspace.id } })).toBeGreaterThanOrEqual(20);

    const created = cli(
      "user:create",
      "--email",
      email,
      "--name",
      "Ops Person",
      "--workspace",
      slug,
      "--role",
      "manager",
    );
    expect(created.code, created.stderr).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(created.stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(10);
    const session = await signInWithPassword({ email, password, ip: "10.9.9.9" });

    const token = cli("token:create", "--email", email, "--workspace", slug, "--name", "CRM sync").stdout.trim();
    expect(await actorFromApiToken(token)).toMatchObject({ role: "MANAGER", workspaceId: workspace.id });

    expect(cli("members:list", "--workspace", slug).stdout).toContain(`${email}\tMANAGER\tOps Person`);

    const reset = cli("password:reset", "--email", email, "--password", "a-brand-new-password");
    expect(reset.code, reset.stderr).toBe(0);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.sessionId } })).revokedAt).not.toBeNull();
    await expect(signInWithPassword({ email, password: "a-brand-new-password", ip: "10.9.9.9" })).resolves.toBeTruthy();
  });

  it("explains bad input instead of failing obscurely", () => {
    const unknown = cli(
      "user:create",
      "--email",
      "not-an-email",
      "--name",
      "X",
      "--workspace",
      "nope",
      "--role",
      "ADMIN",
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: /);
    const missing = cli("members:list");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--workspace is required");
    expect(cli("help").stdout).toContain("Usage: npm run cli");
  });

  it("exports a workspace to a file and imports it into a new workspace", async () => {
    const source = await freshWorkspace("CLI source");
    await db.$transaction((tx) =>
      captureLead(tx, source.marketer, ZLeadInput.parse({ email: "moved@cli.test", name: "Moved", channel: "EVENTS" })),
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "archive-")), "workspace.jsonl");
    expect(cli("workspace:export", "--workspace", source.workspace.slug, "--file", file).stdout).toContain("Exported");
    const slug = `cli-import-${Date.now()}`;
    cli("workspace:create", "--name", "Imported", "--slug", slug);
    cli("user:create", "--email", `owner-${slug}@cli.test`, "--name", "Owner", "--workspace", slug, "--role", "ADMIN");
    const imported = cli("workspace:import", "--workspace", slug, "--file", file);
    expect(imported.stdout, imported.stderr).toContain("Imported");
    const target = await db.workspace.findUniqueOrThrow({ where: { slug } });
    const lead = await db.lead.findFirstOrThrow({ where: { workspaceId: target.id } });
    expect(lead).toMatchObject({ email: "moved@cli.test", name: "Moved", channel: "EVENTS" });
    // Into a workspace that has data now: refused, nothing changes.
    const again = cli("workspace:import", "--workspace", slug, "--file", file);
    expect(again.code).not.toBe(0);
    expect(await db.lead.count({ where: { workspaceId: target.id } })).toBe(1);
  });
});
