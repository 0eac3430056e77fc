import { currentActorOrNull } from "@/server/auth/current-actor";
import { liveSummary } from "@/server/handoffs/queries";

export const dynamic = "force-dynamic";

/** Polled by the signed-in browser: open handoffs and unread notifications of the current member. */
export async function GET() {
  const actor = await currentActorOrNull();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  return Response.json(await liveSummary(actor), { headers: { "cache-control": "no-store" } });
}
