"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import {
  approveRevisionAction,
  commentOnTermAction,
  deprecateTermAction,
  followTermAction,
  withdrawRevisionAction,
} from "@/server/glossary/actions";

export function RevisionButtons({
  revisionId,
  canApprove,
  canWithdraw,
}: {
  revisionId: string;
  canApprove: boolean;
  canWithdraw: boolean;
}) {
  const t = useTranslations("glossary");
  const { error, pending, run } = useAction();
  return (
    <div className="mt-3 space-y-2">
      <div className="flex gap-2">
        {canApprove && (
          <button
            type="button"
            className="btn-primary"
            disabled={pending}
            onClick={() => run(() => approveRevisionAction({ revisionId }))}
          >
            {pending ? t("approving") : t("approve")}
          </button>
        )}
        {canWithdraw && (
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() => run(() => withdrawRevisionAction({ revisionId }))}
          >
            {t("withdraw")}
          </button>
        )}
      </div>
      <FormError error={error} />
    </div>
  );
}

export function FollowButton({ termId, following }: { termId: string; following: boolean }) {
  const t = useTranslations("glossary");
  const { error, pending, run } = useAction();
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        aria-pressed={following}
        title={t("followHint")}
        disabled={pending}
        onClick={() => run(() => followTermAction({ termId, follow: !following }))}
      >
        {following ? t("unfollow") : t("follow")}
      </button>
      <FormError error={error} />
    </div>
  );
}

export function CommentForm({ termId }: { termId: string }) {
  const t = useTranslations("glossary");
  const [body, setBody] = useState("");
  const { error, pending, run } = useAction();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => commentOnTermAction({ termId, body }),
          () => setBody(""),
        );
      }}
    >
      <label htmlFor="comment" className="label">
        {t("addComment")}
      </label>
      <textarea
        id="comment"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        placeholder={t("commentPlaceholder")}
        className="input"
      />
      <FieldError error={error} field="body" />
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("postComment")}
      </button>
    </form>
  );
}

export function DeprecateForm({ termId, options }: { termId: string; options: { id: string; name: string }[] }) {
  const t = useTranslations("glossary");
  const [open, setOpen] = useState(false);
  const [replacement, setReplacement] = useState("");
  const { error, pending, run } = useAction();
  if (!open) {
    return (
      <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
        {t("deprecate")}
      </button>
    );
  }
  return (
    <form
      className="card space-y-3 border-red-200"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => deprecateTermAction({ termId, replacedByTermId: replacement || null }));
      }}
    >
      <p className="font-medium">{t("deprecateTitle")}</p>
      <div>
        <label htmlFor="replacement" className="label">
          {t("replacedBy")}
        </label>
        <select id="replacement" value={replacement} onChange={(e) => setReplacement(e.target.value)} className="input">
          <option value="">{t("noReplacement")}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <FormError error={error} />
      <div className="flex gap-2">
        <button type="submit" className="btn-danger" disabled={pending}>
          {t("confirmDeprecate")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
