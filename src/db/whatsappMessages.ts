import { z } from "zod";
import type { StatusUpdate } from "../whatsapp/webhookPayload.ts";
import { outMessageText, type OutMessage } from "../whatsapp/outMessage.ts";
import { leaseGone, staleReplyClaim } from "./replyOutbox.ts";
import { scopeFilter, type InboxScope } from "./inboxScope.ts";
import { sql, type Tx } from "./sql.ts";

/**
 * Typed queries on whatsapp_messages, the inbox and the outbox. Rows with no tenant yet (a
 * message not routed, a stranger's reply) are platform-level: these run on the platform path
 * unless noted.
 */

const idRow = z.object({ id: z.uuid() });
const jsonValue = z.json();

const STATUS_RANK = sql.fragment`CASE m.whatsapp_status
  WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 3 ELSE 0 END`;

/**
 * Status callbacks as rows `(wa_id, status, at, error_code, error_message)` for a statement's
 * `jsonb_to_recordset`.
 */
export function statusUpdateRows(updates: readonly StatusUpdate[]) {
  return updates.map((update) => ({
    wa_id: update.waMessageId,
    status: update.status,
    at: update.timestamp.toISOString(),
    error_code: update.errorCode,
    error_message: update.errorMessage,
  }));
}

const matchedStatusRow = z.object({
  wa_id: z.string(),
  id: z.uuid().nullable(),
  tenant_id: z.uuid().nullable(),
  broadcast_id: z.uuid().nullable(),
  whatsapp_status: z.string().nullable(),
  previous_status: z.string().nullable(),
});
/** An outbound row a status callback moved, with its status before. */
export type MovedStatus = {
  id: string;
  tenant_id: string | null;
  broadcast_id: string | null;
  whatsapp_status: string;
  previous_status: string | null;
  wa_id: string;
};

/**
 * Applies status callbacks to the outbound rows they name, all in one statement. Statuses only
 * move forward (sent < delivered < read; failed is final and keeps its error), because Meta may
 * deliver them out of order; several callbacks for one message in the same batch count as their
 * furthest status, with the earliest time for each step reached. Rows are locked in id order, so
 * concurrent batches cannot deadlock. Returns the rows that moved, with their previous status,
 * and the wamids that matched an outbound row at all (moved or not).
 */
export async function applyStatusUpdates(
  tx: Tx,
  updates: readonly StatusUpdate[],
): Promise<{ moved: MovedStatus[]; matchedWamids: Set<string> }> {
  if (updates.length === 0) return { moved: [], matchedWamids: new Set() };
  const incoming = statusUpdateRows(updates);
  const rows = await tx.any(sql.prepared("whatsappMessages.applyStatusUpdates", matchedStatusRow)`
    WITH incoming AS (
      SELECT s.*, CASE s.status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 ELSE 3 END AS rank
      FROM jsonb_to_recordset(${sql.jsonb(incoming)})
        AS s(wa_id text, status text, at timestamptz, error_code text, error_message text)
    ), furthest AS (
      SELECT wa_id,
             max(rank) AS rank,
             (array_agg(status ORDER BY rank DESC, at DESC))[1] AS status,
             min(at) FILTER (WHERE status <> 'failed') AS sent_at,
             min(at) FILTER (WHERE status IN ('delivered', 'read')) AS delivered_at,
             max(at) FILTER (WHERE status = 'read') AS read_at,
             max(at) FILTER (WHERE status = 'failed') AS failed_at,
             (array_agg(error_code ORDER BY at DESC) FILTER (WHERE status = 'failed'))[1] AS error_code,
             (array_agg(error_message ORDER BY at DESC) FILTER (WHERE status = 'failed'))[1] AS error_message
      FROM incoming GROUP BY wa_id
    ), target AS (
      SELECT w.id, w.whatsapp_status AS previous_status, f.*
      FROM whatsapp_messages w JOIN furthest f ON w.whatsapp_message_id = f.wa_id
      WHERE w.direction = 'outbound'
      ORDER BY w.id
      FOR UPDATE OF w
    ), updated AS (
      UPDATE whatsapp_messages m SET
        whatsapp_status = t.status,
        sent_at = COALESCE(m.sent_at, t.sent_at),
        delivered_at = CASE WHEN t.status IN ('delivered', 'read') THEN COALESCE(m.delivered_at, t.delivered_at) ELSE m.delivered_at END,
        read_at = CASE WHEN t.status = 'read' THEN t.read_at ELSE m.read_at END,
        failed_at = CASE WHEN t.status = 'failed' THEN t.failed_at ELSE m.failed_at END,
        error_code = CASE WHEN t.status = 'failed' THEN t.error_code ELSE m.error_code END,
        error_message = CASE WHEN t.status = 'failed' THEN t.error_message ELSE m.error_message END
      FROM target t
      WHERE m.id = t.id AND ${STATUS_RANK} < t.rank
      RETURNING m.id, m.tenant_id, m.broadcast_id, m.whatsapp_status, t.previous_status
    )
    SELECT t.wa_id, u.id, u.tenant_id, u.broadcast_id, u.whatsapp_status, u.previous_status
    FROM target t LEFT JOIN updated u ON u.id = t.id
  `);
  const moved: MovedStatus[] = [];
  for (const row of rows) {
    if (row.id !== null && row.whatsapp_status !== null) {
      moved.push({
        id: row.id,
        tenant_id: row.tenant_id,
        broadcast_id: row.broadcast_id,
        whatsapp_status: row.whatsapp_status,
        previous_status: row.previous_status,
        wa_id: row.wa_id,
      });
    }
  }
  return { moved, matchedWamids: new Set(rows.map((row) => row.wa_id)) };
}

