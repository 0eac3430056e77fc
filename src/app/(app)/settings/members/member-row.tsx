"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { ROLES } from "@/server/auth/permissions";
import {
  changeMemberRoleAction,
  endMemberSessionsAction,
  removeMemberAction,
  resetMemberTwoFactorAction,
} from "@/server/members/actions";

type Member = {
  id: string;
  name: string;
  email: string;
  role: string;
  joined: string;
  isSelf: boolean;
  /** Null when the viewer may not see it. */
  twoFactor: boolean | null;
};

export function MemberRow({
  member,
  canChangeRole,
  canRemove,
  canEndSessions,
  canResetTwoFactor,
}: {
  member: Member;
  canChangeRole: boolean;
  canRemove: boolean;
  canEndSessions: boolean;
  canResetTwoFactor: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<string | null>(null);

  function run(action: () => Promise<{ ok: boolean; error?: ActionError }>, done?: () => void) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error ?? { code: "unexpected" });
      else done?.();
      router.refresh();
    });
  }

  return (
    <tr data-testid={`member-${member.email}`}>
      <td>
        {member.name}
        {member.isSelf && <span className="ml-1 text-xs text-slate-500">({t("members.you")})</span>}
        {error && (
          <div className="mt-2">
            <FormError error={error} />
          </div>
        )}
        {notice && (
          <p role="status" className="mt-1 text-xs text-green-800">
            {notice}
          </p>
        )}
      </td>
      <td>{member.email}</td>
      <td>
        {canChangeRole ? (
          <select
            aria-label={t("members.changeRoleOf", { name: member.name })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={member.role}
            disabled={pending}
            onChange={(event) => {
              const role = event.target.value;
              run(() => changeMemberRoleAction({ membershipId: member.id, role }));
            }}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      <td>{member.joined}</td>
      {member.twoFactor !== null && (
        <td className="whitespace-nowrap">
          {member.twoFactor ? t("members.twoFactorOn") : t("members.twoFactorOff")}
          {member.twoFactor && canResetTwoFactor && !member.isSelf && (
            <button
              type="button"
              className="ml-2 text-sm text-brand-700 underline"
              disabled={pending}
              aria-label={t("members.resetTwoFactorOf", { name: member.name })}
              onClick={() => {
                if (window.confirm(t("members.confirmResetTwoFactor", { name: member.name }))) {
                  run(
                    () => resetMemberTwoFactorAction({ membershipId: member.id }),
                    () => setNotice(t("members.twoFactorWasReset", { name: member.name })),
                  );
                }
              }}
            >
              {t("members.resetTwoFactor")}
            </button>
          )}
        </td>
      )}
      {canRemove && (
        <td className="whitespace-nowrap">
          {canEndSessions && (
            <button
              type="button"
              className="btn-secondary mr-2 py-1"
              disabled={pending}
              aria-label={t("members.endSessionsOf", { name: member.name })}
              onClick={() => {
                if (window.confirm(t("members.confirmEndSessions", { name: member.name }))) {
                  run(
                    () => endMemberSessionsAction({ membershipId: member.id }),
                    () => setNotice(t("members.sessionsEnded", { name: member.name })),
                  );
                }
              }}
            >
              {t("members.endSessions")}
            </button>
          )}
          <button
            type="button"
            className="btn-danger py-1"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("members.confirmRemove", { name: member.name }))) {
                run(() => removeMemberAction({ membershipId: member.id }));
              }
            }}
          >
            {t("members.remove")}
          </button>
        </td>
      )}
    </tr>
  );
}
