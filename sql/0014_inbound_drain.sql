-- Up Migration
-- The inbox is the inbound queue (issue #14): workers claim senders that have unhandled messages
-- with FOR UPDATE SKIP LOCKED on their contact rows. The webhook now creates a first-time
-- sender's contact row when it stores the message, so every pending message has a row to claim;
-- messages stored before this migration get theirs here.
INSERT INTO contacts (phone_number, last_inbound_at)
SELECT DISTINCT contact_phone, now() FROM whatsapp_messages
WHERE direction = 'inbound' AND processed_at IS NULL AND contact_phone IS NOT NULL
ON CONFLICT (phone_number) DO NOTHING;

-- A message whose handling failed waits before it is tried again (exponential backoff, counted
-- in `attempts`); its sender is not claimed until then, so a poison message costs the other
-- senders of a batch one rollback per attempt, not a retry storm.
ALTER TABLE whatsapp_messages ADD COLUMN next_attempt_at TIMESTAMPTZ;

-- A claim looks for senders with unhandled messages on the numbers a process serves, oldest
-- first: by number, then age (the inbox index by sender serves the per-sender reads).
CREATE INDEX idx_whatsapp_messages_inbox_by_number
  ON whatsapp_messages (business_phone_number_id, created_at)
  WHERE direction = 'inbound' AND processed_at IS NULL;

-- Flood control counts a sender's messages in the last minute (all of them, handled or not).
CREATE INDEX idx_whatsapp_messages_inbound_by_sender
  ON whatsapp_messages (contact_phone, created_at)
  WHERE direction = 'inbound';

-- A reply being sent names the worker that claimed it: a worker holds a session advisory lock
-- (its lease) for as long as it lives, so a claim whose worker died (kill -9, lost connection)
-- is seen at once, not after the one-minute stale-claim timer.
ALTER TABLE whatsapp_messages ADD COLUMN claimed_by INTEGER;

-- The claim count (0012) told a claim of one sender whether its snapshot was stale; a drain
-- reads a sender's messages in a statement after its claim instead.
ALTER TABLE contacts DROP COLUMN claims;
