import { apiRoute, json } from "@/server/api/route";
import { listMembers } from "@/server/members/service";

export const GET = apiRoute("members.read", async ({ actor }) => {
  const members = await listMembers(actor);
  return json({
    data: members.map((m) => ({ id: m.id, role: m.role, createdAt: m.createdAt, user: m.user })),
  });
});
