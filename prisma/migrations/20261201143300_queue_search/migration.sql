-- The queue's Search box (issue 14): one lower-case text per application, trigram-indexed.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Hand-written: the search text is derived data, kept by the database so that every writer (web
-- form, JSON API, re-screens, restores) keeps it right without remembering to. It holds the
-- reference, every "name" and "eccn" anywhere in the application as entered (product or line items,
-- end user, consignees, other parties) and the organisation's name.
CREATE FUNCTION "application_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lower(concat_ws(' ',
    NEW."reference", NEW."productName", NEW."eccn", NEW."endUserName",
    (SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(NEW."data", 'lax $.**.name') AS v WHERE jsonb_typeof(v) = 'string'),
    (SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(NEW."data", 'lax $.**.eccn') AS v WHERE jsonb_typeof(v) = 'string'),
    (SELECT o."name" FROM "Organization" o WHERE o."id" = NEW."organizationId")));
  RETURN NEW;
END;
$$;
CREATE TRIGGER "application_search_text" BEFORE INSERT OR UPDATE OF "reference", "productName", "eccn", "endUserName", "data", "organizationId"
  ON "Application" FOR EACH ROW EXECUTE FUNCTION "application_search_text"();

-- A renamed organisation is found under its new name.
CREATE FUNCTION "organization_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Application" SET "organizationId" = NEW."id" WHERE "organizationId" = NEW."id";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "organization_search_text" AFTER UPDATE OF "name" ON "Organization"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "organization_search_text"();

-- Existing rows.
UPDATE "Application" SET "data" = "data";

-- CreateIndex
CREATE INDEX "Application_searchText_idx" ON "Application" USING GIN ("searchText" gin_trgm_ops);
