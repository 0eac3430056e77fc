import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
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
  const t = await getTranslations("signIn");
  const notice = params.reset === "1" ? t("passwordChanged") : null;
  const email = typeof params.email === "string" ? params.email.slice(0, 320) : undefined;
  return (
    <AuthFrame>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("subtitle")}</p>
      {notice && (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {notice}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={email} />
    </AuthFrame>
  );
}
