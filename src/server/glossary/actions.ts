"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { ZComment, ZDeprecate, ZFollow, ZProposeRevision, ZRevisionRef, ZTermContent } from "@/server/glossary/schema";
import {
  approveRevision,
  approveStarterSet,
  commentOnTerm,
  deprecateTerm,
  proposeRevision,
  proposeTerm,
  setFollowing,
  withdrawRevision,
} from "@/server/glossary/service";

function revalidateTerm(termId: string) {
  revalidatePath("/glossary");
  revalidatePath(`/glossary/${termId}`);
}

export const proposeTermAction = authorizedAction(
  { schema: ZTermContent, capability: "glossary.propose" },
  async (input, actor) => {
    const result = await proposeTerm(actor, input);
    revalidateTerm(result.termId);
    return result;
  },
);

export const proposeRevisionAction = authorizedAction(
  { schema: ZProposeRevision, capability: "glossary.propose" },
  async (input, actor) => {
    const result = await proposeRevision(actor, input.termId, input.content);
    revalidateTerm(result.termId);
    return result;
  },
);

export const approveRevisionAction = authorizedAction(
  { schema: ZRevisionRef, capability: "glossary.approve" },
  async (input, actor) => {
    const result = await approveRevision(actor, input.revisionId);
    revalidatePath("/glossary", "layout");
    return result;
  },
);

export const approveStarterSetAction = authorizedAction(
  { schema: z.object({}).strict(), capability: "glossary.approve" },
  async (_input, actor) => {
    const result = await approveStarterSet(actor);
    revalidatePath("/glossary", "layout");
    return result;
  },
);

export const withdrawRevisionAction = authorizedAction(
  { schema: ZRevisionRef, capability: "glossary.propose" },
  async (input, actor) => {
    await withdrawRevision(actor, input.revisionId);
    revalidatePath("/glossary", "layout");
    return null;
  },
);

export const commentOnTermAction = authorizedAction(
  { schema: ZComment, capability: "glossary.comment" },
  async (input, actor) => {
    const result = await commentOnTerm(actor, input.termId, input.body);
    revalidateTerm(input.termId);
    return result;
  },
);

export const followTermAction = authorizedAction(
  { schema: ZFollow, capability: "glossary.read" },
  async (input, actor) => {
    await setFollowing(actor, input.termId, input.follow);
    revalidateTerm(input.termId);
    return { following: input.follow };
  },
);

export const deprecateTermAction = authorizedAction(
  { schema: ZDeprecate, capability: "glossary.deprecate" },
  async (input, actor) => {
    await deprecateTerm(actor, input.termId, input.replacedByTermId);
    revalidateTerm(input.termId);
    return null;
  },
);
