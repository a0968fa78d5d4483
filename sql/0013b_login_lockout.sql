-- Up Migration
-- Per-account login lockout (issue #13): failed logins counted per account (vendor code and
-- email, or platform email), in PostgreSQL so every web process shares them. Platform-level:
-- the login runs before anyone is known. Keyed by what was typed, so an unknown email locks
-- the same way as a real one and the lock never says which emails exist.
CREATE TABLE login_failures (
  account_key VARCHAR(320) PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ,
  last_failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
REVOKE ALL ON login_failures FROM loyaltylaas_app;
