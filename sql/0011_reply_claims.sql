-- Up Migration
-- Replies are claimed before they are sent (status `sending`, no transaction open across the
-- Graph API call) instead of being sent inside a transaction that held the recipient's lock.
-- A claimed reply keeps the replies written after it waiting (one person's replies go out in
-- order), and a claim left by a sender that died is taken again after a minute: the recipient's
-- line must see `sending` rows as well as `queued` ones.
DROP INDEX IF EXISTS idx_whatsapp_messages_outbox_by_contact;
CREATE INDEX idx_whatsapp_messages_outbox_by_contact
  ON whatsapp_messages (contact_phone, seq)
  WHERE direction = 'outbound' AND whatsapp_status IN ('queued', 'sending') AND broadcast_id IS NULL;

-- The sweeper's index by age goes: with two partial indexes over the same few rows, the planner
-- took the one by age for a claim's "this person's next reply" lookup and read every unsent reply
-- for each claim (measured: PostgreSQL's CPU per message grew with the backlog). The sweeper,
-- every 15 s, reads the same unsent rows through the index by recipient instead.
DROP INDEX IF EXISTS idx_whatsapp_messages_outbox;
