import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { slugify } from "@/lib/slug";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { installStarterGlossary } from "@/server/glossary/service";

/**
 * Builders shared by the demo seed, the database tests and the Playwright
 * journeys: one way to make a workspace with members.
 */

export type MemberSpec = { email: string; name: string; role: Role; password?: string };

const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  // Many test users share a password; hash it once per process.
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Finds or creates the user (idempotent by email). */
export async function ensureUser(spec: { email: string; name: string; password?: string }) {
  const email = spec.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (existing) return existing;
  return db.user.create({
    data: { email, name: spec.name, passwordHash: await cachedHash(spec.password ?? "correct-horse-battery") },
    select: { id: true, email: true, name: true },
  });
}

/** Finds or creates a workspace by slug and makes sure every member has the given role there. */
export async function ensureWorkspace(spec: {
  name: string;
  slug?: string;
  members: MemberSpec[];
  /** Real workspaces start with the starter glossary; most tests do not need it. */
  starterGlossary?: boolean;
}) {
  const slug = spec.slug ?? slugify(spec.name);
  const workspace = await db.workspace.upsert({
    where: { slug },
    create: { name: spec.name, slug },
    update: {},
    select: { id: true, name: true, slug: true },
  });
  if (spec.starterGlossary) await db.$transaction((tx) => installStarterGlossary(tx, workspace.id));
  const actors: Record<string, Actor> = {};
  for (const member of spec.members) {
    const user = await ensureUser(member);
    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role: member.role },
      update: { role: member.role },
    });
    actors[user.email] = { userId: user.id, workspaceId: workspace.id, role: member.role };
  }
  return { workspace, actors };
}

let counter = 0;
/** A fresh workspace with one member per role, for tests that must not share data. */
export async function freshWorkspace(label = "Test", options: { starterGlossary?: boolean } = {}) {
  const id = `${Date.now().toString(36)}-${process.pid}-${counter++}`;
  const email = (role: string) => `${role.toLowerCase()}-${id}@test.example`;
  const { workspace, actors } = await ensureWorkspace({
    ...options,
    name: `${label} ${id}`,
    slug: `t-${id}`,
    members: (["ADMIN", "MANAGER", "MARKETER", "SALES"] as const).map((role) => ({
      email: email(role),
      name: `${role[0]}${role.slice(1).toLowerCase()} ${id}`,
      role,
    })),
  });
  const byRole = (role: Role) => actors[email(role)] as Actor;
  return {
    workspace,
    admin: byRole("ADMIN"),
    manager: byRole("MANAGER"),
    marketer: byRole("MARKETER"),
    sales: byRole("SALES"),
    emailOf: email,
  };
}

/** Adds one more member with the given role to a workspace (tests with several reps). */
export async function addMember(workspaceId: string, role: Role, label = role.toLowerCase()): Promise<Actor> {
  const id = `${Date.now().toString(36)}-${process.pid}-${counter++}`;
  const user = await ensureUser({ email: `${label}-${id}@test.example`, name: `${label} ${id}` });
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { userId: user.id, workspaceId, role };
}
