import { z } from "zod";
import { scopeFilter, type InboxScope } from "./inboxScope.ts";
import { contactColumns, contactRow, type Contact } from "./contacts.ts";
import { sql, type Db, type Tx } from "./sql.ts";
import { routedTenantJson, routingTenantsOf, routingTenantsQuery, type RoutingTenants } from "./tenants.ts";
import { pendingInboundJson, type InboundRow } from "./whatsappMessages.ts";

/**
 * The inbox as the inbound queue (docs/architecture.md, "How an inbound message travels"): the
 * statements of a drain transaction, on the platform path. A drain claims senders (their contact
 * rows, FOR UPDATE SKIP LOCKED), reads what they sent, handles it in order and marks it handled;
 * the contact row lock is what keeps one sender's messages in order across workers, and PostgreSQL
 * frees it the moment a worker's session ends.
 */

const phoneRow = z.object({ phone_number: z.string() });

/**
 * Claims up to `limit` senders that have unhandled messages on the scope's numbers, the one
 * waiting longest first, and locks their contact rows for this transaction. Rows another
 * transaction holds are passed over (SKIP LOCKED), so workers never wait for each other here. A
 * sender whose unhandled message is waiting out a retry backoff is not claimed until it ends.
 * Contact rows exist: the webhook creates a first-time sender's when it stores the message.
 */
export async function claimSenders(tx: Tx, scope: InboxScope, limit: number): Promise<readonly string[]> {
  return tx.anyFirst(sql.prepared("inboxDrain.claimSenders", phoneRow)`
    WITH waiting AS (
      SELECT contact_phone, min(created_at) AS oldest FROM whatsapp_messages
      WHERE direction = 'inbound' AND processed_at IS NULL AND ${scopeFilter(scope, "business_phone_number_id")}
      GROUP BY contact_phone
      HAVING bool_and(next_attempt_at IS NULL OR next_attempt_at <= now())
    )
    SELECT c.phone_number FROM contacts c JOIN waiting w ON w.contact_phone = c.phone_number
    ORDER BY w.oldest
    LIMIT ${limit}
    FOR UPDATE OF c SKIP LOCKED
  `);
}

/** An unhandled message as the drain reads it, with how many messages its sender sent in the minute up to it. */
export type PendingInbound = InboundRow & { recentCount: number };

/** A claimed sender: their contact row, their unhandled messages in order, and what flood control needs. */
export type ClaimedInbox = {
  contact: Contact;
  /** The routing of the first pending message (its number, the contact's active tenant). */
  routing: { phoneNumberId: string; tenants: RoutingTenants } | null;
  pending: readonly PendingInbound[];
  /** A message of theirs was skipped for flood control in the last minute (they were told to slow down). */
  slowedRecently: boolean;
};

const pendingJson = pendingInboundJson.extend({ recent: z.number() });

const claimedInboxRow = contactRow.extend({
  routed_phone_number_id: z.string().nullable(),
  routing: z.array(routedTenantJson),
  pending: z.array(pendingJson),
  slowed_recently: z.boolean(),
});

/**
 * For senders this transaction has claimed, in one statement: records the time (and latest
 * WhatsApp profile name) of their last message on the contact row, and reads the row, their
 * unhandled messages on the scope's numbers in WhatsApp timestamp order (at most `perSender`:
 * the rest wait for the next drain, so a flood never makes one transaction unbounded), each with
 * the count of their messages received in the minute up to it (and, of those received together,
 * up to it in WhatsApp timestamp order), and the tenants the first one can
 * be routed to. Read after the claim's statement, so it sees every message handled before the
 * locks were taken.
 */
