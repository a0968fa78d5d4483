-- Up Migration
-- BALANCE reads the customer's soonest-expiring open lots. A covering partial index answers that
-- from the index alone (no heap page per open lot): customers with long histories stay fast.
CREATE INDEX idx_points_transactions_open_lots_by_expiry
  ON points_transactions (customer_id, expires_at) INCLUDE (points_remaining)
  WHERE points_remaining > 0 AND expired = false AND expires_at IS NOT NULL;
