import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { getSession } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

/** Only same-site paths are followed after sign-in (no open redirects). */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path?.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getSession()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <p className="text-lg font-semibold text-brand-900">{t("app.name")}</p>
          <LocaleSwitcher />
        </div>
        <div className="card">
          <h1 className="text-xl font-semibold">{t("signIn.title")}</h1>
          <p className="mb-4 text-sm text-slate-600">{t("signIn.subtitle")}</p>
          <SignInForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">{t("app.tagline")}</p>
      </div>
    </main>
  );
}
