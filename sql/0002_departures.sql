-- Up Migration
-- Where we depart from the owner's seed (DESIGN.md §8). Each block says why.

-- ---------------------------------------------------------------------------
-- 1. Roles. The application never runs queries as the table owner or a superuser, because
--    both bypass RLS. Tenant work runs as loyaltylaas_app (subject to every policy); the narrow
--    platform-level path (routing by vendor code or phone_number_id, the webhook inbox before
--    a message is routed, platform admin, cross-tenant jobs) runs as loyaltylaas_platform.
--    The connecting user switches with SET LOCAL ROLE inside each transaction (src/db/).
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loyaltylaas_app') THEN
    CREATE ROLE loyaltylaas_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loyaltylaas_platform') THEN
    CREATE ROLE loyaltylaas_platform NOLOGIN NOSUPERUSER BYPASSRLS;
  END IF;
END
$$;
GRANT loyaltylaas_app, loyaltylaas_platform TO CURRENT_USER;

-- The seed's policies call current_setting('app.current_tenant') without missing_ok, which
-- errors when no tenant is set; an empty setting (what a finished SET LOCAL leaves behind)
-- must also mean "no tenant". One function states the rule for every policy.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.current_tenant', true), '')::uuid
$$;

-- ---------------------------------------------------------------------------
-- 2. Ledger. The seed's balance function skips rows flagged expired *and* counts the negative
--    expired rows, so expiry would be subtracted twice, and its trigger re-sums the whole
--    history on every insert. The balance is simply the sum of all ledger rows, kept
--    incrementally by one trigger, and may never go negative (a debit that would make it
--    negative fails the CHECK and rolls back with its transaction).
-- ---------------------------------------------------------------------------
DROP TRIGGER IF EXISTS update_balance_on_points_transaction ON points_transactions;
DROP FUNCTION IF EXISTS update_customer_points_balance();
DROP FUNCTION IF EXISTS calculate_customer_points_balance(uuid);

-- Earned lots (and refunds) carry how much of them is still unspent, so debits consume lots
-- first-in first-out and expiry can expire exactly the unspent rest of each lot.
ALTER TABLE points_transactions ADD COLUMN points_remaining INTEGER CHECK (points_remaining >= 0);
ALTER TABLE points_transactions ADD CONSTRAINT points_transactions_sign CHECK (
  points <> 0 AND CASE transaction_type
    WHEN 'earned' THEN points > 0
    WHEN 'reversed' THEN points > 0
    WHEN 'redeemed' THEN points < 0
    WHEN 'expired' THEN points < 0
    ELSE true
  END
);
ALTER TABLE points_transactions ALTER COLUMN metadata SET NOT NULL;
ALTER TABLE points_transactions ALTER COLUMN expired SET NOT NULL;
ALTER TABLE points_transactions ALTER COLUMN created_at SET NOT NULL;
CREATE INDEX idx_points_transactions_customer_created
  ON points_transactions (tenant_id, customer_id, created_at DESC);
CREATE INDEX idx_points_transactions_open_lots
  ON points_transactions (tenant_id, customer_id, created_at)
  WHERE points_remaining > 0;
CREATE INDEX idx_points_transactions_expiring
  ON points_transactions (expires_at)
  WHERE points_remaining > 0 AND expired = false;

UPDATE customer_points_balance SET current_balance = 0 WHERE current_balance IS NULL;
ALTER TABLE customer_points_balance ALTER COLUMN current_balance SET NOT NULL;
ALTER TABLE customer_points_balance ALTER COLUMN total_points_earned SET NOT NULL;
ALTER TABLE customer_points_balance ALTER COLUMN total_points_redeemed SET NOT NULL;
ALTER TABLE customer_points_balance ALTER COLUMN total_points_expired SET NOT NULL;
ALTER TABLE customer_points_balance
  ADD CONSTRAINT customer_points_balance_not_negative CHECK (current_balance >= 0);

