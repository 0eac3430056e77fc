"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/form-error";
import { SaveRow } from "@/components/save-row";
import { useAction } from "@/components/use-action";
import { Channel } from "@/generated/prisma/enums";
import { validationMessage } from "@/lib/validation-message";
import { saveTrackingAction } from "@/server/tracking/actions";
import { type ChannelRule, DEFAULT_CHANNEL_RULES, type UrlRule } from "@/server/tracking/rules";
import { RuleList } from "./rule-list";

type Settings = {
  requireConsent: boolean;
  allowedOrigins: string[];
  urlRules: UrlRule[];
  channelRules: ChannelRule[];
};

/** Consent, sites and the two rule lists, saved together. */
export function TrackingEditor({
  initial,
  eventTypes,
}: {
  initial: Settings;
  eventTypes: { value: string; label: string }[];
}) {
  const t = useTranslations("tracking");
  const tv = useTranslations("validation");
  const tc = useTranslations("channels");
  const { error, pending, run } = useAction();
  const [requireConsent, setRequireConsent] = useState(initial.requireConsent);
  const [origins, setOrigins] = useState(initial.allowedOrigins.join("\n"));
  const [urlRules, setUrlRules] = useState(initial.urlRules);
  const [channelRules, setChannelRules] = useState(initial.channelRules);
  const [saved, setSaved] = useState(false);
  const changed =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      setSaved(false);
      set(value);
    };
  const firstError = (prefix: string) => {
    const key = Object.keys(error?.fieldErrors ?? {}).find((k) => k === prefix || k.startsWith(`${prefix}.`));
    const code = key ? error?.fieldErrors?.[key]?.[0] : undefined;
    return code ? validationMessage(tv as never, code) : null;
  };
  const select = (
    id: string,
    label: string,
    value: string,
    options: { value: string; label: string }[],
    onChange: (value: string) => void,
  ) => (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const text = (id: string, label: string, value: string, max: number, onChange: (value: string) => void) => (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} className="input" maxLength={max} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
  const channels = Object.values(Channel).map((channel) => ({ value: channel, label: tc(channel) }));

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const allowedOrigins = origins
          .split("\n")
          .map((origin) => origin.trim())
          .filter(Boolean);
        run(
          () => saveTrackingAction({ requireConsent, allowedOrigins, urlRules, channelRules }),
          () => setSaved(true),
        );
      }}
    >
      <section className="card space-y-3" aria-labelledby="consent-title">
        <h2 id="consent-title" className="text-lg font-semibold">
          {t("settingsTitle")}
        </h2>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={requireConsent}
            onChange={(e) => changed(setRequireConsent)(e.target.checked)}
          />
          <span>{t("requireConsent")}</span>
        </label>
        <div>
          <label htmlFor="tracking-origins" className="label">
            {t("origins")}
          </label>
          <textarea
            id="tracking-origins"
            className="input font-mono"
            rows={3}
            value={origins}
            aria-describedby="tracking-origins-hint"
            aria-invalid={firstError("allowedOrigins") ? true : undefined}
            onChange={(e) => changed(setOrigins)(e.target.value)}
          />
          <p id="tracking-origins-hint" className="mt-1 text-xs text-slate-600">
            {t("originsHint")}
          </p>
          {firstError("allowedOrigins") && <p className="mt-1 text-sm text-red-700">{firstError("allowedOrigins")}</p>}
        </div>
      </section>

      <section className="card space-y-3" aria-labelledby="url-rules-title">
        <h2 id="url-rules-title" className="text-lg font-semibold">
          {t("urlRulesTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("urlRulesHint")}</p>
        <RuleList<UrlRule>
          id="url-rule"
          rules={urlRules}
          onChange={changed(setUrlRules)}
          blank={{ match: "pathPrefix", value: "", eventType: "PRICING_PAGE_VIEWED" }}
          errorOf={(index) => firstError(`urlRules.${index}`)}
          renderFields={(rule, index, update) => (
            <>
              {select(
                `url-rule-${index}-match`,
                t("match"),
                rule.match,
                (["pathPrefix", "urlContains"] as const).map((kind) => ({
                  value: kind,
                  label: t(`matchKinds.${kind}`),
                })),
                (match) => update({ ...rule, match: match as UrlRule["match"] }),
              )}
              {text(`url-rule-${index}-value`, t("value"), rule.value, 300, (value) => update({ ...rule, value }))}
              {select(`url-rule-${index}-type`, t("eventType"), rule.eventType, eventTypes, (eventType) =>
                update({ ...rule, eventType }),
              )}
            </>
          )}
        />
      </section>

      <section className="card space-y-3" aria-labelledby="channel-rules-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="channel-rules-title" className="text-lg font-semibold">
            {t("channelRulesTitle")}
          </h2>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => changed(setChannelRules)(DEFAULT_CHANNEL_RULES)}
          >
            {t("resetDefaults")}
          </button>
        </div>
        <p className="text-sm text-slate-600">{t("channelRulesHint")}</p>
        <RuleList<ChannelRule>
          id="channel-rule"
          rules={channelRules}
          onChange={changed(setChannelRules)}
          blank={{ field: "source", op: "equals", value: "", channel: "OTHER" }}
          errorOf={(index) => firstError(`channelRules.${index}`)}
          renderFields={(rule, index, update) => (
            <>
              {select(
                `channel-rule-${index}-field`,
                t("field"),
                `${rule.field}:${rule.op}`,
                (["source", "medium", "referrer"] as const).flatMap((field) =>
                  (["equals", "contains"] as const).map((op) => ({
                    value: `${field}:${op}`,
                    label: `${t(`fields.${field}`)} ${t(`ops.${op}`)}`,
                  })),
                ),
                (value) => {
                  const [field, op] = value.split(":") as [ChannelRule["field"], ChannelRule["op"]];
                  update({ ...rule, field, op });
                },
              )}
              {text(`channel-rule-${index}-value`, t("values"), rule.value, 500, (value) => update({ ...rule, value }))}
              {select(`channel-rule-${index}-channel`, t("channel"), rule.channel, channels, (channel) =>
                update({ ...rule, channel: channel as Channel }),
              )}
            </>
          )}
        />
      </section>

      <FormError error={error && error.code !== "validation" ? error : null} />
      <SaveRow pending={pending} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
