"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { addCustomEventType } from "@/server/leads/event-types";
import { ZEventType } from "@/server/leads/schema";
import { rescoreProgress } from "@/server/scoring/rescores";
import { ZScoringModelDefinition } from "@/server/scoring/schema";
import { previewDraft, restoreAsDraft, saveDraft, startPublish } from "@/server/scoring/service";

const note = z.string().trim().max(500, "tooLong").default("");

export const saveDraftAction = authorizedAction(
  { schema: z.object({ definition: ZScoringModelDefinition, note }), capability: "rules.edit" },
  async (input, actor) => {
    const saved = await saveDraft(actor, input);
    revalidatePath("/rules");
    return saved;
  },
);

export const previewDraftAction = authorizedAction(
  { schema: z.object({}), capability: "rules.edit" },
  async (_input, actor) => previewDraft(actor),
);

// The re-score runs in the background (minutes at 10M leads): the page polls rescoreProgressAction.
export const publishDraftAction = authorizedAction(
  { schema: z.object({ note }), capability: "rules.publish" },
  async (input, actor) => {
    const result = await startPublish(actor, input);
    revalidatePath("/rules");
    return result;
  },
);

export const rescoreProgressAction = authorizedAction(
  { schema: z.object({ id: z.string().min(1).max(64) }), capability: "rules.read" },
  async (input, actor) => {
    const progress = await rescoreProgress(actor, input.id);
    if (progress.finishedAt) revalidatePath("/leads");
    return progress;
  },
);

export const restoreDraftAction = authorizedAction(
  { schema: z.object({ version: z.number().int().min(1) }), capability: "rules.edit" },
  async (input, actor) => {
    const saved = await restoreAsDraft(actor, input.version);
    revalidatePath("/rules");
    return saved;
  },
);

export const addEventTypeAction = authorizedAction(
  {
    schema: z.object({ key: ZEventType, label: z.string().trim().min(1, "required").max(80, "tooLong") }),
    capability: "rules.edit",
  },
  async (input, actor) => {
    await addCustomEventType(actor, input);
    revalidatePath("/rules");
    return null;
  },
);
