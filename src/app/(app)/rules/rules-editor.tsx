"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { previewDraftAction, publishDraftAction, saveDraftAction } from "@/server/scoring/actions";
import type { Preview } from "@/server/scoring/service";
import { type ConditionRow, emptyCondition, type ModelForm, OPERATORS, toModel } from "./model-form";

type Option = { value: string; label: string };

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

export function RulesEditor({
  initial,
  hasDraft,
  canPublish,
  eventTypes,
  personas,
  channels,
}: {
  initial: ModelForm;
  hasDraft: boolean;
  canPublish: boolean;
  eventTypes: Option[];
  personas: Option[];
  channels: Option[];
}) {
  const t = useTranslations("rules");
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [note, setNote] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"save" | "preview" | "publish" | null>(null);

  const run = (kind: "save" | "preview" | "publish", work: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    setBusy(kind);
    startTransition(async () => {
      await work();
      setBusy(null);
    });
  };

  const save = async () => {
    const result = await saveDraftAction({ definition: toModel(form), note });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    return true;
  };

  const conditionFields = (row: ConditionRow, update: (patch: Partial<ConditionRow>) => void, idPrefix: string) => (
    <>
      <div>
        <label htmlFor={`${idPrefix}-attr`} className="label">
          {t("attribute")}
        </label>
        <select
          id={`${idPrefix}-attr`}
          className="input"
          value={row.attribute}
          onChange={(e) => {
            const attribute = e.target.value as ConditionRow["attribute"];
            update({ attribute, operator: OPERATORS[attribute][0] as string });
          }}
        >
          {Object.keys(OPERATORS).map((a) => (
            <option key={a} value={a}>
              {t(`attributes.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-op`} className="label">
          {t("operator")}
        </label>
        <select
          id={`${idPrefix}-op`}
          className="input"
          value={row.operator}
          onChange={(e) => update({ operator: e.target.value })}
        >
          {OPERATORS[row.attribute].map((o) => (
            <option key={o} value={o}>
              {t(`operators.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor={`${idPrefix}-val`} className="label">
          {t("values")}
        </label>
        {row.attribute === "persona" ? (
          row.operator === "is" ? (
            <select
              id={`${idPrefix}-val`}
              className="input"
              value={row.personaId}
              onChange={(e) => update({ personaId: e.target.value })}
            >
              <option value="" />
              {personas.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${idPrefix}-val`} className="input" disabled value="" />
          )
        ) : row.attribute === "companySize" ? (
          row.operator === "between" ? (
            <div className="flex gap-2">
              <input
                id={`${idPrefix}-val`}
                className="input"
                type="number"
                value={row.min}
                onChange={(e) => update({ min: e.target.value })}
              />
              <input
                aria-label={t("values")}
                className="input"
                type="number"
                value={row.max}
                onChange={(e) => update({ max: e.target.value })}
              />
            </div>
          ) : (
            <input
              id={`${idPrefix}-val`}
              className="input"
              type="number"
              value={row.value}
              onChange={(e) => update({ value: e.target.value })}
            />
          )
        ) : (
          <input
            id={`${idPrefix}-val`}
            className="input"
            value={row.values}
            placeholder={row.attribute === "channel" ? channels.map((c) => c.value).join(", ") : t("valuesHint")}
            onChange={(e) => update({ values: e.target.value })}
          />
        )}
      </div>
    </>
  );

  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="threshold">
        <h2 id="threshold" className="font-semibold">
          {t("threshold")}
        </h2>
        <input
          aria-labelledby="threshold"
          type="number"
          min={0}
          className="input w-40"
          value={form.threshold}
          onChange={(e) => setForm((f) => ({ ...f, threshold: e.target.value }))}
        />
      </section>

      <RuleSection
        id="fit-rules"
        title={t("fitRules")}
        hint={t("fitHint")}
        addLabel={t("addFit")}
        onAdd={() =>
          setForm((f) => ({
            ...f,
            fit: [...f.fit, { id: newId("fit"), label: "", points: "10", ...emptyCondition() }],
          }))
        }
      >
        {form.fit.map((rule, index) => {
          const update = (patch: Partial<typeof rule>) =>
            setForm((f) => ({ ...f, fit: f.fit.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
          return (
            <RuleRow
              key={rule.id}
              id={rule.id}
              testId="fit-rule"
              legend={rule.label || t("fitRules")}
              label={rule.label}
              onLabel={(label) => update({ label })}
              onRemove={() => setForm((f) => ({ ...f, fit: f.fit.filter((_, i) => i !== index) }))}
            >
              {conditionFields(rule, update, rule.id)}
              <div className="w-24">
                <label htmlFor={`${rule.id}-points`} className="label">
                  {t("points")}
                </label>
                <input
                  id={`${rule.id}-points`}
                  className="input"
                  type="number"
                  value={rule.points}
                  onChange={(e) => update({ points: e.target.value })}
                />
              </div>
            </RuleRow>
          );
        })}
      </RuleSection>

      <RuleSection
        id="behaviour-rules"
        title={t("behaviourRules")}
        hint={t("behaviourHint")}
        addLabel={t("addBehaviour")}
        onAdd={() =>
          setForm((f) => ({
            ...f,
            behaviour: [
              ...f.behaviour,
              {
                id: newId("beh"),
                label: "",
                eventType: eventTypes[0]?.value ?? "",
                points: "5",
                cap: "",
                decay: "none",
                days: "",
              },
            ],
          }))
        }
      >
        {form.behaviour.map((rule, index) => {
          const update = (patch: Partial<typeof rule>) =>
            setForm((f) => ({ ...f, behaviour: f.behaviour.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
          return (
            <RuleRow
              key={rule.id}
              id={rule.id}
              testId="behaviour-rule"
              legend={rule.label || t("behaviourRules")}
              label={rule.label}
              onLabel={(label) => update({ label })}
              onRemove={() => setForm((f) => ({ ...f, behaviour: f.behaviour.filter((_, i) => i !== index) }))}
            >
              <div>
                <label htmlFor={`${rule.id}-type`} className="label">
                  {t("eventType")}
                </label>
                <select
                  id={`${rule.id}-type`}
                  className="input"
                  value={rule.eventType}
                  onChange={(e) => update({ eventType: e.target.value })}
                >
                  {eventTypes.map((type) => (
                    <option key={type.value} value={type.value}>
                      {type.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="w-24">
                <label htmlFor={`${rule.id}-points`} className="label">
                  {t("points")}
                </label>
                <input
                  id={`${rule.id}-points`}
                  className="input"
                  type="number"
                  value={rule.points}
                  onChange={(e) => update({ points: e.target.value })}
                />
              </div>
              <div className="w-24">
                <label htmlFor={`${rule.id}-cap`} className="label" title={t("capHint")}>
                  {t("cap")}
                </label>
                <input
                  id={`${rule.id}-cap`}
                  className="input"
                  type="number"
                  min={0}
                  value={rule.cap}
                  onChange={(e) => update({ cap: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`${rule.id}-decay`} className="label">
                  {t("decay")}
                </label>
                <select
                  id={`${rule.id}-decay`}
                  className="input"
                  value={rule.decay}
                  onChange={(e) => update({ decay: e.target.value as typeof rule.decay, days: rule.days || "30" })}
                >
                  {(["none", "halfLife", "window"] as const).map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`decays.${mode}`)}
                    </option>
                  ))}
                </select>
              </div>
              {rule.decay !== "none" && (
                <div className="w-24">
                  <label htmlFor={`${rule.id}-days`} className="label">
                    {t("days")}
                  </label>
                  <input
                    id={`${rule.id}-days`}
                    className="input"
                    type="number"
                    min={1}
                    value={rule.days}
                    onChange={(e) => update({ days: e.target.value })}
                  />
                </div>
              )}
            </RuleRow>
          );
        })}
      </RuleSection>

      <RuleSection
        id="disqualifiers"
        title={t("disqualifiers")}
        hint={t("disqualifiersHint")}
        addLabel={t("addDisqualifier")}
        onAdd={() =>
          setForm((f) => ({
            ...f,
            disqualifiers: [
              ...f.disqualifiers,
              { id: newId("dq"), label: "", ...emptyCondition(), attribute: "emailDomain" },
            ],
          }))
        }
      >
        {form.disqualifiers.map((rule, index) => {
          const update = (patch: Partial<typeof rule>) =>
            setForm((f) => ({
              ...f,
              disqualifiers: f.disqualifiers.map((r, i) => (i === index ? { ...r, ...patch } : r)),
            }));
          return (
            <RuleRow
              key={rule.id}
              id={rule.id}
              testId="disqualifier"
              legend={rule.label || t("disqualifiers")}
              label={rule.label}
              onLabel={(label) => update({ label })}
              onRemove={() => setForm((f) => ({ ...f, disqualifiers: f.disqualifiers.filter((_, i) => i !== index) }))}
            >
              {conditionFields(rule, update, rule.id)}
            </RuleRow>
          );
        })}
      </RuleSection>

      <section className="card space-y-3" aria-labelledby="save-publish">
        <h2 id="save-publish" className="sr-only">
          {t("saveDraft")}
        </h2>
        <div>
          <label htmlFor="rules-note" className="label">
            {t("note")}
          </label>
          <input
            id="rules-note"
            className="input"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <FormError error={error} />
        {error?.fieldErrors && (
          <ul className="list-disc pl-5 text-sm text-red-700">
            {Object.entries(error.fieldErrors)
              .slice(0, 8)
              .map(([path, messages]) => (
                <li key={path}>
                  <code>{path}</code>: {messages[0]}
                </li>
              ))}
          </ul>
        )}
        {status && (
          <p role="status" className="text-sm text-green-800">
            {status}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() =>
              run("save", async () => {
                if (await save()) {
                  setStatus(t("saved"));
                  router.refresh();
                }
              })
            }
          >
            {busy === "save" ? t("saving") : t("saveDraft")}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() =>
              run("preview", async () => {
                if (!(await save())) return;
                const result = await previewDraftAction({});
                if (result.ok) setPreview(result.data);
                else setError(result.error);
              })
            }
          >
            {busy === "preview" ? t("previewing") : t("preview")}
          </button>
          {canPublish && (hasDraft || preview) && (
            <button
              type="button"
              className="btn-primary"
              disabled={pending}
              onClick={() => {
                if (!window.confirm(t("confirmPublish"))) return;
                run("publish", async () => {
                  if (!(await save())) return;
                  const result = await publishDraftAction({ note: note || "—" });
                  if (result.ok) {
                    setPreview(null);
                    setStatus(
                      t("published_ok", {
                        version: result.data.version,
                        leads: result.data.leads,
                        mql: result.data.becameMql,
                      }),
                    );
                    router.refresh();
                  } else setError(result.error);
                });
              }}
            >
              {busy === "publish" ? t("publishing") : t("publish")}
            </button>
          )}
        </div>
      </section>

      {preview && <PreviewView preview={preview} personas={personas} channels={channels} />}
    </div>
  );
}

/** A card of rules: title, hint, the rule rows, and the button that adds one. */
function RuleSection({
  id,
  title,
  hint,
  addLabel,
  onAdd,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  addLabel: string;
  onAdd: () => void;
  children: React.ReactNode;
}) {
  return (
    <section className="card space-y-3" aria-labelledby={id}>
      <div>
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{hint}</p>
      </div>
      {children}
      <button type="button" className="btn-secondary" onClick={onAdd}>
        {addLabel}
      </button>
    </section>
  );
}

/** One rule: its name, the fields of its kind (children), and its remove button. */
function RuleRow({
  id,
  testId,
  legend,
  label,
  onLabel,
  onRemove,
  children,
}: {
  id: string;
  testId: string;
  legend: string;
  label: string;
  onLabel: (label: string) => void;
  onRemove: () => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("rules");
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-3" data-testid={testId}>
      <legend className="sr-only">{legend}</legend>
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-label`} className="label">
          {t("label")}
        </label>
        <input id={`${id}-label`} className="input" value={label} onChange={(e) => onLabel(e.target.value)} />
      </div>
      {children}
      <button type="button" className="btn-danger" onClick={onRemove}>
        {t("remove")}
      </button>
    </fieldset>
  );
}

function PreviewView({ preview, personas, channels }: { preview: Preview; personas: Option[]; channels: Option[] }) {
  const t = useTranslations("rules");
  const personaName = new Map(personas.map((p) => [p.value, p.label]));
  const channelName = new Map(channels.map((c) => [c.value, c.label]));
  const table = (title: string, rows: Preview["byChannel"], name: (key: string) => string) => (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t("current")}</th>
            <th scope="col">{t("withDraft")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{name(row.key)}</td>
              <td className="tabular-nums">{row.published}</td>
              <td className="tabular-nums">{row.draft}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section className="card space-y-4" aria-labelledby="preview" data-testid="preview">
      <h2 id="preview" className="font-semibold">
        {t("previewTitle")}
      </h2>
      <p className="text-sm">
        {t("previewSummary", { leads: preview.leads, draft: preview.draft, published: preview.published })}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {table(t("byPersona"), preview.byPersona, (key) => (key ? (personaName.get(key) ?? key) : t("noPersona")))}
        {table(t("byChannel"), preview.byChannel, (key) => channelName.get(key) ?? key)}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("changes")}</h3>
        {preview.sample.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noChanges")}</p>
        ) : (
          <ul className="text-sm">
            {preview.sample.map((s) => (
              <li key={s.id}>
                <a href={`/leads/${s.id}`} className="text-brand-700 underline">
                  {s.email}
                </a>{" "}
                {s.publishedScore} → {s.draftScore} ({s.publishedQualifies ? "MQL" : "—"} →{" "}
                {s.draftQualifies ? "MQL" : "—"})
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
