-- Up Migration
-- API keys (issue #13): an optional expiry, and scopes (`purchases:write`, `customers:read`, …)
-- checked on every route. A key made before this (scopes NULL) keeps every scope it had.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_keys ADD COLUMN scopes TEXT[];
