import { getFormatter, getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { pageActor } from "@/server/auth/current-actor";
import { getSession } from "@/server/auth/session";
import { listOwnSessions } from "@/server/auth/session-list";
import { twoFactorStatus } from "@/server/auth/two-factor";
import { PasswordCard } from "./password-card";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

export async function generateMetadata() {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const actor = await pageActor("workspace.read");
  const session = await getSession();
  const [t, tSessions, format] = await Promise.all([
    getTranslations("profile"),
    getTranslations("sessions"),
    getFormatter(),
  ]);
  const [sessions, twoFactor] = await Promise.all([
    listOwnSessions(actor.userId, actor.sessionId ?? ""),
    twoFactorStatus(actor.userId),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const device = ({ browser, system }: { browser: string | null; system: string | null }) =>
    browser && system ? tSessions("device", { browser, system }) : (browser ?? system ?? tSessions("unknownDevice"));
  return (
    <div className="space-y-6">
      <section className="card max-w-xl" aria-labelledby="profile-title">
        <h2 id="profile-title" className="mb-4 text-lg font-semibold">
          {t("title")}
        </h2>
        <dl className="mb-4 grid grid-cols-[8rem_1fr] gap-2 text-sm">
          <dt className="text-slate-600">{t("name")}</dt>
          <dd>{session?.user.name}</dd>
          <dt className="text-slate-600">{t("email")}</dt>
          <dd className="break-all">{session?.user.email}</dd>
        </dl>
        <p className="label">{t("language")}</p>
        <LocaleSwitcher />
        <p className="mt-1 text-sm text-slate-500">{t("languageHint")}</p>
      </section>
      <TwoFactorCard
        status={{
          enabled: twoFactor.enabledAt !== null,
          enabledOn: twoFactor.enabledAt ? format.dateTime(twoFactor.enabledAt, { dateStyle: "medium" }) : null,
          codesLeft: twoFactor.codesLeft,
          required: Boolean(session?.active?.requireTwoFactor),
        }}
      />
      <PasswordCard />
      <SessionsCard
        sessions={sessions.map((s) => ({
          id: s.id,
          device: device(s.device),
          ip: s.ip ?? "—",
          createdAt: when(s.createdAt),
          lastSeenAt: when(s.lastSeenAt),
          method: s.method,
          current: s.current,
        }))}
      />
    </div>
  );
}
