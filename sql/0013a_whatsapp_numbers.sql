-- Up Migration
-- A tenant's own WhatsApp number is assigned by a platform admin only, after the app read the
-- number from the Graph API with the tenant's token (issue #13). Routing still reads
-- tenants.whatsapp_config->>'phone_number_id'; a unique index now backs what was a racy check,
-- and the token lives in a platform-only table the tenant role cannot read.

-- Older databases may hold the same id on two tenants (the racy check let that happen): keep it
-- on the tenant that has had it longest and take it from the others, whose inbound then goes
-- to the shared number's routing until a platform admin assigns them a number.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY whatsapp_config->>'phone_number_id' ORDER BY created_at, id) AS n
  FROM tenants
  WHERE deleted_at IS NULL AND whatsapp_config->>'phone_number_id' IS NOT NULL
)
UPDATE tenants t SET whatsapp_config = t.whatsapp_config - 'phone_number_id'
FROM ranked WHERE ranked.id = t.id AND ranked.n > 1;

CREATE UNIQUE INDEX tenants_whatsapp_phone_number_id_key
  ON tenants ((whatsapp_config->>'phone_number_id'))
  WHERE deleted_at IS NULL AND whatsapp_config->>'phone_number_id' IS NOT NULL;

CREATE TABLE tenant_whatsapp_numbers (
  tenant_id UUID PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  phone_number_id VARCHAR(64) NOT NULL UNIQUE,
  -- The tenant's own Graph API token: proof of ownership, and what sends from that number.
  access_token TEXT NOT NULL,
  display_phone_number VARCHAR(32) NOT NULL,
  verified_name VARCHAR(255),
  verified_at TIMESTAMPTZ NOT NULL,
  assigned_by UUID REFERENCES platform_admins(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Platform-level: no tenant policy; the tenant role has no grant at all (the default privileges
-- of 0002 gave it one), so a tenant can never read another's token, or its own.
REVOKE ALL ON tenant_whatsapp_numbers FROM loyaltylaas_app;
-- Every table with a tenant_id carries the forced tenant policy (0002), this one too.
ALTER TABLE tenant_whatsapp_numbers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_whatsapp_numbers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_whatsapp_numbers
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
