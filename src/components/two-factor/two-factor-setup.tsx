"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { confirmTotpSetupAction, startTotpSetupAction } from "@/server/auth/actions";
import { RecoveryCodes } from "./recovery-codes";

type Provisioning = { qrSvg: string; secret: string; uri: string };

/**
 * Turning on two-factor sign-in: scan the QR code (or type the key), confirm with a first code, keep the
 * recovery codes; `doneHref` is where "continue" leads once they are saved. `onStart` tells the parent to keep
 * this on screen through the refresh that turning the factor on causes.
 */
export function TwoFactorSetup({ doneHref, onStart }: { doneHref: string; onStart?: () => void }) {
  const t = useTranslations("twoFactor");
  const [provisioning, setProvisioning] = useState<Provisioning | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  if (codes) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm font-medium text-green-800">
          {t("enabled")}
        </p>
        <RecoveryCodes codes={codes} />
        <a href={doneHref} className="btn-primary inline-block">
          {t("savedCodes")}
        </a>
      </div>
    );
  }

  if (!provisioning) {
    return (
      <div className="space-y-3">
        <FormError error={error} />
        <button
          type="button"
          className="btn-primary"
          disabled={pending}
          onClick={() => {
            setError(null);
            onStart?.();
            startTransition(async () => {
              const result = await startTotpSetupAction({});
              if (result.ok) setProvisioning(result.data);
              else setError(result.error);
            });
          }}
        >
          {t("start")}
        </button>
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const code = String(new FormData(event.currentTarget).get("code") ?? "");
        setError(null);
        startTransition(async () => {
          const result = await confirmTotpSetupAction({ code });
          if (result.ok) setCodes(result.data.recoveryCodes);
          else setError(result.error);
        });
      }}
    >
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>{t("stepScan")}</li>
      </ol>
      <div className="flex flex-wrap items-start gap-4">
        <div
          className="h-44 w-44 shrink-0 rounded border border-slate-200 bg-white p-1 [&>svg]:h-full [&>svg]:w-full"
          role="img"
          aria-label={t("qrLabel")}
          // The SVG is made on our server by the qrcode package from the otpauth:// link: no markup from elsewhere.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-generated QR code SVG
          dangerouslySetInnerHTML={{ __html: provisioning.qrSvg }}
        />
        <div className="min-w-0 flex-1 text-sm">
          <p className="text-slate-600">{t("manualKey")}</p>
          <p className="mt-1 break-all font-mono text-base" data-testid="totp-secret">
            {provisioning.secret.replace(/(.{4})/g, "$1 ").trim()}
          </p>
        </div>
      </div>
      <ol start={2} className="list-decimal pl-5 text-sm text-slate-700">
        <li>{t("stepConfirm")}</li>
      </ol>
      <div className="max-w-48">
        <label htmlFor="totp-code" className="label">
          {t("code")}
        </label>
        <input
          id="totp-code"
          name="code"
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          className="input font-mono tracking-widest"
          aria-describedby="totp-code-error"
        />
        <FieldError error={error} field="code" id="totp-code-error" />
      </div>
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("confirming") : t("confirm")}
      </button>
    </form>
  );
}
