"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/badges";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { deleteEndpointAction, rotateSecretAction, setEndpointEnabledAction } from "@/server/webhooks/actions";
import type { WebhookEventType } from "@/server/webhooks/events";
import { EndpointForm } from "./endpoint-form";
import { SecretNotice } from "./secret-notice";
import { TestButton } from "./test-button";

export type EndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  state: "active" | "failing" | "offManual" | "offFailing";
  failingSince: string | null;
  overlapUntil: string | null;
  pending: number;
  failed: number;
  lastAttempt: string | null;
};

const TONE = { active: "green", failing: "amber", offManual: "slate", offFailing: "red" } as const;

/** One webhook: where it points, what it gets, how it is doing, and what an admin can do with it. */
export function EndpointCard({ endpoint }: { endpoint: EndpointView }) {
  const t = useTranslations("webhooks");
  const { error, pending, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const off = endpoint.state === "offManual" || endpoint.state === "offFailing";

  return (
    <li className="card space-y-3" data-testid={`webhook-${endpoint.url}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-mono text-sm break-all">{endpoint.url}</p>
          {endpoint.description && <p className="text-sm text-slate-600">{endpoint.description}</p>}
        </div>
        <Badge tone={TONE[endpoint.state]}>
          {endpoint.state === "failing" ? t("failingSince", { when: endpoint.failingSince ?? "" }) : t(endpoint.state)}
        </Badge>
      </div>
      <p className="text-sm text-slate-700">{endpoint.events.map((type) => t(`eventNames.${type}`)).join(" · ")}</p>
      <p className="text-sm text-slate-600">
        {[
          endpoint.lastAttempt ? t("lastAttempt", { when: endpoint.lastAttempt }) : t("neverSent"),
          t("pending", { count: endpoint.pending }),
          endpoint.failed > 0 ? t("failed", { count: endpoint.failed }) : "",
          endpoint.overlapUntil ? t("overlapUntil", { when: endpoint.overlapUntil }) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {editing ? (
        <EndpointForm initial={endpoint} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/settings/webhooks/${endpoint.id}`} className="btn-secondary">
            {t("log")}
          </Link>
          <TestButton endpointId={endpoint.id} />
          <button type="button" className="btn-secondary" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("confirmRotate"))) return;
              run(
                () => rotateSecretAction({ endpointId: endpoint.id }),
                (data) => setSecret(data.secret),
              );
            }}
          >
            {t("rotate")}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() => run(() => setEndpointEnabledAction({ endpointId: endpoint.id, enabled: off }))}
          >
            {off ? t("switchOn") : t("switchOff")}
          </button>
          <button
            type="button"
            className="btn-danger"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("confirmRemove", { url: endpoint.url }))) return;
              run(() => deleteEndpointAction({ endpointId: endpoint.id }));
            }}
          >
            {t("remove")}
          </button>
        </div>
      )}
      <FormError error={error} />
      {secret && <SecretNotice secret={secret} title={t("rotatedTitle")} body={t("rotatedBody")} />}
    </li>
  );
}
