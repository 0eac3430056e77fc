"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { ROLES } from "@/server/auth/permissions";
import { tieSsoDomainAction, untieSsoDomainAction, updateSsoPolicyAction } from "@/server/workspaces/actions";

type Settings = {
  requireSso: boolean;
  ssoBreakGlassUserId: string | null;
  ssoDefaultRole: string;
  domains: string[];
  admins: { userId: string; name: string; email: string }[];
  providers: { id: string; name: string }[];
};

/** Settings → Workspace (admins): single sign-on — tied domains, the role of newcomers, and the policy. */
export function SsoSettings({ settings, callbackBase }: { settings: Settings; callbackBase: string }) {
  const t = useTranslations("sso");
  const tRoles = useTranslations("roles");
  const domains = useAction();
  const policy = useAction();
  const [requireSso, setRequireSso] = useState(settings.requireSso);
  const [saved, setSaved] = useState(false);

  return (
    <div className="space-y-5">
      {settings.providers.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("noProvider")}
        </p>
      ) : (
        <div className="text-sm">
          <p className="text-slate-700">
            {t("providers", { names: settings.providers.map((p) => p.name).join(", ") })}
          </p>
          <p className="mt-1 text-slate-600">
            {t("redirectUrl")}{" "}
            {settings.providers.map((p) => (
              <code key={p.id} className="mr-2 break-all rounded bg-slate-100 px-1">
                {`${callbackBase}/api/auth/callback/${p.id}`}
              </code>
            ))}
          </p>
        </div>
      )}

      <div>
        <h3 className="mb-1 font-medium">{t("domainsTitle")}</h3>
        <p className="mb-2 text-sm text-slate-600">{t("domainsHint")}</p>
        {settings.domains.length > 0 && (
          <ul className="mb-3 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="sso-domains">
            {settings.domains.map((domain) => (
              <li key={domain} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                <span className="font-mono">{domain}</span>
                <button
                  type="button"
                  className="btn-secondary py-1"
                  disabled={domains.pending}
                  aria-label={t("untie", { domain })}
                  onClick={() => domains.run(() => untieSsoDomainAction({ domain }))}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const domain = String(new FormData(form).get("domain") ?? "");
            domains.run(
              () => tieSsoDomainAction({ domain }),
              () => form.reset(),
            );
          }}
        >
          <div className="min-w-48 flex-1">
            <label htmlFor="sso-domain" className="label">
              {t("domain")}
            </label>
            <input
              id="sso-domain"
              name="domain"
              required
              maxLength={253}
              placeholder="acme.com"
              className="input font-mono"
              aria-describedby="sso-domain-error"
            />
          </div>
          <button type="submit" className="btn-secondary" disabled={domains.pending}>
            {t("tie")}
          </button>
        </form>
        <FieldError error={domains.error} field="domain" id="sso-domain-error" />
        <FormError error={domains.error && domains.error.code !== "validation" ? domains.error : null} />
      </div>

      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setSaved(false);
          const breakGlass = String(data.get("breakGlass") ?? "");
          policy.run(
            () =>
              updateSsoPolicyAction({
                requireSso,
                breakGlassUserId: breakGlass || null,
                defaultRole: data.get("defaultRole"),
              }),
            () => setSaved(true),
          );
        }}
      >
        <div className="max-w-80">
          <label htmlFor="sso-role" className="label">
            {t("defaultRole")}
          </label>
          <select id="sso-role" name="defaultRole" className="input" defaultValue={settings.ssoDefaultRole}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={requireSso}
            onChange={(event) => setRequireSso(event.target.checked)}
          />
          <span>
            <span className="font-medium">{t("requireSso")}</span>
            <span className="block text-slate-600">{t("requireSsoHint")}</span>
          </span>
        </label>
        <div className="max-w-80">
          <label htmlFor="sso-break-glass" className="label">
            {t("breakGlass")}
          </label>
          <select
            id="sso-break-glass"
            name="breakGlass"
            className="input"
            defaultValue={settings.ssoBreakGlassUserId ?? ""}
            aria-describedby="sso-break-glass-hint sso-break-glass-error"
          >
            <option value="">{t("noBreakGlass")}</option>
            {settings.admins.map((admin) => (
              <option key={admin.userId} value={admin.userId}>
                {admin.name} ({admin.email})
              </option>
            ))}
          </select>
          <p id="sso-break-glass-hint" className="mt-1 text-xs text-slate-500">
            {t("breakGlassHint")}
          </p>
          <FieldError error={policy.error} field="breakGlassUserId" id="sso-break-glass-error" />
        </div>
        <FormError error={policy.error && policy.error.code !== "validation" ? policy.error : null} />
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={policy.pending}>
            {t("save")}
          </button>
          {saved && (
            <span role="status" className="text-sm text-green-800">
              {t("saved")}
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
