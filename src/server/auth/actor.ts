import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { type Capability, can, isRole } from "@/server/auth/permissions";
import { forbidden } from "@/server/errors";

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
