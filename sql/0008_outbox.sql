-- Up Migration
-- Broadcast messages are sent by a broadcast sender job that claims them in batches (issue 6),
-- not one outbound job per row: they get an index of their own, in send order, and leave the
-- two indexes of the reply path (by recipient, and the sweeper's by age), which a 100,000-row
-- broadcast would otherwise fill with rows those paths never send.
CREATE INDEX idx_whatsapp_messages_broadcast_queue
  ON whatsapp_messages (broadcast_id, seq)
  WHERE broadcast_id IS NOT NULL AND whatsapp_status IN ('queued', 'sending');

DROP INDEX IF EXISTS idx_whatsapp_messages_outbox_by_contact;
CREATE INDEX idx_whatsapp_messages_outbox_by_contact
  ON whatsapp_messages (contact_phone, seq)
  WHERE direction = 'outbound' AND whatsapp_status = 'queued' AND broadcast_id IS NULL;

DROP INDEX IF EXISTS idx_whatsapp_messages_outbox;
CREATE INDEX idx_whatsapp_messages_outbox
  ON whatsapp_messages (created_at)
  WHERE direction = 'outbound' AND whatsapp_status = 'queued' AND broadcast_id IS NULL;
