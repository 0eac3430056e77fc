import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { Badge } from "@/components/badges";
import { pageActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { isWebhookEventType } from "@/server/webhooks/events";
import { listDeliveries } from "@/server/webhooks/service";
import { RedeliverButton } from "./redeliver-button";

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("log") };
}

const TONE = { PENDING: "amber", DELIVERED: "green", FAILED: "red" } as const;
// Literal classes (Tailwind finds them in the source): the columns of a delivery from md up.
const COLUMNS = "md:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,2.2fr)_auto] md:gap-3";

async function load(actor: Awaited<ReturnType<typeof pageActor>>, id: string, before: string | undefined) {
  try {
    return await listDeliveries(actor, id, {
      before: before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined,
    });
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}

/** One endpoint's delivery log, newest first: each event, its status and its attempts with their answers. */
export default async function DeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const actor = await pageActor("webhooks.manage");
  const [{ id }, { before }] = await Promise.all([params, searchParams]);
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  const { endpoint, deliveries, nextBefore } = await load(actor, id, before);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const eventName = (type: string) => (isWebhookEventType(type) ? t(`eventNames.${type}`) : type);

  return (
    <section className="card space-y-4" aria-labelledby="log-title">
      <BackLink href="/settings/webhooks" label={t("back")} />
      <h2 id="log-title" className="text-lg font-semibold break-all">
        {t("logTitle", { url: endpoint.url })}
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
      ) : (
        // A list rather than a table: on a phone each delivery stacks; from md up its parts line up in columns.
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          <li aria-hidden="true" className={`hidden py-2 text-sm font-medium text-slate-600 md:grid ${COLUMNS}`}>
            <span>{t("event")}</span>
            <span>{t("created")}</span>
            <span>{t("status")}</span>
            <span>{t("details")}</span>
            <span />
          </li>
          {deliveries.map((delivery) => (
            <li key={String(delivery.id)} data-testid="delivery-row" className={`grid gap-2 py-3 ${COLUMNS}`}>
              <div className="min-w-0">
                <span className="block font-medium">{eventName(delivery.event.type)}</span>
                <code className="block truncate text-xs text-slate-500">{delivery.event.id}</code>
              </div>
              <div className="text-sm">
                <span className="sr-only">{t("created")}: </span>
                {when(delivery.event.createdAt)}
              </div>
              <div>
                <Badge tone={TONE[delivery.status]}>{t(`deliveryStatus.${delivery.status}`)}</Badge>
                {delivery.status === "PENDING" && delivery.attempts > 0 && (
                  <span className="mt-1 block text-xs text-slate-600">
                    {t("nextAttempt")}: {when(delivery.nextAttemptAt)}
                  </span>
                )}
              </div>
              <div className="min-w-0">
                {delivery.log.length > 0 && (
                  <details>
                    <summary className="cursor-pointer text-sm">
                      {t("attempts")}: {delivery.attempts}
                      {delivery.lastStatusCode !== null && ` · HTTP ${delivery.lastStatusCode}`}
                    </summary>
                    <ul className="mt-1 space-y-1 text-xs">
                      {delivery.log.map((attempt) => (
                        <li key={String(attempt.id)}>
                          {t("attemptLine", {
                            when: when(attempt.at),
                            result: [
                              attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : "",
                              attempt.error ? t(`errors.${attempt.error}` as "errors.httpError") : "",
                            ]
                              .filter(Boolean)
                              .join(" · "),
                            ms: attempt.durationMs,
                          })}
                          {attempt.excerpt && (
                            <code className="mt-0.5 block truncate text-slate-500">{attempt.excerpt}</code>
                          )}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
              <div>{delivery.status !== "PENDING" && <RedeliverButton deliveryId={String(delivery.id)} />}</div>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex gap-3 text-sm" aria-label={t("log")}>
        {before && (
          <Link href={`/settings/webhooks/${id}`} className="underline">
            {t("newest")}
          </Link>
        )}
        {nextBefore !== undefined && (
          <Link href={`/settings/webhooks/${id}?before=${nextBefore}`} className="underline">
            {t("older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
