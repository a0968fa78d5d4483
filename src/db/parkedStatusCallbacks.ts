import { z } from "zod";
import type { DeliveryStatus, StatusUpdate } from "../whatsapp/webhookPayload.ts";
import { sql, type Tx } from "./sql.ts";
import { statusUpdateRows } from "./whatsappMessages.ts";

/**
 * Status callbacks that named a wamid no outbound row carried yet (see sql/0010). Platform path.
 */

const countRow = z.object({ parked: z.number() });
const parkedRow = z.object({
  whatsapp_message_id: z.string(),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  status_at: z.date(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
});

/** Parks callbacks that matched no outbound row when applied; returns how many were parked. */
export async function parkStatusCallbacks(tx: Tx, updates: readonly StatusUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const incoming = statusUpdateRows(updates);
  return tx.oneFirst(sql.type(countRow)`
    WITH parked AS (
      INSERT INTO parked_status_callbacks (whatsapp_message_id, status, status_at, error_code, error_message)
      SELECT s.wa_id, s.status, s.at, s.error_code, s.error_message
      FROM jsonb_to_recordset(${sql.jsonb(incoming)})
        AS s(wa_id text, status text, at timestamptz, error_code text, error_message text)
      RETURNING 1
    )
    SELECT count(*)::int AS parked FROM parked
  `);
}

/**
 * Takes (deletes and returns) up to `limit` parked callbacks whose wamid an outbound row now
 * carries, so the caller applies them in the same transaction.
 */
export async function takeMatchedParkedStatusCallbacks(tx: Tx, limit: number): Promise<StatusUpdate[]> {
  const rows = await tx.any(sql.type(parkedRow)`
    DELETE FROM parked_status_callbacks p
    WHERE p.id IN (
      SELECT p2.id FROM parked_status_callbacks p2
      WHERE EXISTS (
        SELECT 1 FROM whatsapp_messages w WHERE w.whatsapp_message_id = p2.whatsapp_message_id AND w.direction = 'outbound'
      )
      ORDER BY p2.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING p.whatsapp_message_id, p.status, p.status_at, p.error_code, p.error_message
  `);
  return rows.map((row) => ({
    waMessageId: row.whatsapp_message_id,
    status: row.status satisfies DeliveryStatus,
    timestamp: row.status_at,
    // Not kept: a status callback's recipient is the row's contact_phone, which the update does not use.
    recipientId: "",
    errorCode: row.error_code,
    errorMessage: row.error_message,
  }));
}

/** Drops parked callbacks older than `olderThanMs` that never found their message. */
export async function dropStaleParkedStatusCallbacks(tx: Tx, olderThanMs: number): Promise<number> {
  return tx.oneFirst(sql.type(countRow)`
    WITH dropped AS (
      DELETE FROM parked_status_callbacks WHERE received_at < ${sql.timestamp(new Date(Date.now() - olderThanMs))} RETURNING 1
    )
    SELECT count(*)::int AS parked FROM dropped
  `);
}
