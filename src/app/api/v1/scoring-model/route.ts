import { apiRoute, json } from "@/server/api/route";
import { getScoringModels } from "@/server/scoring/service";

/** The scoring model in force (the MQL criteria): version, when and by whom it was published, why, its rules. */
export const GET = apiRoute("rules.read", async ({ actor }) => {
  const { published } = await getScoringModels(actor);
  if (!published) return json({ version: null, definition: null });
  return json({
    version: published.version,
    publishedAt: published.publishedAt,
    publishedBy: published.publishedBy,
    note: published.note,
    definition: published.definition,
  });
});
