import { apiRoute, json } from "@/server/api/route";
import { db } from "@/server/db";

/** Who the token acts as: user, workspace and current role. */
export const GET = apiRoute("workspace.read", async ({ actor }) => {
  const [user, workspace] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true, name: true } }),
    db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { id: true, name: true, slug: true } }),
  ]);
  return json({ user, workspace, role: actor.role });
});
