-- Fewer indexes on the capture path: a delivery is written once per (endpoint, event), so no unique index guards it; events are found by lead (erasure) and by age (retention).
-- DropIndex
DROP INDEX "WebhookEvent_workspaceId_createdAt_idx";

-- DropIndex
DROP INDEX "WebhookDelivery_endpointId_eventId_key";

-- CreateIndex
CREATE INDEX "WebhookEvent_leadId_idx" ON "WebhookEvent"("leadId");

-- CreateIndex
CREATE INDEX "WebhookEvent_createdAt_idx" ON "WebhookEvent"("createdAt");


