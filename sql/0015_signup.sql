-- Up Migration
-- Vendor sign-up in WhatsApp (issue #15) and outbound images (the QR poster).

-- 1. Images the bot sends. The bytes live here between the transaction that writes the outbox
--    row and the send (the row's payload names the media id), so a reply written by a worker
--    that then dies is still sent, with its image, by whichever process picks the row up. An
--    image sent again (the same poster) is stored once per tenant: (tenant_id, sha256) is unique.
CREATE TABLE media (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  purpose VARCHAR(40) NOT NULL,
  mime_type VARCHAR(40) NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg')),
  -- Meta's largest image is 5 MB.
  bytes BYTEA NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
  sha256 CHAR(64) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  UNIQUE (tenant_id, sha256)
);

ALTER TABLE media ENABLE ROW LEVEL SECURITY;
ALTER TABLE media FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON media
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON media TO loyaltylaas_app, loyaltylaas_platform;

-- 2. Meta's id for a medium uploaded from one of our sending numbers (the reply sender's cache,
--    platform-level like the outbox claim it serves). Meta keeps an upload for 30 days; the
--    sender uploads again once a row is older than that.
CREATE TABLE media_uploads (
  media_id UUID NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  phone_number_id VARCHAR(64) NOT NULL,
  graph_media_id VARCHAR(200) NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (media_id, phone_number_id)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON media_uploads TO loyaltylaas_platform;

-- 3. The sign-up conversation's snapshot: the sender has no tenant yet, so it lives on the
--    contact row (platform-level, keyed by phone), like the staff session's state.
ALTER TABLE contacts ADD COLUMN signup_state JSONB;

-- 4. Sign-ups started and finished, for the limits per phone and per day (and for support).
CREATE TABLE signup_attempts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  phone_number VARCHAR(20) NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  completed_at TIMESTAMPTZ,
  -- Named apart from tenant_id: a platform-level row (tenant RLS would hide a sign-up in progress).
  registered_tenant_id UUID REFERENCES tenants(id) ON DELETE SET NULL
);
CREATE INDEX idx_signup_attempts_phone ON signup_attempts (phone_number, started_at DESC);
CREATE INDEX idx_signup_attempts_completed ON signup_attempts (completed_at) WHERE completed_at IS NOT NULL;
GRANT SELECT, INSERT, UPDATE ON signup_attempts TO loyaltylaas_platform;
