"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";

type Option = { value: string; label: string };

// The form's code loads when someone opens it: the lead page's first load stays within its JavaScript budget.
const loadForm = () => import("./log-activity").then((m) => ({ default: m.LogActivity }));
const LogActivity = lazy(loadForm);

/** "Log an activity": a button that opens the form in place. */
export function LogActivityOpener({ leadId, eventTypes }: { leadId: string; eventTypes: Option[] }) {
  const t = useTranslations("leads.activity");
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button
        type="button"
        className="btn-secondary"
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        onClick={() => setOpen(true)}
      >
        {t("open")}
      </button>
    );
  return (
    <Suspense fallback={<p className="text-sm text-slate-600">{t("loading")}</p>}>
      <LogActivity leadId={leadId} eventTypes={eventTypes} />
    </Suspense>
  );
}
