import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/events";

const ZTargetUrl = z
  .string()
  .trim()
  .min(1, "required")
  .max(2000, "tooLong")
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "webhookUrl");

export const ZEndpointInput = z.strictObject({
  url: ZTargetUrl,
  description: plainText(200).default(""),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "chooseEvents").max(WEBHOOK_EVENT_TYPES.length),
});
export type EndpointInput = z.infer<typeof ZEndpointInput>;

export const ZEndpointId = z.strictObject({ endpointId: z.string().min(1).max(64) });
export const ZUpdateEndpoint = ZEndpointInput.extend({ endpointId: z.string().min(1).max(64) });
export const ZSetEnabled = z.strictObject({ endpointId: z.string().min(1).max(64), enabled: z.boolean() });
export const ZRedeliver = z.strictObject({ deliveryId: z.string().regex(/^\d{1,19}$/) });
export const ZSlackInput = z.strictObject({ url: ZTargetUrl.nullable() });
