"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { createEndpointAction, updateEndpointAction } from "@/server/webhooks/actions";
import type { WebhookEventType } from "@/server/webhooks/events";
import { EventChecklist } from "./event-checklist";
import { SecretNotice } from "./secret-notice";

type Initial = { id: string; url: string; description: string; events: WebhookEventType[] };

/** Adds a webhook (then shows its secret once), or edits one (`initial`). */
export function EndpointForm({ initial, onDone }: { initial?: Initial; onDone?: () => void }) {
  const t = useTranslations("webhooks");
  const { error, pending, run } = useAction();
  const [url, setUrl] = useState(initial?.url ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [events, setEvents] = useState<WebhookEventType[]>(initial?.events ?? ["lead.mql", "handoff.created"]);
  const [secret, setSecret] = useState<string | null>(null);
  const prefix = initial ? `edit-${initial.id}` : "new-webhook";

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSecret(null);
        if (initial) {
          run(() => updateEndpointAction({ endpointId: initial.id, url, description, events }), onDone);
        } else {
          run(
            () => createEndpointAction({ url, description, events }),
            (data) => {
              setSecret(data.secret);
              setUrl("");
              setDescription("");
            },
          );
        }
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-url`} className="label">
            {t("url")}
          </label>
          <input
            id={`${prefix}-url`}
            type="url"
            required
            maxLength={2000}
            inputMode="url"
            placeholder="https://"
            aria-describedby={`${prefix}-url-help`}
            className="input"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
          <p id={`${prefix}-url-help`} className="mt-1 text-xs text-slate-600">
            {t("urlHelp")}
          </p>
          <FieldError error={error} field="url" />
        </div>
        <div>
          <label htmlFor={`${prefix}-description`} className="label">
            {t("description")}
          </label>
          <input
            id={`${prefix}-description`}
            maxLength={200}
            placeholder={t("descriptionPlaceholder")}
            className="input"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
          <FieldError error={error} field="description" />
        </div>
      </div>
      <EventChecklist idPrefix={prefix} selected={events} onChange={setEvents} error={error} />
      <FormError error={error && error.code !== "validation" ? error : null} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {initial ? t("save") : pending ? t("adding") : t("add")}
        </button>
        {initial && (
          <button type="button" className="btn-secondary" onClick={onDone}>
            {t("cancel")}
          </button>
        )}
      </div>
      {secret && <SecretNotice secret={secret} title={t("secretTitle")} body={t("secretBody")} />}
    </form>
  );
}
