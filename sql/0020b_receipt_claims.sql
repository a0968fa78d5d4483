-- Up Migration
-- Receipt claims: a customer sends a photo of a receipt (and the amount); staff approve it into
-- a purchase (source customer_self) or reject it with a reason. The photo lives in object
-- storage (local disk or S3) under `receipt_key`; only its hash and size are kept here. The
-- same photo (same SHA-256) cannot be claimed twice at one vendor.
CREATE TABLE purchase_claims (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  amount_kobo BIGINT NOT NULL CHECK (amount_kobo > 0),
  receipt_key TEXT NOT NULL,
  receipt_sha256 CHAR(64) NOT NULL,
  receipt_mime_type VARCHAR(50) NOT NULL,
  receipt_bytes INTEGER NOT NULL CHECK (receipt_bytes > 0),
  status VARCHAR(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reviewed_by_user_id UUID REFERENCES vendor_users(id) ON DELETE SET NULL,
  reviewed_at TIMESTAMPTZ,
  rejection_reason TEXT,
  purchase_id UUID REFERENCES purchases(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  UNIQUE (tenant_id, receipt_sha256)
);
CREATE INDEX idx_purchase_claims_pending ON purchase_claims (tenant_id, status, created_at);
CREATE INDEX idx_purchase_claims_customer ON purchase_claims (tenant_id, customer_id, created_at);

ALTER TABLE purchase_claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_claims FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON purchase_claims
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON purchase_claims TO loyaltylaas_app, loyaltylaas_platform;

-- Purchases approved from a customer's receipt claim are their own source.
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_source_check;
ALTER TABLE purchases ADD CONSTRAINT purchases_source_check
  CHECK (source IN ('whatsapp', 'manual', 'pos_integration', 'api', 'customer_self'));

-- Down Migration
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_source_check;
ALTER TABLE purchases ADD CONSTRAINT purchases_source_check CHECK (source IN ('whatsapp', 'manual', 'pos_integration', 'api'));
DROP TABLE IF EXISTS purchase_claims;
