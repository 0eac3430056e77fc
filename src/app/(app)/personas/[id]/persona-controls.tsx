"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { archivePersonaAction, duplicatePersonaAction, personaFeedbackAction } from "@/server/personas/actions";

export function PersonaActions({ personaId, archived }: { personaId: string; archived: boolean }) {
  const t = useTranslations("personas");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await duplicatePersonaAction({ personaId });
              if (result.ok) router.push(`/personas/${result.data.id}/edit`);
              else setError(result.error);
            })
          }
        >
          {t("duplicate")}
        </button>
        <button
          type="button"
          className={archived ? "btn-secondary" : "btn-danger"}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await archivePersonaAction({ personaId, archived: !archived });
              if (result.ok) router.refresh();
              else setError(result.error);
            })
          }
        >
          {archived ? t("restore") : t("archive")}
        </button>
      </div>
      <FormError error={error} />
    </div>
  );
}

export function FeedbackForm({ personaId }: { personaId: string }) {
  const t = useTranslations("personas");
  const router = useRouter();
  const [rating, setRating] = useState(0);
  const [body, setBody] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await personaFeedbackAction({ personaId, rating, body });
          if (result.ok) {
            setBody("");
            setRating(0);
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <fieldset>
        <legend className="label">{t("rating")}</legend>
        <div className="flex flex-wrap items-center gap-3">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {value}
              {value === 1 && <span className="text-slate-500">({t("ratingLabel_1")})</span>}
              {value === 5 && <span className="text-slate-500">({t("ratingLabel_5")})</span>}
            </label>
          ))}
        </div>
        <FieldError error={error} field="rating" />
      </fieldset>
      <div>
        <label htmlFor="feedback-body" className="label">
          {t("feedbackBody")}
        </label>
        <textarea
          id="feedback-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          className="input"
        />
        <FieldError error={error} field="body" />
      </div>
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("sendFeedback")}
      </button>
    </form>
  );
}
