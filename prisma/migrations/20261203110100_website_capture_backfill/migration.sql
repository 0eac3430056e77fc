-- Leads that a website form created before WEBSITE existed (created at their first submission) say so.
UPDATE "Lead" l SET "captureMethod" = 'WEBSITE'
WHERE l."captureMethod" = 'FORM'
  AND EXISTS (SELECT 1 FROM "FormSubmission" s WHERE s."leadId" = l.id AND s.at = l."createdAt");
