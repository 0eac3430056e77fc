import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { getSession } from "@/server/auth/session";

export default async function NoWorkspacePage() {
  const session = await getSession();
  if (!session) redirect("/signin");
  if (session.active) redirect("/");
  const t = await getTranslations();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="card max-w-md space-y-4">
        <h1 className="text-xl font-semibold">{t("noWorkspace.title")}</h1>
        <p className="text-sm text-slate-600">{t("noWorkspace.body")}</p>
        <div className="flex items-center gap-3">
          <SignOutButton />
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
