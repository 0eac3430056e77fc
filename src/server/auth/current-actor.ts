import "server-only";
import { redirect } from "next/navigation";
import { auditDenied } from "@/server/audit/denials";
import type { Actor } from "@/server/auth/actor";
import { type Capability, can } from "@/server/auth/permissions";
import { getSession, type SessionContext } from "@/server/auth/session";
import { AppError, forbidden } from "@/server/errors";

/**
 * Who is acting in this request (Next.js side): the signed-in member of the
 * session's active workspace. Services never import this; they take an Actor.
 */

function actorOf(session: SessionContext & { active: NonNullable<SessionContext["active"]> }): Actor {
  return {
    userId: session.user.id,
    workspaceId: session.active.workspaceId,
    role: session.active.role,
    sessionId: session.sessionId,
  };
}

/** Where a member goes while their workspace waits for them to set up a second factor. */
export const TWO_FACTOR_SETUP_PATH = "/two-factor";

/**
 * For server actions and cookie-authenticated routes: the signed-in member of the active workspace, or an
 * `unauthenticated` error; with a capability, a `forbidden` error (audited) when the role lacks it.
 */
export async function currentActor(capability?: Capability, via: "action" | "route" = "action"): Promise<Actor> {
  const session = await getSession();
  if (!session) throw new AppError("unauthenticated", "Please sign in");
  if (!session.active) throw forbidden();
  if (session.twoFactorSetupRequired) throw new AppError("twoFactorSetupRequired", "Set up two-factor sign-in first");
  const actor = actorOf({ ...session, active: session.active });
  if (capability && !can(actor.role, capability)) {
    await auditDenied(actor, { capability, via });
    throw forbidden();
  }
  return actor;
}

/** For pages: like `currentActor`, but sends visitors to sign-in and non-members away. */
export async function pageActor(capability?: Capability): Promise<Actor> {
  const session = await getSession();
  if (!session) redirect("/signin");
  if (!session.active) redirect("/no-workspace");
  if (session.twoFactorSetupRequired) redirect(TWO_FACTOR_SETUP_PATH);
  const actor = actorOf({ ...session, active: session.active });
  // The overview then says why they landed there instead of the page they asked for.
  if (capability && !can(actor.role, capability)) redirect("/?denied=1");
  return actor;
}

/** The signed-in actor, or null for visitors (never throws for a missing session). */
export async function currentActorOrNull(): Promise<Actor | null> {
  const session = await getSession();
  if (!session?.active || session.twoFactorSetupRequired) return null;
  return actorOf({ ...session, active: session.active });
}

/**
 * For cookie-authenticated route handlers (downloads): the actor, or the plain-text 401/403 response to
 * return instead.
 */
export async function routeActor(capability: Capability): Promise<Actor | Response> {
  try {
    return await currentActor(capability, "route");
  } catch (error) {
    const status = error instanceof AppError && error.code === "unauthenticated" ? 401 : 403;
    return new Response(status === 401 ? "Sign in first." : "Not allowed.", { status });
  }
}
