-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'LEGITIMATE_INTEREST', 'CONTRACT');

-- CreateEnum
CREATE TYPE "CaptureMethod" AS ENUM ('FORM', 'IMPORT', 'API');

-- AlterTable
ALTER TABLE "LeadImport" ADD COLUMN     "consentSource" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "legalBasis" "LegalBasis";

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "captureMethod" "CaptureMethod",
ADD COLUMN     "consentAt" TIMESTAMP(3),
ADD COLUMN     "consentSource" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "legalBasis" "LegalBasis";

-- GDPR erasure: the audit log stays append-only, except that the erasure of a
-- lead (which sets smk.erasure for its own transaction) may remove personal
-- data from the before/after of existing entries. Nothing else may change.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('smk.erasure', true) = 'on'
     AND NEW.id = OLD.id
     AND NEW."workspaceId" IS NOT DISTINCT FROM OLD."workspaceId"
     AND NEW."actorUserId" IS NOT DISTINCT FROM OLD."actorUserId"
     AND NEW."apiTokenId" IS NOT DISTINCT FROM OLD."apiTokenId"
     AND NEW.action = OLD.action
     AND NEW."entityType" = OLD."entityType"
     AND NEW."entityId" IS NOT DISTINCT FROM OLD."entityId"
     AND NEW."createdAt" = OLD."createdAt"
     -- Only keys may go: the redacted JSON is contained in the original.
     AND (NEW.before IS NULL OR OLD.before @> NEW.before)
     AND (NEW.after IS NULL OR OLD.after @> NEW.after) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
