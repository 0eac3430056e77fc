import "server-only";
import pg from "pg";
import { env } from "@/env";
import { logger } from "@/server/logger";

/**
 * This app server's one LISTEN connection to PostgreSQL (channel smk_live,
 * see the live_notify migration): database triggers signal a user id when a
 * handoff or notification of theirs changes, from any app server. Open
 * event streams subscribe here by user id.
 *
 * When the connection drops (PostgreSQL restarts, a network cut) it is
 * re-opened with backoff, and every subscriber is told to re-read, since
 * signals sent meanwhile were lost.
 */
type Listener = () => void;

type Bus = {
  listeners: Map<string, Set<Listener>>;
  client: pg.Client | null;
  connecting: boolean;
  retryMs: number;
};

const globalForBus = globalThis as unknown as { smarketingLiveBus?: Bus };
globalForBus.smarketingLiveBus ??= { listeners: new Map(), client: null, connecting: false, retryMs: 500 };
const bus: Bus = globalForBus.smarketingLiveBus;

export const LIVE_CHANNEL = "smk_live";

function deliver(userId: string) {
  for (const listener of bus.listeners.get(userId) ?? []) listener();
}

function deliverAll() {
  for (const userId of bus.listeners.keys()) deliver(userId);
}

async function connect() {
  if (bus.client || bus.connecting) return;
  bus.connecting = true;
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  const reconnect = () => {
    if (bus.client !== client) return;
    bus.client = null;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    logger.warn("live.disconnected", { retryInMs: bus.retryMs });
    setTimeout(() => void connect(), bus.retryMs).unref();
    bus.retryMs = Math.min(bus.retryMs * 2, 10_000);
  };
  client.on("notification", (message) => {
    if (message.channel === LIVE_CHANNEL && message.payload) deliver(message.payload);
  });
  client.on("error", reconnect);
  client.on("end", reconnect);
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    bus.client = client;
    bus.retryMs = 500;
    logger.info("live.listening");
    // Anything may have changed while nobody listened.
    deliverAll();
  } catch (error) {
    logger.warn("live.connect_failed", { error: (error as Error).message, retryInMs: bus.retryMs });
    client.end().catch(() => undefined);
    setTimeout(() => void connect(), bus.retryMs).unref();
    bus.retryMs = Math.min(bus.retryMs * 2, 10_000);
  } finally {
    bus.connecting = false;
  }
}

/** Calls `listener` whenever something of `userId`'s live summary may have changed; returns the unsubscribe. */
export function subscribeLive(userId: string, listener: Listener): () => void {
  void connect();
  let set = bus.listeners.get(userId);
  if (!set) {
    set = new Set();
    bus.listeners.set(userId, set);
  }
  set.add(listener);
  return () => {
    const current = bus.listeners.get(userId);
    current?.delete(listener);
    if (current?.size === 0) bus.listeners.delete(userId);
  };
}

/** True while this server's LISTEN connection is up (reported by /api/health). */
export function liveConnected(): boolean {
  return bus.client !== null;
}
