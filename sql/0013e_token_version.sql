-- Up Migration
-- JWT revocation (issue #13): every access token carries its user's token_version, checked on
-- each request. A trigger bumps it whenever the password changes or the user is disabled,
-- re-enabled or deleted, whichever code path does it, so tokens issued before stop at once.
ALTER TABLE vendor_users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE platform_admins ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.token_version := OLD.token_version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER vendor_users_token_version BEFORE UPDATE ON vendor_users FOR EACH ROW
  WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash
        OR OLD.is_active IS DISTINCT FROM NEW.is_active
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION bump_token_version();
CREATE TRIGGER platform_admins_token_version BEFORE UPDATE ON platform_admins FOR EACH ROW
  WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION bump_token_version();
