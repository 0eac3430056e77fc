import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { pageActor } from "@/server/auth/current-actor";
import { getSession } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  await pageActor("workspace.read");
  const session = await getSession();
  const t = await getTranslations("profile");
  return (
    <section className="card max-w-xl" aria-labelledby="profile-title">
      <h2 id="profile-title" className="mb-4 text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="mb-4 grid grid-cols-[8rem_1fr] gap-2 text-sm">
        <dt className="text-slate-600">{t("name")}</dt>
        <dd>{session?.user.name}</dd>
        <dt className="text-slate-600">{t("email")}</dt>
        <dd>{session?.user.email}</dd>
      </dl>
      <p className="label">{t("language")}</p>
      <LocaleSwitcher />
      <p className="mt-1 text-sm text-slate-500">{t("languageHint")}</p>
    </section>
  );
}
