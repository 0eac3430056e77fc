import { apiRoute, json } from "@/server/api/route";
import { db } from "@/server/db";
import { currentSla, slaInputOf } from "@/server/handoffs/sla";

/** The SLA in force between marketing and sales: its version, when it was agreed, and its settings. */
export const GET = apiRoute("handoffs.read", async ({ actor }) => {
  const policy = await currentSla(db, actor.workspaceId);
  return json({
    version: policy.version,
    createdAt: policy.createdAt,
    ...slaInputOf(policy),
  });
});
