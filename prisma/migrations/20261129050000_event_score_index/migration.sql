-- Bulk re-scoring sums each lead's events by type and age: with the type in the (lead, time) index it reads
-- the index alone (an index-only scan), not one table page per event (10M events: 166 → 55 ms per 2,000 leads).
-- The timeline keeps its order: (leadId, occurredAt) is still the prefix.
DROP INDEX "LeadEvent_leadId_occurredAt_idx";

CREATE INDEX "LeadEvent_leadId_occurredAt_type_idx" ON "LeadEvent"("leadId", "occurredAt", "type");
