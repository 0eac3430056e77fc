"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/copy-button";
import { FieldError, FormError } from "@/components/form-error";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionError } from "@/server/action";
import { ROLES } from "@/server/auth/permissions";
import { inviteMemberAction, revokeInviteAction } from "@/server/members/actions";

export function InviteForm() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [created, setCreated] = useState<{ email: string; url: string; emailed: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="mb-3 text-lg font-semibold">
        {t("invites.title")}
      </h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          setError(null);
          setCreated(null);
          startTransition(async () => {
            const email = String(data.get("email") ?? "");
            const result = await inviteMemberAction({ email, role: data.get("role"), locale: data.get("locale") });
            if (result.ok) {
              setCreated({ email: email.trim().toLowerCase(), url: result.data.url, emailed: result.data.emailed });
              form.reset();
              router.refresh();
            } else setError(result.error);
          });
        }}
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="invite-email" className="label">
            {t("invites.email")}
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            maxLength={320}
            className="input"
            aria-describedby="invite-email-error"
          />
          <FieldError error={error} field="email" id="invite-email-error" />
        </div>
        <div>
          <label htmlFor="invite-role" className="label">
            {t("invites.role")}
          </label>
          <select id="invite-role" name="role" className="input" defaultValue="SALES">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-locale" className="label">
            {t("invites.language")}
          </label>
          <select id="invite-locale" name="locale" className="input" defaultValue={locale}>
            {(["en", "it"] as const).map((code) => (
              <option key={code} value={code}>
                {t(`locales.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? t("invites.submitting") : t("invites.submit")}
        </button>
      </form>
      <div className="mt-3">
        <FormError error={error && error.code !== "validation" ? error : null} />
      </div>
      {created && (
        <div className="mt-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm" role="status">
          <p>
            {t("invites.created", { email: created.email })}{" "}
            {created.emailed ? t("invites.emailed") : t("invites.notEmailed")}
          </p>
          <label htmlFor="invite-link" className="label mt-2">
            {t("invites.link")}
          </label>
          <div className="flex gap-2">
            <input
              id="invite-link"
              data-testid="invite-link"
              readOnly
              value={created.url}
              className="input font-mono"
            />
            <CopyButton value={created.url} />
          </div>
        </div>
      )}
    </section>
  );
}

type PendingInvite = { id: string; email: string; role: string; invitedBy: string; expires: string };

export function PendingInvites({ invites }: { invites: PendingInvite[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <section className="card" aria-labelledby="pending-title">
      <h2 id="pending-title" className="mb-3 text-lg font-semibold">
        {t("invites.pending")}
      </h2>
      <FormError error={error} />
      {invites.length === 0 ? (
        <p className="text-sm text-slate-600">{t("invites.none")}</p>
      ) : (
        <ScrollRegion label={t("invites.pending")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("invites.email")}</th>
                <th scope="col">{t("invites.role")}</th>
                <th scope="col">{t("invites.invitedBy")}</th>
                <th scope="col">{t("invites.expires")}</th>
                <th scope="col">
                  <span className="sr-only">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td>{invite.email}</td>
                  <td>{t(`roles.${invite.role}`)}</td>
                  <td>{invite.invitedBy}</td>
                  <td>{invite.expires}</td>
                  <td>
                    <button
                      type="button"
                      className="btn-danger py-1"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await revokeInviteAction({ inviteId: invite.id });
                          setError(result.ok ? null : result.error);
                          router.refresh();
                        })
                      }
                    >
                      {t("invites.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
