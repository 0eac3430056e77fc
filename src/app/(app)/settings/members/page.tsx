import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { listMembers, listPendingInvites } from "@/server/members/service";
import { InviteForm, PendingInvites } from "./invites";
import { MemberRow } from "./member-row";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage() {
  const actor = await pageActor("members.read");
  const t = await getTranslations();
  const format = await getFormatter();
  const members = await listMembers(actor);
  const canInvite = can(actor.role, "members.invite");
  // Who has a second factor is for the admins who set the sign-in policy.
  const showTwoFactor = can(actor.role, "members.endSessions");
  const invites = canInvite ? await listPendingInvites(actor) : [];

  return (
    <div className="space-y-6">
      <section className="card overflow-x-auto" aria-labelledby="members-title">
        <h2 id="members-title" className="mb-3 text-lg font-semibold">
          {t("members.title")}
        </h2>
        <ScrollRegion label={t("members.title")}>
          <table className="data-table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">{t("members.joined")}</th>
                {showTwoFactor && <th scope="col">{t("members.twoFactor")}</th>}
                {can(actor.role, "members.remove") && <th scope="col">{t("members.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow
                  key={m.id}
                  member={{
                    id: m.id,
                    name: m.user.name,
                    email: m.user.email,
                    role: m.role,
                    joined: format.dateTime(m.createdAt, { dateStyle: "medium" }),
                    isSelf: m.user.id === actor.userId,
                    twoFactor: showTwoFactor ? m.user.totpEnabledAt !== null : null,
                  }}
                  canChangeRole={can(actor.role, "members.changeRole")}
                  canRemove={can(actor.role, "members.remove")}
                  canEndSessions={can(actor.role, "members.endSessions")}
                  canResetTwoFactor={can(actor.role, "members.resetTwoFactor")}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      {canInvite && (
        <>
          <InviteForm />
          <PendingInvites
            invites={invites.map((i) => ({
              id: i.id,
              email: i.email,
              role: i.role,
              invitedBy: i.invitedBy.name,
              expires: format.dateTime(i.expiresAt, { dateStyle: "medium" }),
            }))}
          />
        </>
      )}
    </div>
  );
}