export async function readClaimedInbox(
  tx: Tx,
  phones: readonly string[],
  scope: InboxScope,
  perSender: number,
): Promise<ClaimedInbox[]> {
  if (phones.length === 0) return [];
  const rows = await tx.any(sql.prepared("inboxDrain.readClaimedInbox", claimedInboxRow)`
    WITH touched AS (
      UPDATE contacts c SET last_inbound_at = now(), whatsapp_name = COALESCE(latest.profile_name, c.whatsapp_name)
      FROM unnest(${sql.array([...phones], "text")}::text[]) AS claimed(phone)
      LEFT JOIN LATERAL (
        SELECT w.payload->>'profileName' AS profile_name FROM whatsapp_messages w
        WHERE w.contact_phone = claimed.phone AND w.direction = 'inbound' AND w.processed_at IS NULL
        ORDER BY w.wa_timestamp DESC, w.created_at DESC
        LIMIT 1
      ) AS latest ON true
      WHERE c.phone_number = claimed.phone
      RETURNING ${contactColumns}
    )
    SELECT t.*, first.business_phone_number_id AS routed_phone_number_id,
      (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
        ${routingTenantsQuery(sql.fragment`first.business_phone_number_id`, sql.fragment`t.active_tenant_id`)}
      ) AS r) AS routing,
      (SELECT COALESCE(json_agg(p ORDER BY p.wa_timestamp, p.created_at), '[]'::json) FROM (
        SELECT w.id, w.tenant_id, w.contact_phone, w.business_phone_number_id, w.message_type, w.message_body,
               w.whatsapp_message_id, w.wa_timestamp, w.processed_at, w.payload, w.created_at,
               (SELECT count(*) FROM whatsapp_messages r
                WHERE r.contact_phone = w.contact_phone AND r.direction = 'inbound'
                  AND r.created_at > w.created_at - interval '1 minute'
                  AND (r.created_at, r.wa_timestamp, r.id) <= (w.created_at, w.wa_timestamp, w.id))::int AS recent
        FROM whatsapp_messages w
        WHERE w.contact_phone = t.phone_number AND w.direction = 'inbound' AND w.processed_at IS NULL
          AND ${scopeFilter(scope, "w.business_phone_number_id")}
        ORDER BY w.wa_timestamp, w.created_at
        LIMIT ${perSender}
      ) AS p) AS pending,
      EXISTS (
        SELECT 1 FROM whatsapp_messages s
        WHERE s.contact_phone = t.phone_number AND s.direction = 'inbound' AND s.error_code = 'rate_limited'
          AND s.created_at > now() - interval '1 minute'
      ) AS slowed_recently
    FROM touched t
    LEFT JOIN LATERAL (
      SELECT w.business_phone_number_id FROM whatsapp_messages w
      WHERE w.contact_phone = t.phone_number AND w.direction = 'inbound' AND w.processed_at IS NULL
        AND ${scopeFilter(scope, "w.business_phone_number_id")}
      ORDER BY w.wa_timestamp, w.created_at
      LIMIT 1
    ) AS first ON true
  `);
  return rows.map((row) => {
    const {
      routed_phone_number_id: phoneNumberId,
      routing,
      pending,
      slowed_recently: slowedRecently,
      ...contact
    } = row;
    return {
      contact,
      routing:
        phoneNumberId === null ? null : { phoneNumberId, tenants: routingTenantsOf(routing, contact.active_tenant_id) },
      pending: pending.map(({ recent, ...message }) => ({ ...message, recentCount: recent })),
      slowedRecently,
    };
  });
}

const idRow = z.object({ id: z.uuid() });

/** Marks messages skipped by flood control: handled (they are not handled later), with the reason. */
export async function skipInboundMessages(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(sql.prepared("inboxDrain.skipInboundMessages", idRow)`
    UPDATE whatsapp_messages
    SET processed_at = COALESCE(processed_at, now()), error_code = 'rate_limited', whatsapp_status = 'skipped'
    WHERE id = ANY(${sql.array([...ids], "uuid")}) AND direction = 'inbound'
    RETURNING id
  `);
}

const failureRow = z.object({ attempts: z.number(), contact_phone: z.string() });

/** First wait before a failed message is tried again; each later one waits twice as long. */
const RETRY_BACKOFF_SECONDS = 0.5;

/**
 * Counts a failed attempt at handling a message, with its error, and holds its sender back until
 * the retry backoff ends. Returns the attempts made so far and the sender, or null when the
 * message is handled already. One statement, outside the failed (rolled back) drain.
 */
export async function recordInboundFailure(
  db: Db,
  messageId: string,
  reason: string,
): Promise<{ attempts: number; contactPhone: string } | null> {
  const row = await db.maybeOne(sql.type(failureRow)`
    UPDATE whatsapp_messages
    SET attempts = attempts + 1, error_message = ${reason.slice(0, 500)},
        next_attempt_at = now() + make_interval(secs => ${RETRY_BACKOFF_SECONDS} * power(2, attempts))
    WHERE id = ${messageId} AND direction = 'inbound' AND processed_at IS NULL
    RETURNING attempts, contact_phone
  `);
  return row === null ? null : { attempts: row.attempts, contactPhone: row.contact_phone };
}

const setAsideRow = z.object({
  tenant_id: z.uuid().nullable(),
  contact_phone: z.string(),
  business_phone_number_id: z.string(),
});

/**
 * Sets aside a message that failed on every attempt: handled, with its error, so it no longer
 * holds up its sender's later messages. The caller holds the sender's lock. Returns the message's
 * routing fields (for the apology), or null when it was handled meanwhile.
 */
export async function setAsideInboundMessage(tx: Tx, messageId: string, reason: string) {
  return tx.maybeOne(sql.type(setAsideRow)`
    UPDATE whatsapp_messages
    SET processed_at = now(), error_code = 'engine_error', error_message = ${reason.slice(0, 500)}, next_attempt_at = NULL
    WHERE id = ${messageId} AND direction = 'inbound' AND processed_at IS NULL
    RETURNING tenant_id, contact_phone, business_phone_number_id
  `);
}
