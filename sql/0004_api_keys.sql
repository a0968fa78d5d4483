-- Up Migration
-- Per-tenant API keys for machine clients (a vendor's POS or shop system, DESIGN.md §7). Only a
-- SHA-256 of the key is stored: keys are 32 random bytes, so a fast hash is enough (no salt or
-- slow hash needed, unlike a person's password), and it lets the key be looked up directly.
-- `prefix` is the key's first characters, shown in lists so a vendor can tell keys apart.
CREATE TABLE api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name VARCHAR(100) NOT NULL,
  key_hash CHAR(64) NOT NULL UNIQUE,
  prefix VARCHAR(16) NOT NULL,
  created_by_user_id UUID REFERENCES vendor_users(id) ON DELETE SET NULL,
  last_used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  revoked_at TIMESTAMPTZ
);
CREATE INDEX idx_api_keys_tenant ON api_keys (tenant_id, created_at DESC);

-- Like every tenant table (0002 §9): RLS enabled and forced, one policy for reads and writes.
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO loyaltylaas_app, loyaltylaas_platform;
