import { getTranslations } from "next-intl/server";
import { appUrl } from "@/env";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { isWorkspaceEmpty } from "@/server/portability/import";
import { getWorkspace } from "@/server/workspaces/queries";
import { signInPolicy } from "@/server/workspaces/service";
import { ssoSettings } from "@/server/workspaces/sso-settings";
import { SignInPolicy } from "./sign-in-policy";
import { SsoSettings } from "./sso-settings";
import { WorkspaceTransfer } from "./transfer";
import { WorkspaceForm } from "./workspace-form";

export async function generateMetadata() {
  const t = await getTranslations("workspaceSettings");
  return { title: t("title") };
}

export default async function WorkspaceSettingsPage() {
  const actor = await pageActor("workspace.read");
  const workspace = await getWorkspace(actor);
  const t = await getTranslations("workspaceSettings");
  const transfer = can(actor.role, "workspace.transfer");
  const admin = can(actor.role, "workspace.update");
  const [policy, sso] = admin ? await Promise.all([signInPolicy(actor), ssoSettings(actor)]) : [null, null];
  return (
    <div className="space-y-4">
      <section className="card max-w-xl" aria-labelledby="workspace-title">
        <h2 id="workspace-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <WorkspaceForm
          workspace={{ name: workspace.name, timeZone: workspace.timeZone, slug: workspace.slug }}
          timeZones={Intl.supportedValuesOf("timeZone")}
          editable={can(actor.role, "workspace.update")}
        />
      </section>
      {policy && (
        <section className="card max-w-xl" aria-labelledby="sign-in-policy-title">
          <h2 id="sign-in-policy-title" className="mb-1 text-lg font-semibold">
            {t("signInPolicyTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("signInPolicyIntro")}</p>
          <SignInPolicy policy={policy} />
        </section>
      )}
      {sso && (
        <section className="card max-w-xl" aria-labelledby="sso-title">
          <h2 id="sso-title" className="mb-1 text-lg font-semibold">
            {t("ssoTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("ssoIntro")}</p>
          <SsoSettings settings={sso} callbackBase={appUrl()} />
        </section>
      )}
      {transfer && (
        <section className="card max-w-xl" aria-labelledby="transfer-title">
          <h2 id="transfer-title" className="mb-2 text-lg font-semibold">
            {t("transferTitle")}
          </h2>
          <WorkspaceTransfer empty={await isWorkspaceEmpty(actor.workspaceId)} />
        </section>
      )}
    </div>
  );
}
