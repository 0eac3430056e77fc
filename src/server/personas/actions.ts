"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authorizedAction } from "@/server/action";
import {
  ZArchivePersona,
  ZCreatePersona,
  ZPersonaFeedback,
  ZPersonaRef,
  ZUpdatePersona,
} from "@/server/personas/schema";
import {
  addPersonaFeedback,
  createPersona,
  duplicatePersona,
  setPersonaArchived,
  updatePersona,
} from "@/server/personas/service";

export const createPersonaAction = authorizedAction(
  { schema: ZCreatePersona, capability: "personas.edit" },
  async (input, actor) => {
    const persona = await createPersona(actor, input.fields);
    revalidatePath("/personas");
    return persona;
  },
);

export const updatePersonaAction = authorizedAction(
  { schema: ZUpdatePersona, capability: "personas.edit" },
  async (input, actor) => {
    const result = await updatePersona(actor, input);
    revalidatePath("/personas", "layout");
    return result;
  },
);

export const duplicatePersonaAction = authorizedAction(
  { schema: ZPersonaRef, capability: "personas.edit" },
  async (input, actor) => {
    const t = await getTranslations("personas");
    const copy = await duplicatePersona(actor, input.personaId, t("copySuffix"));
    revalidatePath("/personas");
    return copy;
  },
);

export const archivePersonaAction = authorizedAction(
  { schema: ZArchivePersona, capability: "personas.edit" },
  async (input, actor) => {
    await setPersonaArchived(actor, input.personaId, input.archived);
    revalidatePath("/personas", "layout");
    return null;
  },
);

export const personaFeedbackAction = authorizedAction(
  { schema: ZPersonaFeedback, capability: "personas.feedback" },
  async (input, actor) => {
    const result = await addPersonaFeedback(actor, input);
    revalidatePath(`/personas/${input.personaId}`);
    return result;
  },
);
