-- The value mapping chosen in the import's check step (channel and country cells nothing else recognises).
ALTER TABLE "LeadImport" ADD COLUMN "valueMapping" JSONB NOT NULL DEFAULT '{}';
