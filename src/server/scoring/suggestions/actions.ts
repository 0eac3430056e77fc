"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { describeFinding, localName } from "@/server/scoring/suggestions/describe";
import { suggestionNames } from "@/server/scoring/suggestions/names";
import { openSuggestion, SUGGESTION_PERIODS } from "@/server/scoring/suggestions/service";

export const openSuggestionAction = authorizedAction(
  {
    schema: z.object({
      days: z.union(SUGGESTION_PERIODS.map((d) => z.literal(d))),
      key: z.string().min(3).max(200),
    }),
    capability: "rules.edit",
  },
  async (input, actor) => {
    const t = await getTranslations("suggestions");
    const tr = await getTranslations("backtest.reasons");
    const tAll = await getTranslations();
    const opened = await openSuggestion(actor, input, {
      names: await suggestionNames(),
      note: (finding) =>
        t("note", {
          sentence: describeFinding(
            finding,
            (k, v) => t(k, v),
            (r) => tr(r),
            localName(tAll),
          ),
        }),
    });
    revalidatePath("/rules");
    return opened;
  },
);
