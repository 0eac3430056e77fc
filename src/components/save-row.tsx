/**
 * A form's save button with its quiet confirmation: "Saving…" while the server works, then "Saved." read out
 * once by screen readers (a polite live region that is always in the page, so the announcement is not lost).
 */
export function SaveRow({
  pending,
  saved,
  labels,
}: {
  pending: boolean;
  saved: boolean;
  labels: { save: string; saving: string; saved: string };
}) {
  return (
    <div className="flex items-center gap-3">
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? labels.saving : labels.save}
      </button>
      <p aria-live="polite" className="text-sm text-green-800">
        {saved ? labels.saved : ""}
      </p>
    </div>
  );
}
