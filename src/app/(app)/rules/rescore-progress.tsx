"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ProgressBar } from "@/components/progress-bar";
import { useProgressPoll } from "@/components/use-progress-poll";
import { rescoreProgressAction } from "@/server/scoring/actions";
import type { RescoreView } from "@/server/scoring/rescores";

/**
 * A publish being applied to every lead: how far the re-score is, and what the list and dashboards show
 * meanwhile. Polls until it ends, then hands the result to `onEnd` (the editor says how it ended).
 */
export function RescoreProgress({ initial, onEnd }: { initial: RescoreView; onEnd: (view: RescoreView) => void }) {
  const t = useTranslations("rules.rescore");
  const format = useFormatter();
  const [view, setView] = useState(initial);
  useProgressPoll(view.finishedAt === null ? view.id : null, rescoreProgressAction, (data) => {
    setView(data);
    if (data.finishedAt === null) return true;
    onEnd(data);
    return false;
  });
  const counts = { done: format.number(view.done), total: format.number(view.total), version: view.version };
  return (
    <section className="card space-y-2" aria-labelledby="rescore-title" data-testid="rescore-progress">
      <h2 id="rescore-title" className="font-semibold">
        {t("title", { version: view.version })}
      </h2>
      <ProgressBar done={view.done} total={view.total} label={t("label", counts)} />
      <p className="text-sm text-slate-700">
        {t("counts", counts)}
        {view.becameMql > 0 && <> · {t("becameMql", { count: view.becameMql })}</>}
      </p>
      <p className="text-sm text-slate-600">{t("meanwhile")}</p>
    </section>
  );
}
