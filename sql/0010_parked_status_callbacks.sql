-- Up Migration
-- A status callback can arrive before the sender has recorded the message's wamid (the broadcast
-- sender records outcomes every 0.1 s; a reply's wamid is committed just after Meta answers).
-- Such a callback matches no row yet. It is parked here and applied by the sweeper once the
-- wamid is recorded, so delivered/read counters do not lose it; one never matched (a message of
-- another app on the same account) is dropped after a day. Platform path only: it has no tenant.
CREATE TABLE parked_status_callbacks (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  whatsapp_message_id VARCHAR(255) NOT NULL,
  status VARCHAR(20) NOT NULL,
  status_at TIMESTAMPTZ NOT NULL,
  error_code VARCHAR(50),
  error_message TEXT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_parked_status_callbacks_wamid ON parked_status_callbacks (whatsapp_message_id);
CREATE INDEX idx_parked_status_callbacks_received ON parked_status_callbacks (received_at);
-- Default privileges gave the tenant role access as to every table; it has no business here.
REVOKE ALL ON parked_status_callbacks FROM loyaltylaas_app;
