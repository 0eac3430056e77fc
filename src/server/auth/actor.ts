import "server-only";
import { redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { type Capability, can, isRole } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { AppError, forbidden } from "@/server/errors";

/** Who is acting, in which workspace, with which role — passed to every service. */
export type Actor = {
  userId: string;
  workspaceId: string;
  role: Role;
  sessionId?: string;
  /** Set when acting through the public API. */
  apiTokenId?: string;
};

/** Throws `forbidden` unless the actor's role has the capability. */
export function requirePermission(actor: Pick<Actor, "role">, capability: Capability): void {
  if (!isRole(actor.role) || !can(actor.role, capability)) throw forbidden();
}

/** For server actions: the signed-in member of the active workspace, or an `unauthenticated` error. */
export async function currentActor(capability?: Capability): Promise<Actor> {
  const session = await getSession();
  if (!session) throw new AppError("unauthenticated", "Please sign in");
  if (!session.active) throw forbidden();
  const actor: Actor = {
    userId: session.user.id,
    workspaceId: session.active.workspaceId,
    role: session.active.role,
    sessionId: session.sessionId,
  };
  if (capability) requirePermission(actor, capability);
  return actor;
}

/** For pages: like `currentActor`, but sends visitors to sign-in and non-members away. */
export async function pageActor(capability?: Capability): Promise<Actor> {
  const session = await getSession();
  if (!session) redirect("/signin");
  if (!session.active) redirect("/no-workspace");
  const actor: Actor = {
    userId: session.user.id,
    workspaceId: session.active.workspaceId,
    role: session.active.role,
    sessionId: session.sessionId,
  };
  if (capability && !can(actor.role, capability)) redirect("/");
  return actor;
}

/** The signed-in actor, or null for visitors (never throws for a missing session). */
export async function currentActorOrNull(): Promise<Actor | null> {
  const session = await getSession();
  if (!session?.active) return null;
  return {
    userId: session.user.id,
    workspaceId: session.active.workspaceId,
    role: session.active.role,
    sessionId: session.sessionId,
  };
}
