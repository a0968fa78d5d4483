-- Up Migration
-- Replies are claimed before they are sent (status `sending`, no transaction open across the
-- Graph API call) instead of being sent inside a transaction that held the recipient's lock.
-- A claimed reply keeps the replies written after it waiting (one person's replies go out in
-- order), and a claim left by a sender that died is taken again after a minute: both the
-- recipient's line and the sweeper's scan by age must see `sending` rows as well as `queued` ones.
DROP INDEX IF EXISTS idx_whatsapp_messages_outbox_by_contact;
CREATE INDEX idx_whatsapp_messages_outbox_by_contact
  ON whatsapp_messages (contact_phone, seq)
  WHERE direction = 'outbound' AND whatsapp_status IN ('queued', 'sending') AND broadcast_id IS NULL;

DROP INDEX IF EXISTS idx_whatsapp_messages_outbox;
CREATE INDEX idx_whatsapp_messages_outbox
  ON whatsapp_messages (created_at)
  WHERE direction = 'outbound' AND whatsapp_status IN ('queued', 'sending') AND broadcast_id IS NULL;
