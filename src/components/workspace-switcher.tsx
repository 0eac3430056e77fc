"use client";

import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { switchWorkspaceAction } from "@/server/account/actions";

export function WorkspaceSwitcher({
  workspaces,
  activeId,
}: {
  workspaces: { workspaceId: string; workspaceName: string }[];
  activeId: string;
}) {
  const t = useTranslations("nav");
  const id = useId();
  const [pending, startTransition] = useTransition();
  if (workspaces.length < 2) {
    return <span className="text-sm font-medium text-slate-800">{workspaces[0]?.workspaceName}</span>;
  }
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {t("switchWorkspace")}
      </label>
      <select
        id={id}
        data-testid="workspace-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium"
        value={activeId}
        disabled={pending}
        onChange={(event) => {
          const workspaceId = event.target.value;
          startTransition(async () => {
            const result = await switchWorkspaceAction({ workspaceId });
            // Full navigation to the overview: pages of the old workspace must not linger.
            if (result.ok) window.location.assign("/");
          });
        }}
      >
        {workspaces.map((w) => (
          <option key={w.workspaceId} value={w.workspaceId}>
            {w.workspaceName}
          </option>
        ))}
      </select>
    </div>
  );
}
