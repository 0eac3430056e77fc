import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { SignOutButton } from "@/components/sign-out-button";
import { getSession } from "@/server/auth/session";
import { findOpenInvite } from "@/server/members/service";
import { AcceptExistingUser, AcceptNewUser } from "./accept-forms";

export async function generateMetadata() {
  const t = await getTranslations("invite");
  return { title: t("accept") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const invite = token.length <= 200 ? await findOpenInvite(token) : null;
  const session = await getSession();

  let body: React.ReactNode;
  if (!invite) {
    body = <p role="alert">{t("invite.invalid")}</p>;
  } else {
    const values = { workspace: invite.workspace.name, role: t(`roles.${invite.role}`), email: invite.email };
    let action: React.ReactNode;
    if (session && session.user.email === invite.email) {
      action = <AcceptExistingUser token={token} />;
    } else if (session) {
      action = (
        <div className="space-y-3">
          <p role="alert">{t("invite.wrongAccount", { current: session.user.email, email: invite.email })}</p>
          <SignOutButton />
        </div>
      );
    } else if (invite.userExists) {
      action = (
        <div className="space-y-3">
          <p>{t("invite.signInToAccept", { email: invite.email })}</p>
          <a className="btn-primary" href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
            {t("invite.signIn")}
          </a>
        </div>
      );
    } else {
      action = <AcceptNewUser token={token} email={invite.email} />;
    }
    body = (
      <>
        <h1 className="mb-2 text-xl font-semibold">{t("invite.title", values)}</h1>
        <p className="mb-4 text-sm text-slate-600">{t("invite.body", values)}</p>
        {action}
      </>
    );
  }

  return <AuthFrame wide>{body}</AuthFrame>;
}
