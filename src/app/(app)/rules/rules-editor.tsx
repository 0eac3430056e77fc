"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { FieldError, FormError, useFocusFirstFieldError } from "@/components/form-error";
import { validationMessage } from "@/lib/validation-message";
import type { ActionError } from "@/server/action";
import { previewDraftAction, publishDraftAction, saveDraftAction } from "@/server/scoring/actions";
import type { BacktestInput, BacktestView } from "@/server/scoring/backtest/service";
import type { RescoreView } from "@/server/scoring/rescores";
import type { Preview } from "@/server/scoring/service";
import { BacktestPanel } from "./backtest/backtest-panel";
import { ConditionFields } from "./condition-fields";
import { emptyCondition, type ModelForm, toModel } from "./model-form";
import { PreviewView } from "./preview-view";
import { RescoreProgress } from "./rescore-progress";
import { BehaviourFields, FitPointsField } from "./rule-fields";
import { RuleRow, RuleSection } from "./rule-rows";

type Option = { value: string; label: string };
type ListKey = "fit" | "behaviour" | "disqualifiers";
/** Where each list of the form sits in the definition the server validates (and names in its errors). */
const DEFINITION_KEY: Record<ListKey, string> = {
  fit: "definition.fitRules",
  behaviour: "definition.behaviourRules",
  disqualifiers: "definition.disqualifiers",
};
/** The editor's label for the last part of an error's path. */
const FIELD_LABEL: Record<string, string> = {
  label: "label",
  points: "points",
  cap: "cap",
  days: "days",
  eventType: "eventType",
  values: "values",
  value: "values",
  min: "values",
  max: "values",
  personaId: "values",
};

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/**
 * The draft scoring model: threshold, fit rules, behaviour rules and
 * disqualifiers; save, preview its effect, publish. What the server refuses is
 * said in words beside the field or rule it is about, which gets the focus.
 */
