import { z } from "zod";

export const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", "invalidTimeZone");

export const ZUpdateWorkspace = z.object({
  name: z.string().trim().min(1, "required").max(80, "tooLong"),
  timeZone: ZTimeZone,
});

export const ZSignInPolicy = z.object({ requireTwoFactor: z.boolean() });

/** An e-mail domain as people type it ("acme.com", "@Acme.com"), stored lower-case without the "@". */
export const ZSsoDomain = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => value.replace(/^@/, ""))
    .pipe(
      z
        .string()
        .max(253, "tooLong")
        .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "invalidDomain"),
    ),
});

export const ZSsoPolicy = z.object({
  requireSso: z.boolean(),
  breakGlassUserId: z.string().min(1).max(64).nullable(),
  defaultRole: z.enum(["ADMIN", "MANAGER", "MARKETER", "SALES"]),
});
