import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, TERM_STATUS_TONE } from "@/components/badges";
import { isolate } from "@/lib/bidi";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { approvalRefusal } from "@/server/glossary/agreement";
import { getTermDetail, type Locale, localized, type TermDetail, termOptions } from "@/server/glossary/queries";
import { found } from "@/server/page-data";
import { RevisionDiff } from "./revision-diff";
import { CommentForm, DeprecateForm, FollowButton, RevisionButtons } from "./term-controls";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("glossary.read");
  const term = await getTermDetail(actor, (await params).id).catch(() => null);
  return { title: term ? localized(term, (await getLocale()) as Locale).name : undefined };
}

type Revision = TermDetail["revisions"][number];

export default async function TermPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("glossary.read");
  const term = await found(getTermDetail(actor, (await params).id));
  const t = await getTranslations("glossary");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const text = localized(term, locale);
  const previousOf = (revision: Revision) => term.revisions.find((r) => r.number < revision.number) ?? null;
  const approvers = (revision: Revision) =>
    revision.approvals.map((a) => `${isolate(a.user.name)} (${tRoles(a.role)})`).join(", ");
  // Who stands behind a revision: its proposer (for their side) and its approvers.
  const backers = (revision: Revision) => {
    const proposer =
      revision.author && (revision.authorRole === "MARKETER" || revision.authorRole === "SALES")
        ? [`${isolate(revision.author.name)} (${tRoles(revision.authorRole)}, ${t("proposer")})`]
        : [];
    return [...proposer, ...revision.approvals.map((a) => `${isolate(a.user.name)} (${tRoles(a.role)})`)].join(", ");
  };
  const authorName = (revision: Revision) => (revision.author ? isolate(revision.author.name) : t("system"));
  const lang = locale === "it" ? "It" : "En";
  const other = locale === "it" ? "En" : "It";
  const deprecated = term.status === "DEPRECATED";
  const options = can(actor.role, "glossary.deprecate") && !deprecated ? await termOptions(actor) : [];

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/glossary" className="text-brand-700 underline">
              {t("title")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{text.name}</h1>
          <div className="mt-1 flex flex-wrap gap-2">
            <Badge tone={TERM_STATUS_TONE[term.status]}>{t(`statuses.${term.status}`)}</Badge>
            <Badge tone="blue">{t(`categories.${term.category}`)}</Badge>
          </div>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <FollowButton termId={term.id} following={term.following} />
          {!deprecated && can(actor.role, "glossary.propose") && (
            <Link href={`/glossary/${term.id}/edit`} className="btn-primary">
              {t("proposeChange")}
            </Link>
          )}
          {options.length > 0 && (
            <DeprecateForm
              termId={term.id}
              options={options
                .filter((o) => o.id !== term.id)
                .map((o) => ({ id: o.id, name: localized(o, locale).name }))}
            />
          )}
        </div>
      </header>

      {deprecated && (
        <p className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm" role="note">
          {t("deprecatedNotice")}{" "}
          {term.replacedBy && (
            <>
              {t("useInstead")}{" "}
              <Link href={`/glossary/${term.replacedBy.id}`} className="font-medium text-brand-700 underline">
                {localized(term.replacedBy, locale).name}
              </Link>
            </>
          )}
        </p>
      )}

      <section className="card" aria-labelledby="in-force">
        <h2 id="in-force" className="mb-2 font-semibold">
          {t("inForce")}
        </h2>
        {term.inForce ? (
          <div className="space-y-3" data-testid="term-in-force">
            <p className="whitespace-pre-wrap text-slate-800">
              {term.inForce[`definition${lang}`] || term.inForce[`definition${other}`]}
            </p>
            {term.inForce[`synonyms${lang}`].length > 0 && (
              <p className="text-sm">
                <span className="font-medium">{t("synonyms")}:</span> {term.inForce[`synonyms${lang}`].join(", ")}
              </p>
            )}
            {term.inForce[`example${lang}`] && (
              <p className="text-sm text-slate-700">
                <span className="font-medium">{t("example")}:</span> {term.inForce[`example${lang}`]}
              </p>
            )}
            {term.inForce[`name${other}`] && (
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700">
                  {locale === "it" ? t("english") : t("italian")}
                </summary>
                <p className="mt-1 font-medium">{term.inForce[`name${other}`]}</p>
                <p className="whitespace-pre-wrap">{term.inForce[`definition${other}`]}</p>
              </details>
            )}
            <p className="text-sm text-green-800" data-testid="agreed-by">
              {t("agreedBy", { names: backers(term.inForce) })}
              {term.inForce.agreedAt &&
                ` · ${t("agreedOn", { date: format.dateTime(term.inForce.agreedAt, { dateStyle: "medium" }) })}`}
            </p>
          </div>
        ) : (
          <p className="text-sm text-amber-800">{t("noAgreedYet")}</p>
        )}
        {term.related.length > 0 && (
          <p className="mt-3 text-sm">
            <span className="font-medium">{t("related")}:</span>{" "}
            {term.related.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ", "}
                <Link href={`/glossary/${r.id}`} className="text-brand-700 underline">
                  {localized(r, locale).name}
                </Link>
              </span>
            ))}
          </p>
        )}
        {term.replaces.length > 0 && (
          <p className="mt-1 text-sm">
            <span className="font-medium">{t("replaces")}:</span>{" "}
            {term.replaces.map((r) => localized(r, locale).name).join(", ")}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="pending">
        <h2 id="pending" className="mb-2 font-semibold">
          {t("pending")}
        </h2>
        {term.pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("pendingNone")}</p>
        ) : (
          <ul className="space-y-4">
            {term.pending.map((revision) => {
              const refusal = approvalRefusal({
                approverId: actor.userId,
                approverRole: actor.role,
                authorId: revision.authorId,
                revisionStatus: revision.status,
                approvals: revision.approvals.map((a) => ({ userId: a.user.id })),
              });
              const against = term.inForce ?? previousOf(revision);
              return (
                <li
                  key={revision.id}
                  className="rounded-md border border-amber-200 p-3"
                  data-testid={`revision-${revision.number}`}
                >
                  <p className="text-sm">
                    <span className="font-medium">{t("revision", { number: revision.number })}</span> ·{" "}
                    {t("by", { name: authorName(revision) })} ·{" "}
                    {format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </p>
                  {revision.note && <p className="text-sm italic text-slate-600">{revision.note}</p>}
                  <p className="mt-2 text-xs font-medium text-slate-500">
                    {against
                      ? t("changesAgainst", {
                          what: term.inForce ? t("againstInForce") : t("againstPrevious", { number: against.number }),
                        })
                      : t("firstRevision")}
                  </p>
                  <RevisionDiff before={against} after={revision} />
                  <p className="mt-2 text-sm">
                    <span className="font-medium">{t("approvals")}:</span>{" "}
                    {revision.approvals.length ? approvers(revision) : t("noApprovals")}
                  </p>
                  {revision.missingSides.length > 0 && (
                    <p className="text-sm text-amber-800">
                      {t("needs", { sides: revision.missingSides.map((s) => t(`side_${s}`)).join(" + ") })}{" "}
                      {t("orManager")}
                    </p>
                  )}
                  <RevisionButtons
                    revisionId={revision.id}
                    canApprove={refusal === null && !deprecated}
                    canWithdraw={revision.authorId === actor.userId || actor.role === "MANAGER"}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="history">
        <h2 id="history" className="mb-2 font-semibold">
          {t("history")}
        </h2>
        <ol className="space-y-3">
          {term.revisions.map((revision) => (
            <li key={revision.id} className="border-l-2 border-slate-200 pl-3">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{t("revision", { number: revision.number })}</span> ·{" "}
                  {t(`revisionStatus.${revision.status}`)} · {t("by", { name: authorName(revision) })} ·{" "}
                  {format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {revision.approvals.length > 0 && ` · ${t("approvals")}: ${approvers(revision)}`}
                </summary>
                {revision.note && <p className="text-sm italic text-slate-600">{revision.note}</p>}
                <RevisionDiff before={previousOf(revision)} after={revision} />
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section className="card space-y-3" aria-labelledby="comments">
        <h2 id="comments" className="font-semibold">
          {t("comments")}
        </h2>
        {term.comments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noComments")}</p>
        ) : (
          <ul className="space-y-3">
            {term.comments.map((comment) => (
              <li key={comment.id} className="rounded-md bg-slate-50 p-3 text-sm">
                <p className="text-xs text-slate-500">
                  {comment.author.name} ·{" "}
                  {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                <p className="whitespace-pre-wrap">{comment.body}</p>
              </li>
            ))}
          </ul>
        )}
        {can(actor.role, "glossary.comment") && <CommentForm termId={term.id} />}
      </section>
    </article>
  );
}
