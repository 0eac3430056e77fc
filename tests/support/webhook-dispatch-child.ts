/**
 * A second app server's webhook dispatcher, as a process of its own (the
 * at-least-once test kills it with SIGKILL in the middle of a delivery).
 */
import { dispatchWebhooks } from "@/server/webhooks/dispatcher";

const workspaceId = process.env.WEBHOOK_WORKSPACE_ID;
for (;;) {
  await dispatchWebhooks({ workspaceId });
  await new Promise((resolve) => setTimeout(resolve, 100));
}
