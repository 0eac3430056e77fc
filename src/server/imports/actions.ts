"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { resumeImport, runImport } from "@/server/imports/service";

export const resumeImportAction = authorizedAction(
  { schema: z.object({ importId: z.string().min(1).max(64) }), capability: "leads.write" },
  async (input, actor) => {
    await resumeImport(actor, input.importId);
    after(() => runImport(input.importId));
    revalidatePath(`/leads/import/${input.importId}`);
    return null;
  },
);
