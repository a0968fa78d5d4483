-- Up Migration
-- Background jobs and broadcasts (issue 6, DESIGN.md §4 and §6).

-- ---------------------------------------------------------------------------
-- 1. Expiry reminders: a lot is reminded about once. The ledger is append-only (only
--    points_remaining and expired may change), so the record lives in its own table; the
--    unique key makes a rerun or a second worker add nothing.
-- ---------------------------------------------------------------------------
CREATE TABLE points_expiry_reminders (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  lot_id UUID NOT NULL REFERENCES points_transactions(id) ON DELETE CASCADE,
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  outbox_message_id UUID REFERENCES whatsapp_messages(id) ON DELETE SET NULL,
  sent_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  UNIQUE (tenant_id, lot_id)
);
CREATE INDEX idx_points_expiry_reminders_customer ON points_expiry_reminders (tenant_id, customer_id);

ALTER TABLE points_expiry_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_expiry_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_expiry_reminders
  USING (tenant_id = app_current_tenant())
  WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON points_expiry_reminders TO loyaltylaas_app, loyaltylaas_platform;

-- ---------------------------------------------------------------------------
-- 2. Broadcasts can be cancelled (the seed has no such status). Finding due scheduled
--    broadcasts and counting a tenant's broadcasts this month need indexes.
-- ---------------------------------------------------------------------------
ALTER TABLE broadcasts DROP CONSTRAINT IF EXISTS broadcasts_status_check;
ALTER TABLE broadcasts ADD CONSTRAINT broadcasts_status_check
  CHECK (status IN ('draft', 'scheduled', 'sending', 'completed', 'failed', 'cancelled'));
ALTER TABLE broadcasts ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE broadcasts ADD COLUMN failure_reason TEXT;
CREATE INDEX idx_broadcasts_due ON broadcasts (scheduled_at) WHERE status = 'scheduled';
CREATE INDEX idx_broadcasts_started ON broadcasts (tenant_id, started_at) WHERE started_at IS NOT NULL;
CREATE TRIGGER update_broadcasts_updated_at BEFORE UPDATE ON broadcasts
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- 3. background_jobs is platform-level (no tenant_id: a run may span tenants; a tenant's id
--    goes in payload). A BullMQ job id names one run, so its retries update one row.
-- ---------------------------------------------------------------------------
ALTER TABLE background_jobs ADD COLUMN queue_job_id TEXT;
CREATE UNIQUE INDEX idx_background_jobs_queue_job_id ON background_jobs (job_type, queue_job_id)
  WHERE queue_job_id IS NOT NULL;
CREATE INDEX idx_background_jobs_created_at ON background_jobs (job_type, created_at DESC);

-- ---------------------------------------------------------------------------
-- 4. Metrics and reminders scan by time.
-- ---------------------------------------------------------------------------
CREATE INDEX idx_whatsapp_messages_tenant_created ON whatsapp_messages (tenant_id, created_at)
  WHERE tenant_id IS NOT NULL;
CREATE INDEX idx_points_transactions_tenant_created ON points_transactions (tenant_id, created_at);
CREATE INDEX idx_reward_redemptions_tenant_created ON reward_redemptions (tenant_id, created_at);
CREATE INDEX idx_customers_tenant_created ON customers (tenant_id, created_at);

-- ---------------------------------------------------------------------------
-- 5. A broadcast writes one outbox row per recipient (100,000 in one statement), and every
--    index is written for every row. Three of the seed's whatsapp_messages indexes earn
--    nothing: direction has two values, tenant_id alone is covered by (tenant_id, created_at)
--    above, and whatsapp_message_id already has the index of its UNIQUE constraint.
-- ---------------------------------------------------------------------------
DROP INDEX IF EXISTS idx_whatsapp_messages_direction;
DROP INDEX IF EXISTS idx_whatsapp_messages_tenant_id;
DROP INDEX IF EXISTS idx_whatsapp_messages_whatsapp_id;
