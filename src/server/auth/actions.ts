"use server";

import { revalidatePath } from "next/cache";
import { accountAction, publicAction } from "@/server/action";
import { requestClientInfo } from "@/server/auth/client-info";
import { changePassword } from "@/server/auth/password-change";
import { requestPasswordReset, resetPassword } from "@/server/auth/password-reset";
import {
  ZChangePassword,
  ZCode,
  ZForgotPassword,
  ZNothing,
  ZPasswordCheck,
  ZResetPassword,
  ZSessionId,
} from "@/server/auth/schema";
import { issueSessionCookie } from "@/server/auth/session-cookie";
import { endAllOwnSessions, endOwnSession } from "@/server/auth/session-list";
import { confirmTotpSetup, disableTotp, regenerateRecoveryCodes, startTotpSetup } from "@/server/auth/two-factor";

/** Same answer whether or not the address has an account. */
export const requestPasswordResetAction = publicAction(ZForgotPassword, async ({ email }) => {
  const { ip } = await requestClientInfo();
  await requestPasswordReset({ email, ip });
  return null;
});

export const resetPasswordAction = publicAction(ZResetPassword, async ({ token, password }) => {
  const { ip } = await requestClientInfo();
  return resetPassword({ token, password, ip });
});

export const startTotpSetupAction = accountAction(ZNothing, async (_input, session) => startTotpSetup(session.user.id));

/** Turns the factor on; this browser continues in a new session (the old id stops working). */
export const confirmTotpSetupAction = accountAction(ZCode, async ({ code }, session) => {
  const client = await requestClientInfo();
  const result = await confirmTotpSetup({ userId: session.user.id, sessionId: session.sessionId, code, client });
  await issueSessionCookie(session.user, result.sessionId);
  revalidatePath("/", "layout");
  return { recoveryCodes: result.recoveryCodes };
});

export const disableTotpAction = accountAction(ZPasswordCheck, async ({ password }, session) => {
  await disableTotp({ userId: session.user.id, password, client: await requestClientInfo() });
  revalidatePath("/", "layout");
  return null;
});

export const regenerateRecoveryCodesAction = accountAction(ZPasswordCheck, async ({ password }, session) => ({
  recoveryCodes: await regenerateRecoveryCodes({
    userId: session.user.id,
    password,
    client: await requestClientInfo(),
  }),
}));

export const endSessionAction = accountAction(ZSessionId, async ({ sessionId }, session) => {
  await endOwnSession({ userId: session.user.id, sessionId, ip: (await requestClientInfo()).ip });
  revalidatePath("/settings/profile");
  return { endedCurrent: sessionId === session.sessionId };
});

export const endAllSessionsAction = accountAction(ZNothing, async (_input, session) => ({
  ended: await endAllOwnSessions({ userId: session.user.id, ip: (await requestClientInfo()).ip }),
}));

/** A new password; the other sessions end and this browser continues in a new one. */
export const changePasswordAction = accountAction(ZChangePassword, async ({ current, password }, session) => {
  const result = await changePassword({
    userId: session.user.id,
    sessionId: session.sessionId,
    currentPassword: current,
    newPassword: password,
    client: await requestClientInfo(),
  });
  await issueSessionCookie(session.user, result.sessionId);
  revalidatePath("/settings/profile");
  return { otherSessionsEnded: result.otherSessionsEnded };
});
