-- Up Migration
-- Replies written in one transaction share created_at (now() is the transaction's start), so
-- it cannot order a person's outbox rows. A sequence can: the outbound worker sends a person's
-- queued rows strictly in seq order, so "welcome" never arrives after "menu".
ALTER TABLE whatsapp_messages ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX idx_whatsapp_messages_outbox_by_contact
  ON whatsapp_messages (contact_phone, seq)
  WHERE direction = 'outbound' AND whatsapp_status = 'queued';