export function RulesEditor({
  initial,
  initialNote,
  hasDraft,
  canPublish,
  eventTypes,
  personas,
  channels,
  backtest,
  running,
}: {
  initial: ModelForm;
  /** The draft's "why this change", kept across reloads and carried to the published version. */
  initialNote: string;
  hasDraft: boolean;
  canPublish: boolean;
  eventTypes: Option[];
  personas: Option[];
  channels: Option[];
  /** The draft's latest backtest and the form's starting window. */
  backtest: { latest: BacktestView | null; defaults: BacktestInput };
  /** A publish's re-score in progress when the page was drawn (by anyone). */
  running: RescoreView | null;
}) {
  const t = useTranslations("rules");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [note, setNote] = useState(initialNote);
  const [error, setError] = useState<ActionError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"save" | "preview" | "publish" | null>(null);
  const [rescore, setRescore] = useState<RescoreView | null>(running);
  const rescoreEnded = (ended: RescoreView) => {
    setRescore(null);
    setStatus(
      ended.outcome === "DONE"
        ? t("published_ok", { version: ended.version, leads: ended.done, mql: ended.becameMql })
        : t(`rescore.ended.${ended.outcome ?? "FAILED"}`, { version: ended.version }),
    );
    router.refresh();
  };
  const scope = useRef<HTMLDivElement>(null);
  useFocusFirstFieldError(error, scope);

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

  /** One list's rows: change one, remove one, add one (the three lists share this). */
  const list = <K extends ListKey>(key: K) => ({
    update: (index: number, patch: Partial<ModelForm[K][number]>) =>
      setForm((f) => ({ ...f, [key]: f[key].map((r, i) => (i === index ? { ...r, ...patch } : r)) })),
    remove: (index: number) => setForm((f) => ({ ...f, [key]: f[key].filter((_, i) => i !== index) })),
    add: (row: ModelForm[K][number]) => setForm((f) => ({ ...f, [key]: [...f[key], row] })),
  });

  const message = (key: string) => validationMessage(tv as Parameters<typeof validationMessage>[0], key);
  /** The server's complaints about one rule, as "Points: Too small." lines. */
  const rowErrors = (key: ListKey, index: number) => {
    const prefix = `${DEFINITION_KEY[key]}.${index}`;
    return Object.entries(error?.fieldErrors ?? {})
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, [first = "invalid"]]) => {
        const field = FIELD_LABEL[path.split(".").at(-1) ?? ""];
        return field ? `${t(field)}: ${message(first)}` : message(first);
      });
  };
  const fit = list("fit");
  const behaviour = list("behaviour");
  const disqualifiers = list("disqualifiers");

  return (
    <div className="space-y-4" ref={scope}>
      <section className="card space-y-2" aria-labelledby="threshold">
        <h2 id="threshold" className="font-semibold">
          {t("threshold")}
        </h2>
        <div>
          <input
            aria-labelledby="threshold"
            aria-describedby="threshold-error"
            type="number"
            min={0}
            className="input w-40"
            value={form.threshold}
            onChange={(e) => setForm((f) => ({ ...f, threshold: e.target.value }))}
          />
          <FieldError error={error} field="definition.mqlThreshold" id="threshold-error" />
        </div>
      </section>

      <RuleSection
        id="fit-rules"
        title={t("fitRules")}
        hint={t("fitHint")}
        addLabel={t("addFit")}
        onAdd={() => fit.add({ id: newId("fit"), label: "", points: "10", ...emptyCondition() })}
      >
        {form.fit.map((rule, index) => (
          <RuleRow
            key={rule.id}
            id={rule.id}
            testId="fit-rule"
            legend={rule.label || t("fitRules")}
            label={rule.label}
            onLabel={(label) => fit.update(index, { label })}
            onRemove={() => fit.remove(index)}
            errors={rowErrors("fit", index)}
          >
            <ConditionFields
              row={rule}
              update={(patch) => fit.update(index, patch)}
              idPrefix={rule.id}
              personas={personas}
              channels={channels}
            />
            <FitPointsField id={rule.id} value={rule.points} onChange={(points) => fit.update(index, { points })} />
          </RuleRow>
        ))}
      </RuleSection>

      <RuleSection
        id="behaviour-rules"
        title={t("behaviourRules")}
        hint={t("behaviourHint")}
        addLabel={t("addBehaviour")}
        onAdd={() =>
          behaviour.add({
            id: newId("beh"),
            label: "",
            eventType: eventTypes[0]?.value ?? "",
            points: "5",
            cap: "",
            decay: "none",
            days: "",
          })
        }
      >
        {form.behaviour.map((rule, index) => (
          <RuleRow
            key={rule.id}
            id={rule.id}
            testId="behaviour-rule"
            legend={rule.label || t("behaviourRules")}
            label={rule.label}
            onLabel={(label) => behaviour.update(index, { label })}
            onRemove={() => behaviour.remove(index)}
            errors={rowErrors("behaviour", index)}
          >
            <BehaviourFields rule={rule} eventTypes={eventTypes} update={(patch) => behaviour.update(index, patch)} />
          </RuleRow>
        ))}
      </RuleSection>

      <RuleSection
        id="disqualifiers"
        title={t("disqualifiers")}
        hint={t("disqualifiersHint")}
        addLabel={t("addDisqualifier")}
        onAdd={() => disqualifiers.add({ id: newId("dq"), label: "", ...emptyCondition(), attribute: "emailDomain" })}
      >
        {form.disqualifiers.map((rule, index) => (
          <RuleRow
            key={rule.id}
            id={rule.id}
            testId="disqualifier"
            legend={rule.label || t("disqualifiers")}
            label={rule.label}
            onLabel={(label) => disqualifiers.update(index, { label })}
            onRemove={() => disqualifiers.remove(index)}
            errors={rowErrors("disqualifiers", index)}
          >
            <ConditionFields
              row={rule}
              update={(patch) => disqualifiers.update(index, patch)}
              idPrefix={rule.id}
              personas={personas}
              channels={channels}
            />
          </RuleRow>
        ))}
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
          <FieldError error={error} field="note" />
        </div>
        <FormError error={error} />
        {rescore && <RescoreProgress key={rescore.id} initial={rescore} onEnd={rescoreEnded} />}
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
                  const result = await publishDraftAction({ note });
                  if (result.ok) {
                    setPreview(null);
                    setNote("");
                    setRescore({
                      id: result.data.rescoreId,
                      reason: "PUBLISH",
                      version: result.data.version,
                      total: result.data.total,
                      done: 0,
                      becameMql: 0,
                      startedAt: new Date(),
                      finishedAt: null,
                      outcome: null,
                    });
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

      <BacktestPanel
        initial={backtest.latest}
        defaults={backtest.defaults}
        beforeRun={save}
        onCite={(text) => setNote((current) => (current.trim() ? `${current.trim()} — ${text}` : text))}
        formKey={JSON.stringify(form)}
      />
    </div>
  );
}
