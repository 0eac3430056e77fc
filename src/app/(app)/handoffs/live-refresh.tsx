"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { type LiveSummary, useLiveSummary } from "@/components/live-summary";

/** Re-renders the inbox when a handoff arrives or leaves (pushed by server-sent events; no reload, the page keeps its state). */
export function LiveRefresh({ initial }: { initial: LiveSummary }) {
  const router = useRouter();
  const { stamp } = useLiveSummary(initial);
  const seen = useRef(initial.stamp);
  useEffect(() => {
    if (stamp !== seen.current) {
      seen.current = stamp;
      router.refresh();
    }
  }, [stamp, router]);
  return null;
}
