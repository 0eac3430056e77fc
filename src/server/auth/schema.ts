import { z } from "zod";
import { ZEmail, ZPassword } from "@/server/members/schema";

export const ZForgotPassword = z.object({ email: ZEmail });
export const ZResetPassword = z
  .object({ token: z.string().min(10).max(200), password: ZPassword, confirm: z.string().max(200) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordsDiffer" });
export const ZCode = z.object({ code: z.string().trim().min(6, "invalidCode").max(40) });
export const ZPasswordCheck = z.object({ password: z.string().min(1, "required").max(1000) });
export const ZSessionId = z.object({ sessionId: z.string().min(1).max(64) });
export const ZNothing = z.object({}).optional();

export const ZChangePassword = z
  .object({ current: z.string().min(1, "required").max(1000), password: ZPassword, confirm: z.string().max(200) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordsDiffer" });
