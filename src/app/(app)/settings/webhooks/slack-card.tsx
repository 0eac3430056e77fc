"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/badges";
import { FieldError, FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { setSlackAction } from "@/server/webhooks/actions";
import { TestButton } from "./test-button";

/** The workspace's Slack channel: connect with an incoming-webhook URL, test, disconnect. */
export function SlackCard({ slack }: { slack: { id: string; url: string; failing: boolean } | null }) {
  const t = useTranslations("webhooks");
  const { error, pending, run } = useAction();
  const [url, setUrl] = useState(slack?.url ?? "");
  const [saved, setSaved] = useState(false);
  return (
    <section className="card space-y-3" aria-labelledby="slack-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="slack-title" className="text-lg font-semibold">
          {t("slackTitle")}
        </h2>
        <Badge tone={slack ? (slack.failing ? "amber" : "green") : "slate"}>
          {slack ? t("slackConnected") : t("slackNotConnected")}
        </Badge>
      </div>
      <p className="text-sm text-slate-600">{t("slackIntro")}</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          run(
            () => setSlackAction({ url }),
            () => setSaved(true),
          );
        }}
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="slack-url" className="label">
            {t("slackUrl")}
          </label>
          <input
            id="slack-url"
            type="url"
            required
            inputMode="url"
            maxLength={2000}
            placeholder="https://hooks.slack.com/services/…"
            className="input"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
          <FieldError error={error} field="url" />
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {slack ? t("slackSave") : t("slackConnect")}
        </button>
        {slack && (
          <button
            type="button"
            className="btn-danger"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("confirmSlackDisconnect"))) return;
              run(
                () => setSlackAction({ url: null }),
                () => setUrl(""),
              );
            }}
          >
            {t("slackDisconnect")}
          </button>
        )}
      </form>
      <p aria-live="polite" className="text-sm text-green-800">
        {saved ? t("saved") : ""}
      </p>
      {slack && <TestButton endpointId={slack.id} />}
      <FormError error={error && error.code !== "validation" ? error : null} />
    </section>
  );
}
