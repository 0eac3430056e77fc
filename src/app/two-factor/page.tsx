import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { SignOutButton } from "@/components/sign-out-button";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import { getSession } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactor");
  return { title: t("requiredTitle") };
}

/**
 * Where a member lands while their workspace requires a second factor they have not set up yet. Not sent
 * away once it is on: the page refreshes when the factor is turned on, and must still show the recovery codes.
 */
export default async function TwoFactorRequiredPage() {
  const session = await getSession();
  if (!session) redirect("/signin");
  const t = await getTranslations("twoFactor");
  return (
    <AuthFrame wide>
      <h1 className="mb-2 text-xl font-semibold">{t("requiredTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {session.twoFactorSetupRequired
          ? t("requiredIntro", { workspace: session.active?.workspaceName ?? "" })
          : t("intro")}
      </p>
      <TwoFactorSetup doneHref="/" />
      <div className="mt-6 border-t border-slate-200 pt-4">
        <SignOutButton />
      </div>
    </AuthFrame>
  );
}
