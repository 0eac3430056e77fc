import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { findOpenPasswordReset } from "@/server/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("resetTitle") };
}

/** The page the e-mailed link opens. The token is checked again when the form is sent. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const reset = token.length <= 200 ? await findOpenPasswordReset(token) : null;
  return (
    <AuthFrame>
      <h1 className="mb-2 text-xl font-semibold">{t("resetTitle")}</h1>
      {reset ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("resetIntro", { email: reset.email })}</p>
          <ResetPasswordForm token={token} email={reset.email} />
        </>
      ) : (
        <div className="space-y-3">
          <p role="alert">{t("linkInvalid")}</p>
          <a href="/forgot-password" className="btn-primary inline-block">
            {t("askAgain")}
          </a>
        </div>
      )}
    </AuthFrame>
  );
}
