-- Up Migration
-- Least privilege in the database (issue #13).
--
-- 1. loyaltylaas_runtime: what the running app's login role is granted, and nothing more. It
--    is NOINHERIT: a session of it holds no table rights of its own until the app switches to
--    loyaltylaas_app (tenant work, bound by RLS) or loyaltylaas_platform (the narrow platform
--    path) — the only roles it may switch to. It owns nothing, so it cannot alter a table,
--    turn RLS off or grant anything; it is no superuser and creates nothing. Operators make a
--    login role of their own a member (docs/security.md):
--      CREATE ROLE loyaltylaas_web LOGIN PASSWORD '…' IN ROLE loyaltylaas_runtime;
--    Migrations keep running as the schema owner (MIGRATION_DATABASE_URL).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loyaltylaas_runtime') THEN
    CREATE ROLE loyaltylaas_runtime NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
GRANT loyaltylaas_app, loyaltylaas_platform TO loyaltylaas_runtime;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- 2. What a tenant may never read, even its own rows: platform operators' accounts, the
--    migration ledger, login counters and WhatsApp tokens (0013, 0013b already).
REVOKE ALL ON platform_admins FROM loyaltylaas_app;
REVOKE ALL ON pgmigrations FROM loyaltylaas_app;

-- 3. contacts is platform-level (keyed by phone), but the staff chat's PIN check runs as the
--    tenant: under the tenant role a contact is visible only while it is this tenant's staff
--    session or this tenant is its active vendor, so one tenant never reads another's contacts.
--    The platform role bypasses RLS and keeps the whole table.
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_contacts ON contacts
  USING (staff_tenant_id = app_current_tenant() OR active_tenant_id = app_current_tenant())
  WITH CHECK (true);