export const inboundRow = z.object({
  id: z.uuid(),
  tenant_id: z.uuid().nullable(),
  contact_phone: z.string(),
  business_phone_number_id: z.string(),
  message_type: z.string(),
  message_body: z.string().nullable(),
  whatsapp_message_id: z.string(),
  wa_timestamp: z.date(),
  processed_at: z.date().nullable(),
  payload: z
    .object({
      kind: z.string(),
      title: z.string().nullable().optional(),
      profileName: z.string().nullable().optional(),
      /** An inbound photo's Graph media id and type (webhookPayload). */
      media: z.object({ id: z.string(), mimeType: z.string() }).optional(),
    })
    .loose(),
});
export type InboundRow = z.infer<typeof inboundRow>;

/** An unhandled inboundRow as `json_agg` gives it (times as ISO text). */
export const pendingInboundJson = inboundRow.extend({
  wa_timestamp: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  processed_at: z.null(),
});

/** A message to write to the outbox: to whom, from which of our numbers, and why. */
export type OutboxMessage = {
  tenantId: string | null;
  customerId: string | null;
  contactPhone: string;
  businessPhoneNumberId: string;
  message: OutMessage;
  triggeredBy: string;
};

/** Writes a reply to the outbox (status `queued`); the outbound worker sends it after commit. */
export async function insertOutboxMessage(
  tx: Tx,
  row: OutboxMessage & { broadcastId?: string | null; claimedBy?: number | null },
): Promise<string> {
  const body = outMessageText(row.message);
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO whatsapp_messages (
      tenant_id, customer_id, direction, message_type, message_body, contact_phone,
      business_phone_number_id, payload, whatsapp_status, triggered_by, broadcast_id, claimed_by
    ) VALUES (
      ${row.tenantId}, ${row.customerId}, 'outbound', ${row.message.kind}, ${body}, ${row.contactPhone},
      ${row.businessPhoneNumberId}, ${sql.jsonb(jsonValue.parse(row.message))}, 'queued', ${row.triggeredBy},
      ${row.broadcastId ?? null}, ${row.claimedBy ?? null}::int
    )
    RETURNING id
  `);
}

const strandedRow = z.object({ id: z.uuid(), orphaned: z.boolean() });

/**
 * Replies left behind: still queued, or claimed by a sender that died. `orphaned` rows name a
 * worker lease that is gone (see workerSession.ts): their worker died after writing or claiming
 * them, whatever their age. The others have waited too long: queued unsent `olderThanMs` since
 * they were written (a hand-off that failed, an overflow job lost with Redis; a live worker's
 * replies wait that long in its own sender under load), or `retriedOlderThanMs` since a failed
 * try (a retry job lost with Redis), or claimed past the stale-claim time with no lease. Broadcast rows
 * are left to their broadcast sender (the minute scan restarts it).
 */
export async function findStrandedReplies(
  tx: Tx,
  scope: InboxScope,
  /** Queued this long unsent since written: its hand-off failed, or its overflow job was lost. */
  olderThanMs: number,
  /** Queued this long since a failed try: its retry job may have gone with Redis's data. */
  retriedOlderThanMs: number,
  limit: number,
): Promise<{ orphaned: string[]; old: string[] }> {
  const cutoff = sql.timestamp(new Date(Date.now() - olderThanMs));
  const retryCutoff = sql.timestamp(new Date(Date.now() - retriedOlderThanMs));
  const rows = await tx.any(sql.type(strandedRow)`
    SELECT id, ${leaseGone(sql.fragment`m`)} AS orphaned FROM whatsapp_messages m
    WHERE direction = 'outbound' AND whatsapp_status IN ('queued', 'sending') AND broadcast_id IS NULL
      AND ${scopeFilter(scope, "m.business_phone_number_id")}
      AND (${leaseGone(sql.fragment`m`)}
        OR (whatsapp_status = 'queued' AND updated_at < CASE WHEN attempts > 0 THEN ${retryCutoff} ELSE ${cutoff} END)
        OR (whatsapp_status = 'sending' AND ${staleReplyClaim(sql.fragment`m`)}))
    ORDER BY created_at LIMIT ${limit}
  `);
  return {
    orphaned: rows.filter((row) => row.orphaned).map((row) => row.id),
    old: rows.filter((row) => !row.orphaned).map((row) => row.id),
  };
}
