import { getFormatter, getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { isWebhookEventType } from "@/server/webhooks/events";
import { getSlack, listEndpoints } from "@/server/webhooks/service";
import { EndpointCard, type EndpointView } from "./endpoint-card";
import { EndpointForm } from "./endpoint-form";
import { SlackCard } from "./slack-card";

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

function stateOf(endpoint: { disabledAt: Date | null; disabledReason: string | null; failingSince: Date | null }) {
  if (endpoint.disabledAt) return endpoint.disabledReason === "failing" ? "offFailing" : "offManual";
  return endpoint.failingSince ? "failing" : "active";
}

export default async function WebhooksPage() {
  const actor = await pageActor("webhooks.manage");
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  const [endpoints, slack] = await Promise.all([listEndpoints(actor), getSlack(actor)]);
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : null;
  const now = new Date();
  const views: EndpointView[] = endpoints
    .filter((e) => e.kind === "WEBHOOK")
    .map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events.filter(isWebhookEventType),
      state: stateOf(e),
      failingSince: when(e.failingSince),
      overlapUntil: e.previousSecretExpires && e.previousSecretExpires > now ? when(e.previousSecretExpires) : null,
      pending: e.pending,
      failed: e.failed,
      lastAttempt: when(e.lastAttemptAt),
    }));

  return (
    <div className="space-y-6">
      <section className="card space-y-4" aria-labelledby="webhooks-title">
        <div>
          <h2 id="webhooks-title" className="text-lg font-semibold">
            {t("newTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <EndpointForm />
      </section>
      <section aria-labelledby="webhooks-list" className="space-y-3">
        <h2 id="webhooks-list" className="text-lg font-semibold">
          {t("list")}
        </h2>
        {views.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="space-y-3">
            {views.map((view) => (
              <EndpointCard key={view.id} endpoint={view} />
            ))}
          </ul>
        )}
        <details className="card text-sm">
          <summary className="cursor-pointer font-medium">{t("verifyTitle")}</summary>
          <p className="mt-2 text-slate-700">{t("verifyBody")}</p>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {`import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.SMARKETING_WEBHOOK_SECRET); // whsec_…
// body: the raw request body as text, headers: the request's headers
const event = wh.verify(body, headers); // throws when the signature or timestamp is wrong
// event.type, event.data … ; skip a webhook-id you already handled`}
          </pre>
        </details>
      </section>
      <SlackCard
        slack={
          slack
            ? { id: slack.id, url: slack.url, failing: slack.failingSince !== null || slack.disabledAt !== null }
            : null
        }
      />
    </div>
  );
}
