-- Up Migration
-- Every inbound message looks up the tenant that owns the receiving number (a tenant's own
-- WhatsApp number, `whatsapp_config.phone_number_id`). Without an index that is a scan of all
-- tenants per message.
CREATE INDEX idx_tenants_phone_number_id
  ON tenants ((whatsapp_config->>'phone_number_id'))
  WHERE deleted_at IS NULL;
