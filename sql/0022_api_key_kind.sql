-- Up Migration
-- API keys get a kind (issue #19): `pos` for a shop's till system, `api` for any other machine
-- client. A purchase logged with the key records the matching source (`pos_integration` or `api`).
-- Keys made before this are `api`, as their purchases always were.
ALTER TABLE api_keys ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'pos'));
