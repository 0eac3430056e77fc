"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { ProgressBar } from "@/components/progress-bar";
import { useProgressPoll } from "@/components/use-progress-poll";
import type { ActionError } from "@/server/action";
import { backtestProgressAction, cancelBacktestAction, startBacktestAction } from "@/server/scoring/backtest/actions";
import type { BacktestInput, BacktestView } from "@/server/scoring/backtest/service";
import { BacktestResults } from "./backtest-results";

const OUTCOMES = ["SQL", "OPPORTUNITY", "WON"] as const;

/**
 * The backtest beside preview and publish: pick a window of past leads, a
 * cut-off and an outcome; the draft is saved, then scored against the
 * published model in the background while a progress bar shows how far it
 * got (it can be cancelled); the figures appear side by side when it ends.
 */
export function BacktestPanel({
  initial,
  defaults,
  beforeRun,
  onCite,
  formKey,
}: {
  /** The latest run of the draft (or of the published model when there is no draft). */
  initial: BacktestView | null;
  defaults: BacktestInput;
  /** Saves the draft first; false when the server refused it (its errors are shown by the editor). */
  beforeRun: () => Promise<boolean>;
  /** Puts the backtest's summary in the publish note. */
  onCite: (text: string) => void;
  /** The editor's form as text: when it changes after a run, the run's figures are of another definition. */
  formKey: string;
}) {
  const t = useTranslations("backtest");
  const router = useRouter();
  const [input, setInput] = useState<BacktestInput>(
    initial
      ? {
          createdFrom: initial.createdFrom,
          createdTo: initial.createdTo,
          cutoffDays: initial.cutoffDays,
          outcome: initial.outcome,
        }
      : defaults,
  );
  const [cutoff, setCutoff] = useState(String(input.cutoffDays));
  const [view, setView] = useState<BacktestView | null>(initial);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  // A refresh of the page (the draft saved again) brings the same run marked stale.
  useEffect(() => {
    setView((current) => (initial && (!current || current.id === initial.id) ? initial : current));
  }, [initial]);

  const running = view?.status === "RUNNING";
  useProgressPoll(running ? view.id : null, backtestProgressAction, (data) => {
    setView(data);
    return data.status === "RUNNING";
  });

  // The form as it was when the shown backtest ran (or when the page showed it): an edit since makes it stale.
  const [ranOn, setRanOn] = useState(formKey);
  const stale = Boolean(view?.stale) || ranOn !== formKey;

  const start = () => {
    setError(null);
    startTransition(async () => {
      if (!(await beforeRun())) return;
      const next = { ...input, cutoffDays: Number(cutoff) };
      const result = await startBacktestAction(next);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setInput(next);
      setRanOn(formKey);
      // The save may have created the draft: the page's version list and publish button follow.
      router.refresh();
      setView({
        id: result.data.id,
        status: "RUNNING",
        processed: 0,
        total: 0,
        ...next,
        createdAt: new Date(),
        stale: false,
        result: null,
      });
    });
  };

  const cancel = () => {
    if (!view) return;
    startTransition(async () => {
      const result = await cancelBacktestAction({ id: view.id });
      if (!result.ok) setError(result.error);
    });
  };

  return (
    <section className="card space-y-3" aria-labelledby="backtest" data-testid="backtest">
      <div>
        <h2 id="backtest" className="font-semibold">
          {t("title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <p className="max-w-3xl text-xs text-slate-500">{t("fieldsNote")}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="backtest-from" className="label">
            {t("createdFrom")}
          </label>
          <input
            id="backtest-from"
            type="date"
            className="input"
            value={input.createdFrom}
            aria-describedby="backtest-from-error"
            onChange={(e) => setInput((i) => ({ ...i, createdFrom: e.target.value }))}
          />
          <FieldError error={error} field="createdFrom" id="backtest-from-error" />
        </div>
        <div>
          <label htmlFor="backtest-to" className="label">
            {t("createdTo")}
          </label>
          <input
            id="backtest-to"
            type="date"
            className="input"
            value={input.createdTo}
            aria-describedby="backtest-to-error"
            onChange={(e) => setInput((i) => ({ ...i, createdTo: e.target.value }))}
          />
          <FieldError error={error} field="createdTo" id="backtest-to-error" />
        </div>
        <div>
          <label htmlFor="backtest-cutoff" className="label">
            {t("cutoffDays")}
          </label>
          <input
            id="backtest-cutoff"
            type="number"
            min={1}
            max={365}
            className="input"
            value={cutoff}
            aria-describedby="backtest-cutoff-hint backtest-cutoff-error"
            onChange={(e) => setCutoff(e.target.value)}
          />
          <p id="backtest-cutoff-hint" className="text-xs text-slate-500">
            {t("cutoffHint")}
          </p>
          <FieldError error={error} field="cutoffDays" id="backtest-cutoff-error" />
        </div>
        <div>
          <label htmlFor="backtest-outcome" className="label">
            {t("outcome")}
          </label>
          <select
            id="backtest-outcome"
            className="input"
            value={input.outcome}
            onChange={(e) => setInput((i) => ({ ...i, outcome: e.target.value as BacktestInput["outcome"] }))}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={error} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-secondary" disabled={pending || running} onClick={start}>
          {running ? t("running") : t("run")}
        </button>
        {running && (
          <button type="button" className="btn-secondary" disabled={pending} onClick={cancel}>
            {t("cancel")}
          </button>
        )}
      </div>
      {running && (
        <div className="space-y-1" data-testid="backtest-progress">
          <ProgressBar done={view?.processed ?? 0} total={view?.total ?? 0} label={t("progressLabel")} />
          <p className="text-xs text-slate-600">
            {view && view.total > 0 ? t("progress", { processed: view.processed, total: view.total }) : t("starting")}
          </p>
        </div>
      )}
      {view?.status === "CANCELLED" && (
        <p role="status" className="text-sm text-slate-700">
          {t("cancelled")}
        </p>
      )}
      {view?.status === "FAILED" && (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      )}
      {/* Said once when the run starts and once when it ends (the progress itself would be read every second). */}
      <p className="sr-only" aria-live="polite">
        {running ? t("running") : view?.status === "DONE" ? t("finished") : ""}
      </p>
      {view?.status === "DONE" && view.result && <BacktestResults view={view} stale={stale} onCite={onCite} />}
    </section>
  );
}
