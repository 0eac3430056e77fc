import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { ScrollRegion } from "@/components/scroll-region";
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
      <p>
        <Link href="/settings/webhooks" className="text-sm underline">
          ← {t("back")}
        </Link>
      </p>
      <h2 id="log-title" className="text-lg font-semibold break-all">
        {t("logTitle", { url: endpoint.url })}
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
      ) : (
        <ScrollRegion label={t("log")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("details")}</th>
                <th scope="col">
                  <span className="sr-only">{t("redeliver")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={String(delivery.id)} data-testid="delivery-row">
                  <td>
                    <span className="block">{eventName(delivery.event.type)}</span>
                    <code className="text-xs text-slate-500">{delivery.event.id}</code>
                  </td>
                  <td className="whitespace-nowrap">{when(delivery.event.createdAt)}</td>
                  <td>
                    <Badge tone={TONE[delivery.status]}>{t(`deliveryStatus.${delivery.status}`)}</Badge>
                    {delivery.status === "PENDING" && delivery.attempts > 0 && (
                      <span className="mt-1 block text-xs text-slate-600">
                        {t("nextAttempt")}: {when(delivery.nextAttemptAt)}
                      </span>
                    )}
                  </td>
                  <td>
                    {delivery.log.length === 0 ? (
                      <span className="text-sm text-slate-600">—</span>
                    ) : (
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
                                <code className="mt-0.5 block max-w-md truncate text-slate-500">{attempt.excerpt}</code>
                              )}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>{delivery.status !== "PENDING" && <RedeliverButton deliveryId={String(delivery.id)} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
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
