/**
 * The one place that reads environment variables. Every variable is documented
 * in `.env.example`. Validated lazily (on first use) so that `next build` does
 * not need a database or secrets.
 */
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  /** Secret that signs session cookies; the same on every app server. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** Public base URL of the app, e.g. https://smarketing.example.com */
  NEXTAUTH_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  /** A session ends after this many minutes without a request from its browser (ASVS V7.3.1). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
  /** A session ends this many hours after sign-in, however active (ASVS V7.3.2). */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(8_760).default(720),
  MAIL_FROM: z.string().default("Smarketing Workspace <no-reply@localhost>"),
  /** Size of the PostgreSQL connection pool of one app process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Requests per API token per minute (beyond: 429 with Retry-After). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(12_000),
  /** Background jobs (SLA sweeps, e-mail outbox, daily summary): "on" in every app server, "off" to disable in one. */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** Seconds between two SLA sweeps (breaches, due-soon warnings, outgoing e-mail). */
  SLA_SWEEP_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  /** Page views one website may send per second to one app server (beyond: dropped; the bench raises it). */
  TRACKING_SITE_VIEWS_PER_SECOND: z.coerce.number().int().min(1).default(300),
  /** Milliseconds between two looks at the webhook outbox (a delivery goes out within about this long). */
  WEBHOOK_DISPATCH_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * For tests only: lets webhooks reach loopback addresses (a receiver started by the test on 127.0.0.1).
   * Private and link-local addresses stay refused whatever this says.
   */
  WEBHOOK_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
});

export type Env = z.infer<typeof ZEnv>;

/**
 * One OpenID Connect identity provider (Google Workspace, Microsoft Entra ID, Okta, Keycloak…). `id` names
 * it in the callback URL to register at the provider: `<NEXTAUTH_URL>/api/auth/callback/<id>`.
 */
const ZOidcProvider = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "id: lower-case letters, digits and dashes"),
  name: z.string().min(1).max(60),
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});
export type OidcProviderConfig = z.infer<typeof ZOidcProvider>;

let providersCached: OidcProviderConfig[] | undefined;

/**
 * OIDC_PROVIDERS: a JSON array of providers (see .env.example). Read on its own, not through env(), because
 * next-auth's options are built when the module loads (also during `next build`, without a database).
 */
export function oidcProviders(): OidcProviderConfig[] {
  if (providersCached) return providersCached;
  const raw = process.env.OIDC_PROVIDERS?.trim();
  if (!raw) {
    providersCached = [];
    return providersCached;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("Invalid environment configuration:\n  OIDC_PROVIDERS: not valid JSON");
  }
  const parsed = z.array(ZOidcProvider).max(10).safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  OIDC_PROVIDERS.${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  const ids = parsed.data.map((p) => p.id);
  if (new Set(ids).size !== ids.length || ids.includes("credentials")) {
    throw new Error(
      "Invalid environment configuration:\n  OIDC_PROVIDERS: every id must be unique (and not 'credentials')",
    );
  }
  providersCached = parsed.data;
  return providersCached;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse({
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Base URL used in links sent to users (invites, notifications). */
export function appUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
