import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/progress-bar";
import { isolate } from "@/lib/bidi";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { getImport } from "@/server/imports/service";
import { found } from "@/server/page-data";
import { ImportLive, ResumeButton } from "./import-live";

export default async function ImportStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("leads.read");
  const job = await found(getImport(actor, (await params).id));
  const t = await getTranslations("import");
  const format = await getFormatter();
  const running = (job.status === "RUNNING" || job.status === "PENDING") && !job.stale;
  return (
    <div className="space-y-4">
      <ImportLive active={running} />
      <p className="text-sm">
        <Link href="/leads" className="text-brand-700 underline">
          {t("backToLeads")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("statusTitle", { file: isolate(job.fileName) })}</h1>
      <section className="card space-y-3" aria-labelledby="status" data-testid="import-status">
        <h2 id="status" className="font-semibold">
          {job.stale
            ? t("interrupted")
            : job.status === "COMPLETED" && job.rejectedCount > 0
              ? t("completedWithRejected", { count: job.rejectedCount })
              : t(`statuses.${job.status}`)}
        </h2>
        <ProgressBar
          done={job.processedRows}
          total={job.totalRows}
          label={t("progress", { processed: job.processedRows, total: job.totalRows })}
        />
        <p className="text-sm" aria-live="polite">
          {t("progress", { processed: job.processedRows, total: job.totalRows })}
        </p>
        <dl className="grid grid-cols-3 gap-3 text-center">
          {[
            [t("created"), job.createdCount],
            [t("updated"), job.updatedCount],
            [t("rejected"), job.rejectedCount],
          ].map(([label, value]) => (
            <div key={String(label)} className="rounded-md bg-slate-50 p-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{format.number(Number(value))}</dd>
            </div>
          ))}
        </dl>
        {job.error && <p className="text-sm text-red-800">{t("error", { error: job.error })}</p>}
        {job.rejectedCount > 0 && (
          <a href={`/leads/import/${job.id}/rejected.csv`} className="btn-secondary">
            {t("downloadRejected")}
          </a>
        )}
        {(job.status === "FAILED" || job.stale) && can(actor.role, "leads.write") && <ResumeButton importId={job.id} />}
      </section>
    </div>
  );
}
