-- Up Migration
-- Every inbound message looks up the tenant that owns the receiving number (a tenant's own
-- WhatsApp number, `whatsapp_config.phone_number_id`). Without an index that is a scan of all
-- tenants per message.
CREATE INDEX idx_tenants_phone_number_id
  ON tenants ((whatsapp_config->>'phone_number_id'))
  WHERE deleted_at IS NULL;

-- Every chat message updates its sender's contacts row (last message time) and customer row
-- (flow snapshot, 24-hour window), and every purchase the customer's totals. An update that
-- changes no indexed column can stay on its page without touching any index (a HOT update),
-- but only when the page has room: leave some on new pages.
ALTER TABLE contacts SET (fillfactor = 80);
ALTER TABLE customers SET (fillfactor = 80);

-- (tenant_id, last_purchase_at DESC): last_purchase_at changes with every purchase, so while it
-- is indexed no purchase's customer update can be HOT: each writes a new entry into every
-- index of customers. Its readers (the last-purchase filters of customer lists and broadcast
-- segments) scan one tenant's customers, which (tenant_id, created_at) and the other
-- tenant-leading indexes already narrow to.
DROP INDEX IF EXISTS idx_customers_last_purchase;
