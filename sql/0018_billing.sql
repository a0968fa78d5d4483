-- Up Migration
-- Subscriptions that get paid (issue #16): Paystack payments, renewals, dunning, visible limits.

-- 1. The monthly message allowance (docs/billing.md: service replies are never blocked; a
--    broadcast that would pass the allowance is refused). -1 is unlimited, like the other limits.
UPDATE subscription_plans SET features = features || '{"messages_per_month": 1000}'::jsonb
  WHERE slug = 'trial' AND NOT features ? 'messages_per_month';
UPDATE subscription_plans SET features = features || '{"messages_per_month": 5000}'::jsonb
  WHERE slug = 'starter' AND NOT features ? 'messages_per_month';
UPDATE subscription_plans SET features = features || '{"messages_per_month": 25000}'::jsonb
  WHERE slug = 'growth' AND NOT features ? 'messages_per_month';
UPDATE subscription_plans SET features = features || '{"messages_per_month": -1}'::jsonb
  WHERE slug = 'pro' AND NOT features ? 'messages_per_month';

-- 2. A tenant's billing state beside the seed's tenants columns: when the current paid period
--    began, the reusable card authorization Paystack returned (charged at renewal), a downgrade
--    waiting for the period's end, and whether a suspension was for non-payment (only those are
--    lifted by a payment; an admin's suspension is not).
CREATE TABLE tenant_billing (
  tenant_id UUID PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  current_period_start TIMESTAMPTZ,
  paystack_authorization_code VARCHAR(100),
  paystack_customer_email VARCHAR(255),
  card_last4 VARCHAR(4),
  card_brand VARCHAR(30),
  pending_plan_id UUID REFERENCES subscription_plans(id),
  suspended_for_nonpayment BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- 3. Invoices know what they are for: the plan they buy and why they were issued. A job-issued
--    renewal is unique per tenant and period start, so the job can run any number of times.
--    `paystack_reference` is the transaction reference given to Paystack (unique, kept).
ALTER TABLE tenant_invoices
  ADD COLUMN plan_id UUID REFERENCES subscription_plans(id),
  ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual', 'renewal', 'upgrade')),
  ADD COLUMN paystack_reference VARCHAR(100) UNIQUE;
CREATE UNIQUE INDEX idx_tenant_invoices_renewal_period
  ON tenant_invoices (tenant_id, billing_period_start) WHERE kind = 'renewal';
CREATE INDEX idx_tenant_invoices_unpaid_due ON tenant_invoices (due_date) WHERE status IN ('pending', 'failed');

-- 4. Payments as Paystack reported them. One successful payment per invoice at most, enforced
--    here as well as in code; the reference is unique so a replayed event finds its row.
CREATE TABLE billing_payments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  invoice_id UUID NOT NULL REFERENCES tenant_invoices(id) ON DELETE CASCADE,
  reference VARCHAR(100) NOT NULL UNIQUE,
  amount_kobo BIGINT NOT NULL CHECK (amount_kobo >= 0),
  currency VARCHAR(3) NOT NULL,
  status VARCHAR(20) NOT NULL CHECK (status IN ('success', 'failed')),
  gateway_transaction_id BIGINT,
  channel VARCHAR(30),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE UNIQUE INDEX idx_billing_payments_one_success ON billing_payments (invoice_id) WHERE status = 'success';
CREATE INDEX idx_billing_payments_tenant ON billing_payments (tenant_id, created_at DESC);

-- 5. Notices sent to an owner, once each: trial reminders, payment reminders, limit warnings.
--    `notice_key` names the occasion (e.g. `trial:7:2026-12-31`, `dunning:<invoice>:3`).
CREATE TABLE billing_notices (
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  notice_key VARCHAR(150) NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (tenant_id, notice_key)
);

-- 6. People turned away because the customer limit was reached: one row per phone (hashed with
--    the tenant id: no phone number is kept for someone who is not a customer), counted in the
--    period of their latest attempt.
CREATE TABLE customer_limit_refusals (
  tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  phone_hash CHAR(64) NOT NULL,
  first_refused_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  last_refused_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  attempts BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, phone_hash)
);
CREATE INDEX idx_customer_limit_refusals_recent ON customer_limit_refusals (tenant_id, last_refused_at);

-- Like every tenant table (0002 §9): RLS enabled and forced, one policy for reads and writes.
ALTER TABLE tenant_billing ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_billing FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_billing
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE billing_payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_payments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_payments
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE billing_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_notices
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE customer_limit_refusals ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_limit_refusals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_limit_refusals
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_billing, billing_notices, customer_limit_refusals
  TO loyaltylaas_app, loyaltylaas_platform;
-- Payments are a record: written and read, never changed or removed by the application.
GRANT SELECT, INSERT ON billing_payments TO loyaltylaas_app, loyaltylaas_platform;
REVOKE UPDATE, DELETE ON billing_payments FROM loyaltylaas_app, loyaltylaas_platform;
