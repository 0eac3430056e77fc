"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { endAllSessionsAction, endSessionAction } from "@/server/auth/actions";

export type SessionRow = {
  id: string;
  device: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  method: string;
  current: boolean;
};

/** Settings → Profile: where one is signed in, with a way out for each browser and for all of them. */
export function SessionsCard({ sessions }: { sessions: SessionRow[] }) {
  const t = useTranslations("sessions");
  const { error, pending, run } = useAction();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section className="card max-w-3xl space-y-3" aria-labelledby="sessions-title">
      <div>
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro", { others })}</p>
      </div>
      <ul className="divide-y divide-slate-200" data-testid="sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                {session.device}
                {session.current && (
                  <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">
                    {t("thisBrowser")}
                  </span>
                )}
              </p>
              <p className="text-slate-600">
                {t("details", { ip: session.ip, created: session.createdAt, seen: session.lastSeenAt })}
                {session.method !== "password" && <> · {t(`methods.${session.method.replace("+", "_")}`)}</>}
              </p>
            </div>
            <button
              type="button"
              className="btn-secondary py-1"
              disabled={pending}
              aria-label={t("signOutOne", { device: session.device })}
              onClick={() =>
                run(
                  () => endSessionAction({ sessionId: session.id }),
                  (data) => {
                    if (data.endedCurrent) window.location.assign("/signin");
                  },
                )
              }
            >
              {t("signOut")}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
      <button
        type="button"
        className="btn-danger"
        disabled={pending}
        onClick={() =>
          run(
            () => endAllSessionsAction({}),
            () => window.location.assign("/signin"),
          )
        }
      >
        {t("signOutEverywhere")}
      </button>
    </section>
  );
}
