import { z } from "zod";
import type { InboundMessage } from "../whatsapp/webhookPayload.ts";
import { outMessageText } from "../whatsapp/outMessage.ts";
import { sql, type Db, type Tx } from "./sql.ts";
import type { OutboxMessage } from "./whatsappMessages.ts";
import { INBOUND_CHANNEL } from "./workerSession.ts";

/**
 * The writes of the inbound path on whatsapp_messages, each one statement (one round trip) for
 * what used to be several: storing a webhook delivery's messages, and finishing a handled
 * message with its replies. Platform path: inbound rows have no tenant until routed.
 */

const idRow = z.object({ id: z.uuid() });
const pendingRow = z.object({ id: z.uuid(), wa_id: z.string() });
const jsonValue = z.json();

/**
 * Stores a delivery's messages in the order given (a message already stored — Meta redelivers —
 * is left as it is), creates first-time senders' contact rows, and wakes the inbound workers
 * (NOTIFY, delivered at commit), in one statement. Returns the ids of those still waiting to be
 * handled: the new rows and earlier unhandled copies of redelivered ones, each with its WhatsApp
 * message id.
 */
export async function storeInboundMessages(
  db: Db,
  messages: readonly InboundMessage[],
): Promise<{ id: string; waMessageId: string }[]> {
  if (messages.length === 0) return [];
  const incoming = messages.map((message, n) => ({
    n,
    type: message.type,
    body: message.text,
    wa_id: message.waMessageId,
    sender: message.from,
    phone_number_id: message.phoneNumberId,
    sent_at: message.timestamp.toISOString(),
    payload: {
      kind: message.kind,
      title: message.title,
      profileName: message.profileName,
      ...(message.media === undefined ? {} : { media: message.media }),
    },
  }));
  const rows = await db.any(sql.prepared("inbox.storeInboundMessages", pendingRow)`
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset(${sql.jsonb(jsonValue.parse(incoming))})
        AS m(n int, type text, body text, wa_id text, sender text, phone_number_id text, sent_at timestamptz, payload jsonb)
    ), first_contact AS (
      -- A first-time sender gets a contact row now, so the drain has a row to claim. A known
      -- sender's row is left alone, and not even checked by the unique index: that check waits
      -- for a drain that is updating the row, and the webhook must never wait for a drain.
      INSERT INTO contacts (phone_number, whatsapp_name, last_inbound_at)
      SELECT DISTINCT ON (sender) sender, payload->>'profileName', now() FROM incoming
      WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.phone_number = incoming.sender)
      ORDER BY sender, n DESC
      ON CONFLICT (phone_number) DO NOTHING
    ), inserted AS (
      INSERT INTO whatsapp_messages (
        direction, message_type, message_body, whatsapp_message_id, contact_phone,
        business_phone_number_id, wa_timestamp, payload
      )
      SELECT 'inbound', type, body, wa_id, sender, phone_number_id, sent_at, payload FROM incoming ORDER BY n
      ON CONFLICT (whatsapp_message_id) DO NOTHING
      RETURNING id, whatsapp_message_id AS wa_id
    ), stored AS (
      SELECT id, wa_id FROM inserted
      UNION
      SELECT w.id, w.whatsapp_message_id AS wa_id FROM whatsapp_messages w JOIN incoming i ON w.whatsapp_message_id = i.wa_id
      WHERE w.direction = 'inbound' AND w.processed_at IS NULL
    ), woken AS (
      -- One notification per stored batch, naming the numbers it arrived on; PostgreSQL delivers
      -- it at commit, so a worker that wakes finds the rows.
      SELECT pg_notify(${INBOUND_CHANNEL}, string_agg(DISTINCT phone_number_id, ',')) FROM incoming
    )
    SELECT id, wa_id FROM stored WHERE EXISTS (SELECT 1 FROM woken)
  `);
  return rows.map((row) => ({ id: row.id, waMessageId: row.wa_id }));
}

export type Reply = OutboxMessage;

/**
 * Marks an inbound message handled (with the tenant and customer it was routed to), saves the
 * customer flow's new snapshot with the time of their last message (the 24-hour window) when
 * there is one, and writes the replies to the outbox (status `queued`, in the order given), in one
 * statement on the platform path. Returns the outbox row ids in order; the reply sender sends
 * them after commit.
 */
export async function finishInboundMessage(
  tx: Tx,
  messageId: string,
  routed: { tenantId: string | null; customerId: string | null; conversationState?: unknown },
  replies: readonly Reply[],
  /** The writing worker's lease (workerSession.ts): if the worker dies before sending them, the sweeper sees it at once. */
  writerLease: number | null = null,
): Promise<string[]> {
  const saved = routed.conversationState === undefined || routed.customerId === null ? null : routed.customerId;
  const rows = replies.map((reply, n) => ({
    n,
    tenant_id: reply.tenantId,
    customer_id: reply.customerId,
    kind: reply.message.kind,
    body: outMessageText(reply.message),
    contact_phone: reply.contactPhone,
    business_phone_number_id: reply.businessPhoneNumberId,
    payload: jsonValue.parse(reply.message),
    triggered_by: reply.triggeredBy,
  }));
  const ids = await tx.anyFirst(sql.prepared("inbox.finishInboundMessage", idRow)`
    WITH handled AS (
      UPDATE whatsapp_messages
      SET processed_at = now(), tenant_id = ${routed.tenantId}, customer_id = ${routed.customerId}
      WHERE id = ${messageId}
    ), saved AS (
      UPDATE customers SET conversation_state = ${sql.jsonb(jsonValue.parse(routed.conversationState ?? {}))}, last_inbound_at = now()
      WHERE id = ${saved}::uuid
    ), outbox AS (
      INSERT INTO whatsapp_messages (
        tenant_id, customer_id, direction, message_type, message_body, contact_phone,
        business_phone_number_id, payload, whatsapp_status, triggered_by, claimed_by
      )
      SELECT tenant_id, customer_id, 'outbound', kind, body, contact_phone,
             business_phone_number_id, payload, 'queued', triggered_by, ${writerLease}::int
      FROM jsonb_to_recordset(${sql.jsonb(rows)})
        AS r(n int, tenant_id uuid, customer_id uuid, kind text, body text, contact_phone text,
             business_phone_number_id text, payload jsonb, triggered_by text)
      ORDER BY n
      RETURNING id, seq
    )
    SELECT id FROM outbox ORDER BY seq
  `);
  return [...ids];
}
