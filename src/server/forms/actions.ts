"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { ZFormInput } from "@/server/forms/schema";
import { createForm, setFormArchived, updateForm } from "@/server/forms/service";

const ZFormId = z.string().min(1).max(64);

export const saveFormAction = authorizedAction(
  { schema: ZFormInput.extend({ formId: ZFormId.optional() }), capability: "forms.edit" },
  async ({ formId, ...input }, actor) => {
    const saved = formId ? await updateForm(actor, formId, input) : await createForm(actor, input);
    revalidatePath("/forms");
    return { id: saved.id, publicId: saved.publicId };
  },
);

export const archiveFormAction = authorizedAction(
  { schema: z.strictObject({ formId: ZFormId, archived: z.boolean() }), capability: "forms.edit" },
  async (input, actor) => {
    await setFormArchived(actor, input.formId, input.archived);
    revalidatePath("/forms");
    return null;
  },
);
