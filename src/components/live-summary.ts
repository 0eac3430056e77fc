"use client";

import { useEffect, useState } from "react";

/**
 * One live connection per browser tab, shared by every component that shows
 * the member's open handoffs and unread notifications: server-sent events
 * from /api/live/stream (pushed when something changes, on any app server),
 * open while the tab is visible. Browsers without EventSource poll /api/live.
 */

export type LiveSummary = { open: number; unread: number; stamp: string };

const POLL_MS = 10_000;
const listeners = new Set<(summary: LiveSummary) => void>();
let source: EventSource | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let last: LiveSummary | undefined;

function publish(summary: LiveSummary) {
  last = summary;
  for (const listener of listeners) listener(summary);
}

async function poll() {
  try {
    const response = await fetch("/api/live", { cache: "no-store" });
    if (response.ok) publish((await response.json()) as LiveSummary);
  } catch {
    // Offline for a moment: the next poll catches up.
  }
}

function open() {
  if (typeof EventSource === "undefined") {
    timer ??= setInterval(poll, POLL_MS);
    void poll();
    return;
  }
  if (source) return;
  source = new EventSource("/api/live/stream");
  source.onmessage = (event) => publish(JSON.parse(event.data) as LiveSummary);
  // On errors the browser reconnects by itself (the server asks for 3 s); the stream resends the summary.
}

function close() {
  source?.close();
  source = undefined;
  if (timer) clearInterval(timer);
  timer = undefined;
}

function onVisibility() {
  if (document.visibilityState === "visible") open();
  else close();
}

function subscribe(listener: (summary: LiveSummary) => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    document.addEventListener("visibilitychange", onVisibility);
    if (document.visibilityState === "visible") open();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    }
  };
}

/** The latest summary, starting from what the server rendered. */
export function useLiveSummary(initial: LiveSummary): LiveSummary {
  const [summary, setSummary] = useState<LiveSummary>(last ?? initial);
  useEffect(() => subscribe(setSummary), []);
  return summary;
}
