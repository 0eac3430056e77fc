"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/server/action";

/** Runs a server action: pending while it runs, its error kept for the form, the page refreshed on success. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const run = <T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => void) => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        onDone?.(result.data);
        router.refresh();
      } else setError(result.error);
    });
  };
  return { error, pending, run };
}
