import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { oidcProviders } from "@/env";
import { getSession } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

/** Refusals that come back to this page in the URL (single sign-on); anything else of next-auth's is "ssoFailed". */
const URL_ERRORS = new Set(["ssoDomainNotTied", "ssoEmailNotVerified"]);

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
  const errorCode = typeof params.error === "string" ? params.error : null;
  const error = errorCode ? t(URL_ERRORS.has(errorCode) ? errorCode : "ssoFailed") : null;
  const providers = oidcProviders().map(({ id, name }) => ({ id, name }));
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
      {error && (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={email} providers={providers} />
    </AuthFrame>
  );
}
