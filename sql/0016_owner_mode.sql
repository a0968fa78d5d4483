-- Up Migration
-- Owner mode in WhatsApp (issue #15, second half): purchase voids, owner sessions on the contact
-- row, and one-time dashboard sign-in links.

-- ---------------------------------------------------------------------------
-- 1. Voids. A purchase logged by mistake is voided, never deleted: the row stays (the ledger
--    rows that name it stay too) and says when, by whom, why, and how many of its points were
--    taken back. The customer may have spent some already and a balance never goes negative, so
--    what could not be taken back is recorded as the shortfall. Points are bigint (new columns).
-- ---------------------------------------------------------------------------
ALTER TABLE purchases ADD COLUMN voided_at TIMESTAMPTZ;
ALTER TABLE purchases ADD COLUMN voided_by_user_id UUID REFERENCES vendor_users(id) ON DELETE SET NULL;
ALTER TABLE purchases ADD COLUMN void_reason TEXT;
ALTER TABLE purchases ADD COLUMN points_reversed BIGINT;
ALTER TABLE purchases ADD COLUMN points_shortfall BIGINT;
ALTER TABLE purchases ADD CONSTRAINT purchases_void_complete CHECK (
  (voided_at IS NULL AND void_reason IS NULL AND points_reversed IS NULL AND points_shortfall IS NULL)
  OR (voided_at IS NOT NULL AND void_reason IS NOT NULL AND points_reversed >= 0 AND points_shortfall >= 0)
);
-- The purchase list filters by who logged it (the dashboard's staff filter, a staff member's UNDO).
CREATE INDEX idx_purchases_logged_by ON purchases (tenant_id, logged_by_user_id, created_at DESC)
  WHERE logged_by_user_id IS NOT NULL;

-- ---------------------------------------------------------------------------
-- 2. Owner sessions (DESIGN.md §3): held on the platform-level contact row like a staff session,
--    with their own flow state, so one phone can be a customer, staff and an owner. The PIN
--    failure count and lock stay the contact's (pin_failures, pin_locked_until): an owner's PIN
--    is the same hash STAFF checks, so both doors share one count.
-- ---------------------------------------------------------------------------
ALTER TABLE contacts ADD COLUMN owner_tenant_id UUID REFERENCES tenants(id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN owner_user_id UUID REFERENCES vendor_users(id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN owner_session_expires_at TIMESTAMPTZ;
ALTER TABLE contacts ADD COLUMN owner_state JSONB NOT NULL DEFAULT '{}';

-- A staff member the owner adds in the chat (ADD STAFF) has no PIN yet: until this time they
-- may choose their own at their first STAFF (typed twice). A PIN set or removed by a manager
-- clears it, so removing a PIN still shuts the staff chat.
ALTER TABLE vendor_users ADD COLUMN pin_setup_until TIMESTAMPTZ;

-- ---------------------------------------------------------------------------
-- 3. One-time sign-in links sent by the owner chat's LOGIN. Only a SHA-256 of the token is kept
--    (32 random bytes: a fast hash is enough, and it is looked up directly); a link is good for
--    10 minutes and once (`used_at` is set by the statement that accepts it).
-- ---------------------------------------------------------------------------
CREATE TABLE login_links (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  vendor_user_id UUID NOT NULL REFERENCES vendor_users(id) ON DELETE CASCADE,
  token_hash CHAR(64) NOT NULL UNIQUE,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_login_links_tenant ON login_links (tenant_id, created_at DESC);

-- Like every tenant table (0002 §9): RLS enabled and forced, one policy for reads and writes.
-- Accepting a link runs on the platform path (the token is all the caller has).
ALTER TABLE login_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON login_links
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON login_links TO loyaltylaas_app, loyaltylaas_platform;
