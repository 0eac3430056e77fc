import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { db } from "@/server/db";
import { ensureWorkspace } from "@/server/seed/factories";

export const DEMO_PASSWORD = "smarketing-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.test", name: "Alessandra Admin", role: "ADMIN" },
  { email: "manager@demo.test", name: "Marco Manager", role: "MANAGER" },
  { email: "marketer@demo.test", name: "Giulia Marketer", role: "MARKETER" },
  { email: "rep1@demo.test", name: "Luca Rep", role: "SALES" },
  { email: "rep2@demo.test", name: "Sara Rep", role: "SALES" },
];

/**
 * The demo data: workspace "Demo" with one login per role, and a second
 * workspace "Demo Two" where the admin also belongs (to try switching).
 * Idempotent: running it again changes nothing.
 */
export async function seedDemo() {
  const demo = await ensureWorkspace({
    name: "Demo",
    slug: "demo",
    starterGlossary: true,
    members: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  });
  const two = await ensureWorkspace({
    name: "Demo Two",
    slug: "demo-two",
    starterGlossary: true,
    members: [{ ...(DEMO_USERS[0] as (typeof DEMO_USERS)[number]), password: DEMO_PASSWORD }],
  });
  for (const ws of [demo.workspace, two.workspace]) {
    const seeded = await db.auditLog.findFirst({ where: { workspaceId: ws.id, action: "workspace.seeded" } });
    if (!seeded) {
      await writeAudit(
        db,
        { userId: null, workspaceId: ws.id },
        {
          action: "workspace.seeded",
          entityType: "Workspace",
          entityId: ws.id,
          after: { name: ws.name },
        },
      );
    }
  }
  return { demo: demo.workspace, demoTwo: two.workspace };
}
