"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, authorizedAction, toActionError } from "@/server/action";
import { currentActorOrNull } from "@/server/auth/current-actor";
import { getSession } from "@/server/auth/session";
import { endMemberSessions, resetMemberTwoFactor } from "@/server/auth/session-list";
import { AppError } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import {
  ZAcceptInvite,
  ZAcceptInviteNewUser,
  ZChangeRole,
  ZInviteMember,
  ZRemoveMember,
  ZRevokeInvite,
} from "@/server/members/schema";
import {
  acceptInvite,
  acceptInviteAsNewUser,
  changeMemberRole,
  inviteMember,
  removeMember,
  revokeInvite,
} from "@/server/members/service";

export const inviteMemberAction = authorizedAction(
  { schema: ZInviteMember, capability: "members.invite" },
  async (input, actor) => {
    const result = await inviteMember(actor, input);
    revalidatePath("/settings/members");
    return result;
  },
);

export const changeMemberRoleAction = authorizedAction(
  { schema: ZChangeRole, capability: "members.changeRole" },
  async (input, actor) => {
    const result = await changeMemberRole(actor, input);
    revalidatePath("/settings/members");
    return { role: result.role };
  },
);

export const removeMemberAction = authorizedAction(
  { schema: ZRemoveMember, capability: "members.remove" },
  async (input, actor) => {
    await removeMember(actor, input);
    revalidatePath("/settings/members");
    return null;
  },
);

export const revokeInviteAction = authorizedAction(
  { schema: ZRevokeInvite, capability: "members.invite" },
  async (input, actor) => {
    await revokeInvite(actor, input);
    revalidatePath("/settings/members");
    return null;
  },
);

/** Accepting is open to any signed-in user: the invite itself (sent to their email) is the permission. */
export async function acceptInviteAction(raw: unknown): Promise<ActionResult<{ workspaceId: string }>> {
  try {
    const parsed = ZAcceptInvite.safeParse(raw);
    if (!parsed.success)
      throw new AppError("validation", "Invalid input", { fieldErrors: zodFieldErrors(parsed.error) });
    const session = await getSession();
    if (!session) throw new AppError("unauthenticated");
    const membership = await acceptInvite({
      token: parsed.data.token,
      userId: session.user.id,
      sessionId: session.sessionId,
    });
    revalidatePath("/", "layout");
    return { ok: true, data: { workspaceId: membership.workspaceId } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

/** For visitors without an account; the client signs in with the new password right after. */
export async function acceptInviteAsNewUserAction(raw: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = ZAcceptInviteNewUser.safeParse(raw);
    if (!parsed.success)
      throw new AppError("validation", "Invalid input", { fieldErrors: zodFieldErrors(parsed.error) });
    if (await currentActorOrNull()) throw new AppError("conflict", "Sign out first");
    const user = await acceptInviteAsNewUser(parsed.data);
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

export const endMemberSessionsAction = authorizedAction(
  { schema: ZRemoveMember, capability: "members.endSessions" },
  async (input, actor) => ({ ended: await endMemberSessions(actor, input) }),
);

export const resetMemberTwoFactorAction = authorizedAction(
  { schema: ZRemoveMember, capability: "members.resetTwoFactor" },
  async (input, actor) => {
    await resetMemberTwoFactor(actor, input);
    revalidatePath("/settings/members");
    return null;
  },
);
