import { jsonText } from "@/server/api/respond";
import { currentActorOrNull } from "@/server/auth/current-actor";
import { liveSummary } from "@/server/handoffs/queries";

export const dynamic = "force-dynamic";

/** Polled by the signed-in browser: open handoffs and unread notifications of the current member. */
export async function GET() {
  const actor = await currentActorOrNull();
  if (!actor) return jsonText(JSON.stringify({ error: "unauthenticated" }), 401);
  return jsonText(JSON.stringify(await liveSummary(actor)));
}
