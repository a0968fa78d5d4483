-- Up Migration
-- Campaign stats are recounted from the ledger rows that name their campaign (hourly job):
-- a partial index keeps that to the campaign's own rows, and costs nothing for the many
-- ledger rows that no campaign awarded.
CREATE INDEX IF NOT EXISTS idx_points_transactions_campaign ON points_transactions (campaign_id) WHERE campaign_id IS NOT NULL;

-- Down Migration
DROP INDEX IF EXISTS idx_points_transactions_campaign;