CREATE FUNCTION apply_points_transaction() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Make sure the balance row exists, then move it. (An INSERT … ON CONFLICT DO UPDATE would
  -- check the CHECK constraint against the proposed row, i.e. the bare debit, and fail.)
  INSERT INTO customer_points_balance (tenant_id, customer_id)
  VALUES (NEW.tenant_id, NEW.customer_id)
  ON CONFLICT (tenant_id, customer_id) DO NOTHING;
  UPDATE customer_points_balance SET
    current_balance = current_balance + NEW.points,
    total_points_earned = total_points_earned
      + CASE WHEN NEW.transaction_type = 'earned' THEN NEW.points ELSE 0 END,
    total_points_redeemed = total_points_redeemed
      + CASE WHEN NEW.transaction_type = 'redeemed' THEN -NEW.points ELSE 0 END,
    total_points_expired = total_points_expired
      + CASE WHEN NEW.transaction_type = 'expired' THEN -NEW.points ELSE 0 END,
    last_earned_at = CASE WHEN NEW.transaction_type = 'earned' THEN NEW.created_at ELSE last_earned_at END,
    last_redeemed_at = CASE WHEN NEW.transaction_type = 'redeemed' THEN NEW.created_at ELSE last_redeemed_at END,
    updated_at = NOW()
  WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.customer_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER apply_points_transaction
AFTER INSERT ON points_transactions
FOR EACH ROW EXECUTE FUNCTION apply_points_transaction();

-- The ledger is append-only: nothing may change a row's points or meaning, and no row may be
-- removed. Only the lot bookkeeping (points_remaining, expired) moves, and a trigger enforces it
-- for every role, the owner included.
CREATE FUNCTION guard_points_transactions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A tenant or customer being erased (ON DELETE CASCADE) is the only way rows leave.
    IF pg_trigger_depth() > 1 THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'points_transactions is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.tenant_id, NEW.customer_id, NEW.transaction_type, NEW.points, NEW.purchase_id,
      NEW.reward_redemption_id, NEW.campaign_id, NEW.description, NEW.metadata, NEW.expires_at,
      NEW.created_by_user_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.tenant_id, OLD.customer_id, OLD.transaction_type, OLD.points, OLD.purchase_id,
      OLD.reward_redemption_id, OLD.campaign_id, OLD.description, OLD.metadata, OLD.expires_at,
      OLD.created_by_user_id, OLD.created_at) THEN
    RAISE EXCEPTION 'points_transactions is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER guard_points_transactions
BEFORE UPDATE OR DELETE ON points_transactions
FOR EACH ROW EXECUTE FUNCTION guard_points_transactions();

-- ---------------------------------------------------------------------------
-- 3. Staff PINs. The seed stores PINs in plaintext and indexes them for lookup by PIN alone.
--    Store a slow hash (scrypt, written by the app) and find staff by phone number instead.
-- ---------------------------------------------------------------------------
DROP INDEX IF EXISTS idx_vendor_users_staff_pin;
ALTER TABLE vendor_users DROP COLUMN staff_pin;
ALTER TABLE vendor_users ADD COLUMN staff_pin_hash TEXT;
CREATE UNIQUE INDEX idx_vendor_users_staff_phone
  ON vendor_users (tenant_id, phone_number)
  WHERE phone_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_vendor_users_phone_number ON vendor_users (phone_number) WHERE phone_number IS NOT NULL;

-- ---------------------------------------------------------------------------
-- 4. Customers: birthday and referral rules need a birth date and who referred whom; the
--    24-hour customer-service window needs the time of the customer's last message.
-- ---------------------------------------------------------------------------
ALTER TABLE customers ADD COLUMN birth_date DATE;
ALTER TABLE customers ADD COLUMN referral_code VARCHAR(20);
ALTER TABLE customers ADD COLUMN referred_by_customer_id UUID REFERENCES customers(id) ON DELETE SET NULL;
ALTER TABLE customers ADD COLUMN last_inbound_at TIMESTAMPTZ;
CREATE UNIQUE INDEX idx_customers_referral_code ON customers (tenant_id, referral_code)
  WHERE referral_code IS NOT NULL;

