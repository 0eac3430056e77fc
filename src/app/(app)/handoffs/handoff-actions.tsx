"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { RejectReason } from "@/generated/prisma/enums";
import { REJECT_DESTINATION, REJECT_REASONS } from "@/lib/reject-reasons";
import type { ActionError } from "@/server/action";
import { acceptHandoffAction, reassignHandoffAction, rejectHandoffAction } from "@/server/handoffs/actions";

/**
 * Accept (two clicks: Accept, then Confirm) or reject with a reason from the
 * fixed list. On success the inbox reloads with `done=<id>`: the answered card
 * leaves the list and the page says what happened, with a link to the lead.
 * On the lead's own page the page refreshes in place.
 */
export function HandoffActions({
  handoffId,
  returnTo,
  stayOnPage = false,
}: {
  handoffId: string;
  returnTo: string;
  /** On a lead's own page: stay there and show the lead's new state instead of going back to the inbox. */
  stayOnPage?: boolean;
}) {
  const t = useTranslations("handoffs");
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "confirmAccept" | "reject">("idle");
  const [reason, setReason] = useState<RejectReason | "">("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const noteId = useId();

  const run = (work: () => Promise<{ ok: true; data: { leadId: string } } | { ok: false; error: ActionError }>) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (result.ok && stayOnPage) {
        setMode("idle");
        router.refresh();
      } else if (result.ok) {
        const params = new URLSearchParams(returnTo);
        params.set("done", handoffId);
        router.push(`/handoffs?${params}`);
      } else {
        setError(result.error);
        if (result.error.code === "alreadyAnswered") router.refresh();
      }
    });

  return (
    <div className="space-y-2">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-primary" onClick={() => setMode("confirmAccept")}>
            {t("accept")}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setMode("reject")}>
            {t("reject")}
          </button>
        </div>
      )}
      {mode === "confirmAccept" && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className="btn-primary"
            disabled={pending}
            // The second click of a two-click action: focus follows the user's intent.
            autoFocus
            onClick={() => run(() => acceptHandoffAction({ handoffId }))}
          >
            {t("confirmAccept")}
          </button>
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => setMode("idle")}>
            {t("cancel")}
          </button>
        </div>
      )}
      {mode === "reject" && (
        <form
          className="space-y-2 rounded border border-slate-200 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => rejectHandoffAction({ handoffId, reason, note }));
          }}
        >
          <fieldset>
            <legend className="label">{t("rejectReason")}</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {REJECT_REASONS.map((r) => (
                <label key={r} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name={`reason-${handoffId}`}
                    value={r}
                    checked={reason === r}
                    onChange={() => setReason(r)}
                    className="mt-1"
                  />
                  <span>
                    {t(`reasons.${r}`)}
                    <span className="block text-xs text-slate-500">{t(`destination.${REJECT_DESTINATION[r]}`)}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError error={error} field="reason" />
          </fieldset>
          <div>
            <label htmlFor={noteId} className="label">
              {t("note")}
            </label>
            <textarea id={noteId} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            <FieldError error={error} field="note" />
          </div>
          <div className="flex gap-2">
            <button type="submit" className="btn-danger" disabled={pending}>
              {t("confirmReject")}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setMode("idle")}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError error={error && error.code !== "validation" ? error : null} />
    </div>
  );
}

/** A manager hands the lead to someone else (fresh SLA clock for them). */
export function ReassignControl({
  handoffId,
  currentId,
  people,
}: {
  handoffId: string;
  currentId: string | null;
  people: { userId: string; name: string; away: boolean }[];
}) {
  const t = useTranslations("handoffs");
  const router = useRouter();
  const [to, setTo] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const selectId = useId();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await reassignHandoffAction({ handoffId, toUserId: to });
          if (result.ok) {
            setTo("");
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <div>
        <label htmlFor={selectId} className="label">
          {t("reassignTo")}
        </label>
        <select id={selectId} className="input" value={to} onChange={(e) => setTo(e.target.value)} required>
          <option value="">—</option>
          {people
            .filter((p) => p.userId !== currentId)
            .map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
                {p.away ? ` (${t("away")})` : ""}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary" disabled={pending || !to}>
        {t("reassign")}
      </button>
      <FormError error={error} />
    </form>
  );
}
