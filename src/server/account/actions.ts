"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";
import { hasNulChar } from "@/lib/nul-char";
import { setUserLocale, switchWorkspace } from "@/server/account/service";
import { type ActionResult, toActionError } from "@/server/action";
import { getSession } from "@/server/auth/session";
import { AppError } from "@/server/errors";

const ZSwitchWorkspace = z.object({
  workspaceId: z
    .string()
    .min(1)
    .max(64)
    .refine((id) => !hasNulChar(id)),
});
const ZSetLocale = z.object({ locale: z.enum(LOCALES) });

export async function switchWorkspaceAction(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = ZSwitchWorkspace.parse(raw);
    const session = await getSession();
    if (!session) throw new AppError("unauthenticated");
    await switchWorkspace({ userId: session.user.id, sessionId: session.sessionId, workspaceId: input.workspaceId });
    revalidatePath("/", "layout");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: error instanceof z.ZodError ? { code: "validation" } : toActionError(error) };
  }
}

/** Works signed in (saved on the account) and signed out (cookie only). */
export async function setLocaleAction(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = ZSetLocale.parse(raw);
    const session = await getSession();
    if (session) await setUserLocale({ userId: session.user.id, locale: input.locale });
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    revalidatePath("/", "layout");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: error instanceof z.ZodError ? { code: "validation" } : toActionError(error) };
  }
}
