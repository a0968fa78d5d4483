-- Up Migration
-- Browser sessions of the vendor dashboard and the platform console (issue #17). The cookie
-- carries 32 random bytes; only their SHA-256 is stored (like api_keys: a random secret needs no
-- slow hash, and the hash lets the session be found directly), so a copy of this table opens no
-- session. Signing out sets ended_at: the cookie stops working at once, unlike a JWT.
-- A vendor session names its tenant and user; a platform session its admin and no tenant.
CREATE TABLE web_sessions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  session_hash CHAR(64) NOT NULL UNIQUE,
  kind VARCHAR(10) NOT NULL CHECK (kind IN ('vendor', 'platform')),
  tenant_id UUID REFERENCES tenants(id) ON DELETE CASCADE,
  vendor_user_id UUID REFERENCES vendor_users(id) ON DELETE CASCADE,
  platform_admin_id UUID REFERENCES platform_admins(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  expires_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ,
  CHECK (
    (kind = 'vendor' AND tenant_id IS NOT NULL AND vendor_user_id IS NOT NULL AND platform_admin_id IS NULL)
    OR (kind = 'platform' AND tenant_id IS NULL AND vendor_user_id IS NULL AND platform_admin_id IS NOT NULL)
  )
);
CREATE INDEX idx_web_sessions_tenant ON web_sessions (tenant_id) WHERE tenant_id IS NOT NULL;
CREATE INDEX idx_web_sessions_expires ON web_sessions (expires_at);

-- A session is found by its cookie before the tenant is known, so reads go through the platform
-- path; under a tenant the usual forced policy applies (platform sessions have no tenant and are
-- invisible there).
ALTER TABLE web_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE web_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON web_sessions
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON web_sessions TO loyaltylaas_app, loyaltylaas_platform;

