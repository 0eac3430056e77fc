"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { updateSignInPolicyAction } from "@/server/workspaces/actions";

/** Settings → Workspace (admins): require a second factor of every member. */
export function SignInPolicy({ policy }: { policy: { requireTwoFactor: boolean; membersWithoutTwoFactor: number } }) {
  const t = useTranslations("workspaceSettings");
  const { error, pending, run } = useAction();
  const [requireTwoFactor, setRequireTwoFactor] = useState(policy.requireTwoFactor);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        run(
          () => updateSignInPolicyAction({ requireTwoFactor }),
          () => setSaved(true),
        );
      }}
    >
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={requireTwoFactor}
          onChange={(event) => setRequireTwoFactor(event.target.checked)}
        />
        <span>
          <span className="font-medium">{t("requireTwoFactor")}</span>
          <span className="block text-slate-600">
            {t("requireTwoFactorHint", { count: policy.membersWithoutTwoFactor })}
          </span>
        </span>
      </label>
      <FormError error={error} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="btn-primary"
          disabled={pending || requireTwoFactor === policy.requireTwoFactor}
        >
          {t("savePolicy")}
        </button>
        {saved && (
          <span role="status" className="text-sm text-green-800">
            {t("policySaved")}
          </span>
        )}
      </div>
    </form>
  );
}
