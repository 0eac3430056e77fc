"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { db } from "@/server/db";
import {
  ZEndpointId,
  ZEndpointInput,
  ZRedeliver,
  ZSetEnabled,
  ZSlackInput,
  ZUpdateEndpoint,
} from "@/server/webhooks/schema";
import {
  createEndpoint,
  deleteEndpoint,
  redeliver,
  rotateSecret,
  sendTest,
  setEndpointEnabled,
  setSlack,
  updateEndpoint,
} from "@/server/webhooks/service";

const PAGE = "/settings/webhooks";
const manage = "webhooks.manage" as const;

export const createEndpointAction = authorizedAction(
  { schema: ZEndpointInput, capability: manage },
  async (input, actor) => {
    const { endpoint, secret } = await createEndpoint(actor, input);
    revalidatePath(PAGE);
    return { id: endpoint.id, secret };
  },
);

export const updateEndpointAction = authorizedAction(
  { schema: ZUpdateEndpoint, capability: manage },
  async ({ endpointId, ...input }, actor) => {
    await updateEndpoint(actor, endpointId, input);
    revalidatePath(PAGE);
    return null;
  },
);

export const rotateSecretAction = authorizedAction({ schema: ZEndpointId, capability: manage }, async (input, actor) =>
  rotateSecret(actor, input.endpointId),
);

export const setEndpointEnabledAction = authorizedAction(
  { schema: ZSetEnabled, capability: manage },
  async (input, actor) => {
    await setEndpointEnabled(actor, input.endpointId, input.enabled);
    revalidatePath(PAGE);
    return null;
  },
);

export const deleteEndpointAction = authorizedAction(
  { schema: ZEndpointId, capability: manage },
  async (input, actor) => {
    await deleteEndpoint(actor, input.endpointId);
    revalidatePath(PAGE);
    return null;
  },
);

/** Sends a test now and answers with what the receiver said (status, time, error kind). */
export const sendTestAction = authorizedAction({ schema: ZEndpointId, capability: manage }, async (input, actor) => {
  const result = await sendTest(actor, input.endpointId);
  return {
    ok: result.ok,
    status: result.status,
    durationMs: result.durationMs,
    error: result.ok ? null : result.error,
  };
});

export const redeliverAction = authorizedAction({ schema: ZRedeliver, capability: manage }, async (input, actor) => {
  await redeliver(actor, BigInt(input.deliveryId));
  revalidatePath(PAGE, "layout");
  return null;
});

export const setSlackAction = authorizedAction({ schema: ZSlackInput, capability: manage }, async (input, actor) => {
  // Slack messages speak the language of the admin who connects it.
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
  await setSlack(actor, input.url, user.locale);
  revalidatePath(PAGE);
  return null;
});
