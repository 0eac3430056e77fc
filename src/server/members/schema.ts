import { z } from "zod";
import { ROLES } from "@/server/auth/permissions";

export const ZRole = z.enum(ROLES);
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "tooLong")
  .pipe(z.email({ message: "invalidEmail" }));

/** The language of the invitation mail and of the new account; the inviter's when not given. */
export const ZLocale = z.enum(["en", "it"]);
export const ZInviteMember = z.object({ email: ZEmail, role: ZRole, locale: ZLocale.optional() });
export const ZChangeRole = z.object({ membershipId: z.string().min(1).max(64), role: ZRole });
export const ZRemoveMember = z.object({ membershipId: z.string().min(1).max(64) });
export const ZRevokeInvite = z.object({ inviteId: z.string().min(1).max(64) });

export const ZPassword = z.string().min(10, "passwordTooShort").max(200, "tooLong");
export const ZPersonName = z.string().trim().min(1, "required").max(120, "tooLong");

export const ZAcceptInviteNewUser = z.object({
  token: z.string().min(10).max(200),
  name: ZPersonName,
  password: ZPassword,
});
export const ZAcceptInvite = z.object({ token: z.string().min(10).max(200) });
