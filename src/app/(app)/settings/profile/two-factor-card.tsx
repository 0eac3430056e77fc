"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { RecoveryCodes } from "@/components/two-factor/recovery-codes";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import { useAction } from "@/components/use-action";
import { disableTotpAction, regenerateRecoveryCodesAction } from "@/server/auth/actions";

type Status = { enabled: boolean; enabledOn: string | null; codesLeft: number; required: boolean };

/** Settings → Profile: turn the second factor on, renew the recovery codes, or turn it off (password asked). */
export function TwoFactorCard({ status }: { status: Status }) {
  const t = useTranslations("twoFactor");
  const { error, pending, run } = useAction();
  const [asking, setAsking] = useState<"disable" | "codes" | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Once the set-up starts it stays on screen until the person leaves it: turning the factor on refreshes
  // this page (new session cookie), and the recovery codes must still be shown once.
  const [settingUp, setSettingUp] = useState(false);

  return (
    <section className="card max-w-xl space-y-4" aria-labelledby="two-factor-title">
      <div>
        <h2 id="two-factor-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {status.required && !status.enabled && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("requiredByWorkspace")}
        </p>
      )}
      {!status.enabled || settingUp ? (
        <TwoFactorSetup doneHref="/settings/profile" onStart={() => setSettingUp(true)} />
      ) : (
        <>
          <p className="text-sm" data-testid="two-factor-status">
            <span className="font-medium text-green-800">{t("on")}</span>{" "}
            {t("onSince", { date: status.enabledOn ?? "" })} · {t("codesLeft", { count: status.codesLeft })}
          </p>
          {codes && <RecoveryCodes codes={codes} />}
          {asking ? (
            <form
              className="space-y-3 rounded-md border border-slate-200 p-3"
              onSubmit={(event) => {
                event.preventDefault();
                const password = String(new FormData(event.currentTarget).get("password") ?? "");
                if (asking === "disable")
                  run(
                    () => disableTotpAction({ password }),
                    () => setAsking(null),
                  );
                else
                  run(
                    () => regenerateRecoveryCodesAction({ password }),
                    (data) => {
                      setCodes(data.recoveryCodes);
                      setAsking(null);
                    },
                  );
              }}
            >
              <p className="text-sm text-slate-700">{asking === "disable" ? t("confirmDisable") : t("confirmCodes")}</p>
              <div className="max-w-64">
                <label htmlFor="two-factor-password" className="label">
                  {t("password")}
                </label>
                <input
                  id="two-factor-password"
                  name="password"
                  type="password"
                  required
                  autoComplete="current-password"
                  className="input"
                  aria-describedby="two-factor-password-error"
                />
                <FieldError error={error} field="password" id="two-factor-password-error" />
              </div>
              <FormError
                error={error && error.code !== "validation" && error.code !== "wrongPassword" ? error : null}
              />
              <div className="flex flex-wrap gap-2">
                <button
                  type="submit"
                  className={asking === "disable" ? "btn-danger" : "btn-primary"}
                  disabled={pending}
                >
                  {asking === "disable" ? t("disable") : t("newCodes")}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setAsking(null)}>
                  {t("cancel")}
                </button>
              </div>
            </form>
          ) : (
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setCodes(null);
                  setAsking("codes");
                }}
              >
                {t("newCodes")}
              </button>
              <button type="button" className="btn-secondary" onClick={() => setAsking("disable")}>
                {t("disable")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