-- ---------------------------------------------------------------------------
-- 5. Purchases from the API (a POS retrying) need an idempotency key: the same key is the same
--    purchase.
-- ---------------------------------------------------------------------------
ALTER TABLE purchases ADD COLUMN idempotency_key VARCHAR(255);
CREATE UNIQUE INDEX idx_purchases_idempotency_key ON purchases (tenant_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- ---------------------------------------------------------------------------
-- 6. whatsapp_messages is the inbox and the outbox. A message is stored before it is routed,
--    and a stranger's message belongs to no vendor, so tenant_id becomes nullable (such rows
--    are platform-level and invisible under tenant RLS) and is set when the message is routed.
-- ---------------------------------------------------------------------------
ALTER TABLE whatsapp_messages ALTER COLUMN tenant_id DROP NOT NULL;
ALTER TABLE whatsapp_messages ADD COLUMN contact_phone VARCHAR(20);
ALTER TABLE whatsapp_messages ADD COLUMN business_phone_number_id VARCHAR(64);
ALTER TABLE whatsapp_messages ADD COLUMN wa_timestamp TIMESTAMPTZ;
ALTER TABLE whatsapp_messages ADD COLUMN payload JSONB;
ALTER TABLE whatsapp_messages ADD COLUMN processed_at TIMESTAMPTZ;
ALTER TABLE whatsapp_messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE whatsapp_messages ADD COLUMN sent_at TIMESTAMPTZ;
ALTER TABLE whatsapp_messages ADD COLUMN failed_at TIMESTAMPTZ;
ALTER TABLE whatsapp_messages ADD COLUMN broadcast_id UUID REFERENCES broadcasts(id) ON DELETE SET NULL;
ALTER TABLE whatsapp_messages ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW();
CREATE INDEX idx_whatsapp_messages_inbox
  ON whatsapp_messages (contact_phone, wa_timestamp, created_at)
  WHERE direction = 'inbound' AND processed_at IS NULL;
CREATE INDEX idx_whatsapp_messages_outbox
  ON whatsapp_messages (created_at)
  WHERE direction = 'outbound' AND whatsapp_status = 'queued';
CREATE UNIQUE INDEX idx_whatsapp_messages_broadcast_recipient
  ON whatsapp_messages (broadcast_id, customer_id)
  WHERE broadcast_id IS NOT NULL;
CREATE TRIGGER update_whatsapp_messages_updated_at BEFORE UPDATE ON whatsapp_messages
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- 7. Contacts: what belongs to a phone number rather than to one vendor (DESIGN.md §3): the
--    active vendor, a staff session and its flow state, and the PIN failure count and lock.
--    Platform-level (no tenant_id); its row lock orders one sender's messages across workers.
-- ---------------------------------------------------------------------------
CREATE TABLE contacts (
  phone_number VARCHAR(20) PRIMARY KEY,
  whatsapp_name VARCHAR(255),
  active_tenant_id UUID REFERENCES tenants(id) ON DELETE SET NULL,
  staff_tenant_id UUID REFERENCES tenants(id) ON DELETE SET NULL,
  staff_user_id UUID REFERENCES vendor_users(id) ON DELETE SET NULL,
  staff_session_expires_at TIMESTAMPTZ,
  staff_state JSONB NOT NULL DEFAULT '{}',
  pin_failures INTEGER NOT NULL DEFAULT 0,
  pin_locked_until TIMESTAMPTZ,
  last_inbound_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE TRIGGER update_contacts_updated_at BEFORE UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- 8. No shipped admin password: remove the seed's default admin where an older database
--    still has it. The first admin comes from env on first start.
-- ---------------------------------------------------------------------------
DELETE FROM platform_admins WHERE email = 'admin@loyaltylaas.com';

-- ---------------------------------------------------------------------------
-- 9. Tenant isolation. The seed enables RLS on five tables and writes policies for two. Every
--    table with a tenant_id gets RLS enabled *and forced* (so the owner is bound too) with one
--    policy covering reads (USING) and writes (WITH CHECK). tenants itself is isolated by id.
--    A later migration that adds a tenant table must add its policy: the isolation test reads
--    the catalog and fails otherwise.
-- ---------------------------------------------------------------------------
DROP POLICY IF EXISTS tenant_isolation_policy ON tenants;
DROP POLICY IF EXISTS tenant_isolation_policy ON customers;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_current_tenant())
  WITH CHECK (id = app_current_tenant());

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb
      ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
      'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- 10. Privileges for the two roles, now and for tables later migrations add. The audit log and
--     the ledger are append-only for the application.
-- ---------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO loyaltylaas_app, loyaltylaas_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO loyaltylaas_app, loyaltylaas_platform;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO loyaltylaas_app, loyaltylaas_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO loyaltylaas_app, loyaltylaas_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO loyaltylaas_app, loyaltylaas_platform;
REVOKE UPDATE, DELETE ON points_transactions FROM loyaltylaas_app, loyaltylaas_platform;
GRANT UPDATE (points_remaining, expired) ON points_transactions TO loyaltylaas_app, loyaltylaas_platform;
REVOKE UPDATE, DELETE ON audit_logs FROM loyaltylaas_app, loyaltylaas_platform;
