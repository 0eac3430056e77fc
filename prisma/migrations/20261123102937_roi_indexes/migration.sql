-- CreateIndex
CREATE INDEX "Lead_workspaceId_customerAt_idx" ON "Lead"("workspaceId", "customerAt");

-- CreateIndex
CREATE INDEX "LeadEvent_leadId_campaignId_occurredAt_idx" ON "LeadEvent"("leadId", "campaignId", "occurredAt");
