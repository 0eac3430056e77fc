import { apiRoute, json } from "@/server/api/route";
import { db } from "@/server/db";
import { getWorkspace } from "@/server/workspaces/queries";

/** Who the token acts as: user, workspace and current role. */
export const GET = apiRoute("workspace.read", async ({ actor }) => {
  const [user, workspace] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true, name: true } }),
    getWorkspace(actor),
  ]);
  return json({ user, workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, role: actor.role });
});
