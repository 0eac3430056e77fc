/** The workspace `npm run bench` generated, and its marketer: what the scripts that measure over HTTP act as. */
import { db } from "@/server/db";

export async function benchWorkspace() {
  const workspace = await db.workspace.findUnique({ where: { slug: "bench" } });
  const marketer = workspace
    ? await db.membership.findFirst({ where: { workspaceId: workspace.id, role: "MARKETER" } })
    : null;
  if (!workspace || !marketer)
    throw new Error("No generated workspace yet: run `npm run bench` once without BENCH_ONLY.");
  return { workspace, actor: { userId: marketer.userId, workspaceId: workspace.id, role: "MARKETER" as const } };
}
