-- Up Migration
-- Money and points in bigint (issue #13). The seed made every kobo and points column int4,
-- whose ceiling (2,147,483,647) is ₦21,474,836.47: a ₦50,000,000 purchase failed to log, and a
-- customer's lifetime spend stopped counting past ₦21.5 M. No view depends on these columns;
-- the ledger's two trigger functions (apply_points_transaction, guard_points_transactions) name
-- them without a type and keep working; CHECK constraints and indexes are rebuilt with them.
-- The app reads int8 as a checked safe integer (src/db/pool.ts): never a silently rounded number.
ALTER TABLE purchases
  ALTER COLUMN amount_ngn TYPE BIGINT,
  ALTER COLUMN points_awarded TYPE BIGINT;
ALTER TABLE customers
  ALTER COLUMN total_spent_ngn TYPE BIGINT;
ALTER TABLE customer_points_balance
  ALTER COLUMN current_balance TYPE BIGINT,
  ALTER COLUMN total_points_earned TYPE BIGINT,
  ALTER COLUMN total_points_redeemed TYPE BIGINT,
  ALTER COLUMN total_points_expired TYPE BIGINT;
ALTER TABLE points_transactions
  ALTER COLUMN points TYPE BIGINT,
  ALTER COLUMN points_remaining TYPE BIGINT;
ALTER TABLE reward_redemptions
  ALTER COLUMN points_deducted TYPE BIGINT;
ALTER TABLE rewards
  ALTER COLUMN points_required TYPE BIGINT,
  ALTER COLUMN monetary_value_ngn TYPE BIGINT;
ALTER TABLE daily_metrics
  ALTER COLUMN total_revenue_ngn TYPE BIGINT,
  ALTER COLUMN average_order_value_ngn TYPE BIGINT,
  ALTER COLUMN points_earned TYPE BIGINT,
  ALTER COLUMN points_redeemed TYPE BIGINT,
  ALTER COLUMN points_expired TYPE BIGINT;
ALTER TABLE tenant_invoices
  ALTER COLUMN amount_ngn TYPE BIGINT,
  ALTER COLUMN tax_amount_ngn TYPE BIGINT,
  ALTER COLUMN total_amount_ngn TYPE BIGINT;
ALTER TABLE subscription_plans
  ALTER COLUMN price_ngn TYPE BIGINT;
