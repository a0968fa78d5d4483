#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d).
# Creates the app's runtime login as a member of loyaltylaas_runtime (sql/0013d_least_privilege.sql
# grants that role what the app needs; it may switch only to loyaltylaas_app and
# loyaltylaas_platform). The schema owner ($POSTGRES_USER) is kept for migrations.
set -eu
psql -v ON_ERROR_STOP=1 -v runtime_password="$RUNTIME_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loyaltylaas_runtime') THEN
    CREATE ROLE loyaltylaas_runtime NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
CREATE ROLE loyaltylaas_web LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE loyaltylaas_runtime;
ALTER ROLE loyaltylaas_web PASSWORD :'runtime_password';
SQL
