"use client";

import { useEffect, useState } from "react";

/**
 * One poller per browser tab for /api/live (open handoffs, unread
 * notifications), shared by every component that shows them. Polls while the
 * tab is visible, and at once when it becomes visible again.
 */

export type LiveSummary = { open: number; unread: number; stamp: string };

const POLL_MS = 10_000;
const listeners = new Set<(summary: LiveSummary) => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let last: LiveSummary | undefined;

async function poll() {
  if (document.visibilityState !== "visible") return;
  try {
    const response = await fetch("/api/live", { cache: "no-store" });
    if (!response.ok) return;
    last = (await response.json()) as LiveSummary;
    for (const listener of listeners) listener(last);
  } catch {
    // Offline for a moment: the next poll catches up.
  }
}

function subscribe(listener: (summary: LiveSummary) => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(poll, POLL_MS);
    document.addEventListener("visibilitychange", poll);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener("visibilitychange", poll);
    }
  };
}

/** The latest summary, starting from what the server rendered. */
export function useLiveSummary(initial: LiveSummary): LiveSummary {
  const [summary, setSummary] = useState<LiveSummary>(last ?? initial);
  useEffect(() => subscribe(setSummary), []);
  return summary;
}
