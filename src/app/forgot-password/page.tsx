import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { env } from "@/env";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <AuthFrame>
      <h1 className="text-xl font-semibold">{t("forgotTitle")}</h1>
      {env().SMTP_URL ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("forgotIntro")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        // Without SMTP the link cannot reach anyone: say who can help instead of pretending to send it.
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("noMail")}
        </p>
      )}
      <p className="mt-4 text-sm">
        <a href="/signin" className="text-brand-700 underline">
          {t("backToSignIn")}
        </a>
      </p>
    </AuthFrame>
  );
}
