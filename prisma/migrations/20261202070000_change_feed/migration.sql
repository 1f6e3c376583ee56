-- Change feed for in-memory caches (lib/data/change-feed.ts): a committed change to what an API key
-- lookup reads (the key, its acting user, its organisation's country, the active rule set, the cleared
-- matches in force) notifies every app instance on channel "clearance_changed" (payload: the table),
-- and each instance drops what it cached. NOTIFY is sent at commit, never for a rolled-back change.
-- Statement-level: one notification per statement, also when it touched no row (harmless).
-- Columns nobody caches are left out, so that frequent writes do not empty the caches:
-- "ApiKey"."lastUsedAt" (written once a minute per key), "User"."sessionVersion" and "updatedAt".
CREATE FUNCTION "clearance_notify_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clearance_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER "ApiKey_changed" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "prefix", "hash", "revokedAt", "organizationId", "actingUserId" ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION "clearance_notify_changed"();

CREATE TRIGGER "User_changed" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "email", "name", "role", "active", "organizationId" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "clearance_notify_changed"();

CREATE TRIGGER "Organization_changed" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "country" ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "clearance_notify_changed"();

CREATE TRIGGER "RuleSetVersion_changed" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "status", "label" ON "RuleSetVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "clearance_notify_changed"();

CREATE TRIGGER "ClearedMatch_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClearedMatch"
  FOR EACH STATEMENT EXECUTE FUNCTION "clearance_notify_changed"();
