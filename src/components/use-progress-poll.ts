"use client";

import { useEffect, useRef } from "react";
import type { ActionResult } from "@/server/action";

const POLL_MS = 1_000;

/**
 * Asks a server action for a background job's progress about once a second while `id` is set, handing each answer
 * to `onProgress` until it says the job is over (returns false). A failed request (the network, a new deployment)
 * is asked again, more slowly; polling stops when the component goes.
 */
export function useProgressPoll<T>(
  id: string | null,
  fetchProgress: (input: { id: string }) => Promise<ActionResult<T>>,
  onProgress: (data: T) => boolean,
) {
  // The latest callbacks, without restarting the polling when the caller re-renders.
  const latest = useRef({ fetchProgress, onProgress });
  latest.current = { fetchProgress, onProgress };
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      try {
        const result = await latest.current.fetchProgress({ id });
        if (stopped) return;
        if (result.ok) {
          failures = 0;
          if (!latest.current.onProgress(result.data)) return;
        } else failures++;
      } catch {
        failures++;
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS * Math.min(10, 2 ** failures));
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id]);
}
