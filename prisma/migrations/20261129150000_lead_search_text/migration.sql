-- Free-text search matches a lead's name, e-mail or company. One trigram index over the three, joined by line
-- breaks (a search box cannot hold one, so a term never matches across two fields), replaces one index per field:
-- each new lead paid for three GIN indexes, a quarter of a bare insert's time at 1M leads (20,000 inserts
-- 3.0–3.4 s → 2.2–2.3 s), and a search now reads one index instead of three.
--
-- Filled by a table rewrite rather than an UPDATE (no dead row versions; every index comes out rebuilt): the column
-- starts generated and then becomes a plain one, which the trigger below keeps. (Prisma cannot describe a generated
-- column, and `db push` could not create one.)
ALTER TABLE "Lead" ADD COLUMN "searchText" TEXT NOT NULL GENERATED ALWAYS AS (name || E'\n' || email || E'\n' || company) STORED;
ALTER TABLE "Lead" ALTER COLUMN "searchText" DROP EXPRESSION;
ALTER TABLE "Lead" ALTER COLUMN "searchText" SET DEFAULT '';

CREATE FUNCTION smk_lead_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := NEW.name || E'\n' || NEW.email || E'\n' || NEW.company;
  RETURN NEW;
END $$;

CREATE TRIGGER lead_search_text BEFORE INSERT OR UPDATE OF name, email, company, "searchText" ON "Lead"
  FOR EACH ROW EXECUTE FUNCTION smk_lead_search_text();

DROP INDEX "Lead_email_trgm_idx";
DROP INDEX "Lead_name_trgm_idx";
DROP INDEX "Lead_company_trgm_idx";

CREATE INDEX "Lead_searchText_trgm_idx" ON "Lead" USING GIN ("searchText" gin_trgm_ops);
