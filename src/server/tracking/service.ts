import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import { ZOrigin } from "@/server/forms/schema";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import { forgetSite } from "@/server/tracking/collector";
import {
  DEFAULT_CHANNEL_RULES,
  DEFAULT_URL_RULES,
  parseRules,
  ZChannelRule,
  ZChannelRules,
  ZUrlRule,
  ZUrlRules,
} from "@/server/tracking/rules";

export const ZTrackingSettings = z.strictObject({
  requireConsent: z.boolean(),
  allowedOrigins: z.array(ZOrigin).max(20),
  urlRules: ZUrlRules,
  channelRules: ZChannelRules,
});
export type TrackingSettingsInput = z.infer<typeof ZTrackingSettings>;

/** The workspace's tracking set-up, made on first use with the default rules and consent required. */
async function site(workspaceId: string) {
  const found = await db.trackingSite.findUnique({ where: { workspaceId } });
  if (found) return found;
  return db.trackingSite.upsert({
    where: { workspaceId },
    create: {
      workspaceId,
      publicKey: randomBytes(12).toString("base64url"),
      urlRules: DEFAULT_URL_RULES as unknown as Prisma.InputJsonValue,
      channelRules: DEFAULT_CHANNEL_RULES as unknown as Prisma.InputJsonValue,
    },
    update: {},
  });
}

export async function trackingSettings(actor: Actor) {
  requirePermission(actor, "tracking.edit");
  const row = await site(actor.workspaceId);
  const since = new Date(Date.now() - 30 * 86_400_000);
  const [anonymous, identified, viewEvents] = await Promise.all([
    db.pageView.count({ where: { workspaceId: actor.workspaceId, leadId: null, occurredAt: { gte: since } } }),
    db.trackedVisitor.count({ where: { workspaceId: actor.workspaceId } }),
    db.leadEvent.count({
      where: { workspaceId: actor.workspaceId, type: "PAGE_VIEWED", occurredAt: { gte: since } },
    }),
  ]);
  return {
    publicKey: row.publicKey,
    requireConsent: row.requireConsent,
    allowedOrigins: row.allowedOrigins,
    urlRules: parseRules(ZUrlRule, row.urlRules),
    channelRules: parseRules(ZChannelRule, row.channelRules),
    stats: { anonymousViews30d: anonymous, identifiedVisitors: identified, leadPageViews30d: viewEvents },
  };
}

export async function updateTrackingSettings(actor: Actor, raw: TrackingSettingsInput) {
  requirePermission(actor, "tracking.edit");
  const parsed = ZTrackingSettings.safeParse(raw);
  if (!parsed.success)
    throw new AppError("validation", "Invalid tracking settings", { fieldErrors: zodFieldErrors(parsed.error) });
  const input = parsed.data;
  const custom = await db.leadEventType.findMany({ where: { workspaceId: actor.workspaceId }, select: { key: true } });
  const known = new Set<string>([...BUILT_IN_EVENT_TYPES, ...custom.map((type) => type.key)]);
  const unknown = input.urlRules.findIndex((rule) => !known.has(rule.eventType));
  if (unknown >= 0)
    throw new AppError("validation", "Unknown event type", {
      fieldErrors: { [`urlRules.${unknown}.eventType`]: ["unknownEventType"] },
    });
  const before = await site(actor.workspaceId);
  await db.$transaction(async (tx) => {
    await tx.trackingSite.update({
      where: { workspaceId: actor.workspaceId },
      data: {
        requireConsent: input.requireConsent,
        allowedOrigins: [...new Set(input.allowedOrigins)],
        urlRules: input.urlRules as unknown as Prisma.InputJsonValue,
        channelRules: input.channelRules as unknown as Prisma.InputJsonValue,
      },
    });
    await writeAudit(tx, actor, {
      action: "tracking.updated",
      entityType: "TrackingSite",
      entityId: actor.workspaceId,
      before: {
        requireConsent: before.requireConsent,
        allowedOrigins: before.allowedOrigins,
        urlRules: before.urlRules,
        channelRules: before.channelRules,
      },
      after: input,
    });
  });
  forgetSite(before.publicKey);
}
