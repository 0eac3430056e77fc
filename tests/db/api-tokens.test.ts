import { describe, expect, it } from "vitest";
import { GET as catchAll } from "@/app/api/v1/[...path]/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getMembers } from "@/app/api/v1/members/route";
import { apiRateLimit } from "@/server/api/route";
import { actorFromApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/server/api-tokens/service";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";

const noParams = { params: Promise.resolve({}) };
const call = (handler: typeof getMe, token?: string) =>
  handler(
    new Request("http://test/api/v1/x", { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    noParams,
  );

describe("API tokens", () => {
  it("are shown once, stored hashed, and act with the member's role", async () => {
    const ws = await freshWorkspace();
    const token = await createApiToken(ws.marketer, { name: "Website form" });
    expect(token.secret).toMatch(/^smk_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(stored)).not.toContain(token.secret);
    expect(await actorFromApiToken(token.secret)).toMatchObject({ userId: ws.marketer.userId, role: "MARKETER" });

    const response = await call(getMe, token.secret);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: "MARKETER", workspace: { id: ws.workspace.id } });
  });

  it("follow role changes at once and stop on revocation or removal", async () => {
    const ws = await freshWorkspace();
    const token = await createApiToken(ws.sales, { name: "CLI" });
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.sales.userId } },
      data: { role: "MANAGER" },
    });
    expect((await actorFromApiToken(token.secret))?.role).toBe("MANAGER");
    await revokeApiToken(ws.sales, { tokenId: token.id });
    expect(await actorFromApiToken(token.secret)).toBeNull();
    expect((await call(getMe, token.secret)).status).toBe(401);

    const second = await createApiToken(ws.marketer, { name: "other" });
    await db.membership.delete({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.marketer.userId } },
    });
    expect(await actorFromApiToken(second.secret)).toBeNull();
  });

  it("members list only their own tokens; admins see all", async () => {
    const ws = await freshWorkspace();
    const mine = await createApiToken(ws.sales, { name: "mine" });
    const theirs = await createApiToken(ws.marketer, { name: "theirs" });
    const salesView = (await listApiTokens(ws.sales)).map((t) => t.id);
    expect(salesView).toContain(mine.id);
    expect(salesView).not.toContain(theirs.id);
    const adminView = (await listApiTokens(ws.admin)).map((t) => t.id);
    expect(adminView).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    await expect(revokeApiToken(ws.sales, { tokenId: theirs.id })).rejects.toMatchObject({ code: "notFound" });
  });

  it("answers errors as problem documents", async () => {
    const ws = await freshWorkspace();
    const missing = await call(getMe);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect((await call(getMe, "smk_not-a-real-token")).status).toBe(401);
    expect((await call(getMe, "garbage")).status).toBe(401);

    const token = await createApiToken(ws.sales, { name: "t" });
    const unknown = await catchAll();
    expect(unknown.status).toBe(404);
    expect((await call(getMembers, token.secret)).status).toBe(200);
  });
});

describe("API rate limit", () => {
  it("answers 429 with Retry-After once a token used up its window", async () => {
    const ws = await freshWorkspace();
    const token = await createApiToken(ws.sales, { name: "busy" });
    expect((await call(getMe, token.secret)).status).toBe(200);
    // Fill this window's counter as if the token had made its quota of calls.
    await db.rateLimitBucket.updateMany({
      where: { key: `api:token:${token.id}` },
      data: { count: apiRateLimit().limit },
    });
    const limited = await call(getMe, token.secret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    // Another token of the same member is not affected.
    const other = await createApiToken(ws.sales, { name: "quiet" });
    expect((await call(getMe, other.secret)).status).toBe(200);
  });
});
