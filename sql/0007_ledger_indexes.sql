-- Up Migration
-- Issue 4: cheaper purchases. Every ledger row is written into every index of
-- points_transactions, and every purchase updates a balance row and a customer row. An index
-- no query needs costs a write per row, and one at a random place in a large index costs a
-- page read and a page write; it also costs the planner time on every statement. Each block
-- says which queries use what remains (their plans were checked with EXPLAIN).

-- ---------------------------------------------------------------------------
-- 1. points_transactions
-- ---------------------------------------------------------------------------
-- tenant_id alone: tenant_id leads (tenant_id, created_at), which serves every per-tenant scan
-- (daily metrics, analytics, the expiry job's tenant filter).
DROP INDEX IF EXISTS idx_points_transactions_tenant_id;
-- transaction_type alone: five values, and no query selects by type without also selecting a
-- customer, a tenant's time range or a redemption.
DROP INDEX IF EXISTS idx_points_transactions_type;

-- A customer's history: (customer_id) and (tenant_id, customer_id, created_at DESC) become one
-- index in history order. It serves getHistory (ORDER BY created_at DESC, id DESC LIMIT n,
-- without a sort), the birthday-bonus lookup, and the foreign key from customers (a customer
-- deleted by cascade finds their rows by customer_id alone). The tenant's RLS condition is a
-- filter on rows that already belong to one customer, hence to one tenant.
DROP INDEX IF EXISTS idx_points_transactions_customer_id;
DROP INDEX IF EXISTS idx_points_transactions_customer_created;
CREATE INDEX idx_points_transactions_customer_history
  ON points_transactions (customer_id, created_at DESC, id DESC);

-- A customer's open lots: the two partial indexes (by created_at, and by expiry for BALANCE)
-- become one, in the order debits spend lots (expires_at ASC NULLS LAST, created_at). It
-- serves debitPoints and the customer detail (FIFO order, one incremental sort on id) and
-- getBalance's soonest-expiring lots from the index alone: tenant_id (the RLS condition) is a
-- key column and points_remaining is included. (points_remaining > 0 alone was the old
-- predicate; an expired lot has points_remaining = 0, so the two predicates hold the same rows.)
DROP INDEX IF EXISTS idx_points_transactions_open_lots;
DROP INDEX IF EXISTS idx_points_transactions_open_lots_by_expiry;
CREATE INDEX idx_points_transactions_customer_open_lots
  ON points_transactions (tenant_id, customer_id, expires_at, created_at) INCLUDE (points_remaining)
  WHERE points_remaining > 0 AND expired = false;

-- Cancelling a redemption reads its `redeemed` row by reward_redemption_id, which had no
-- index (a scan of the tenant's whole ledger). Only redemption rows carry the id, so the
-- partial index is small and earned rows never enter it.
CREATE INDEX idx_points_transactions_redemption
  ON points_transactions (reward_redemption_id)
  WHERE reward_redemption_id IS NOT NULL;

-- Kept: the primary key; (tenant_id, created_at); (expires_at) WHERE expires_at IS NOT NULL
-- (the expiry job, which also closes spent lots); (expires_at) WHERE points_remaining > 0 AND
-- expired = false (expiry reminders). New rows land on the right-hand edge of the last three.

-- ---------------------------------------------------------------------------
-- 2. customer_points_balance: updated by trigger for every ledger row
-- ---------------------------------------------------------------------------
-- (tenant_id, current_balance DESC): no query can use it (segments and customer lists compare
-- COALESCE(b.current_balance, 0) per customer), and as the only index on a column every ledger
-- row changes it made every balance update a non-HOT update, i.e. a new entry in each of the
-- table's five indexes. Without it the update can stay on its page (HOT) and touch no index.
DROP INDEX IF EXISTS idx_customer_points_balance_current_balance;
-- tenant_id alone: it leads the UNIQUE (tenant_id, customer_id) constraint's index.
DROP INDEX IF EXISTS idx_customer_points_balance_tenant_id;
-- Room on each page for the updated row version, which a HOT update needs (new pages only).
ALTER TABLE customer_points_balance SET (fillfactor = 85);

-- ---------------------------------------------------------------------------
-- 3. customers and purchases: tenant_id alone leads other indexes of each table
-- ---------------------------------------------------------------------------
-- customers: UNIQUE (tenant_id, phone_number), (tenant_id, created_at) and others.
DROP INDEX IF EXISTS idx_customers_tenant_id;
-- purchases: (tenant_id, created_at DESC) and UNIQUE (tenant_id, idempotency_key).
DROP INDEX IF EXISTS idx_purchases_tenant_id;
