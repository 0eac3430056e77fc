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
