import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { addBroadcastCounts } from "./addBroadcastCounts.ts";
import { broadcastStatusSchema, type BroadcastStatus } from "./broadcastRecord.ts";
import { BROADCAST_CANCELLED_CODE } from "./cancelBroadcast.ts";

/** A broadcast message claimed for sending (`whatsapp_status = 'sending'`). */
export const claimedMessageSchema = z.object({
  id: z.uuid(),
  contact_phone: z.string(),
  business_phone_number_id: z.string(),
  payload: z.unknown(),
  /** This attempt's number (counting from 1). */
  attempts: z.number(),
});
export type ClaimedMessage = z.infer<typeof claimedMessageSchema>;

const claimRow = claimedMessageSchema.extend({ whatsapp_status: z.string(), seq: z.number() });
const statusRow = z.object({ status: broadcastStatusSchema });

export type ClaimedBatch = { broadcastStatus: BroadcastStatus | null; messages: ClaimedMessage[]; skipped: number };

/**
 * Claims up to `limit` of a broadcast's queued messages, oldest first, in one statement: rows
 * locked by another claim are passed over (FOR UPDATE SKIP LOCKED), so two senders never take
 * one row. In the same statement, a row whose broadcast was cancelled or whose customer has since
 * opted out (STOP), been blocked or deleted is marked failed with the reason instead (and the
 * counters move), so it is never sent; the others become `sending` with one more attempt. A row
 * leaves `sending` only through {@link recordBroadcastOutcomes} or {@link releaseBroadcastClaims}.
 */
export async function claimBroadcastMessages(
  tx: Tx,
  input: { broadcastId: string; limit: number },
): Promise<ClaimedBatch> {
  const rows = await tx.any(sql.type(claimRow)`
    WITH picked AS (
      SELECT id, customer_id FROM whatsapp_messages
      WHERE broadcast_id = ${input.broadcastId} AND whatsapp_status = 'queued'
      ORDER BY seq
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    ),
    verdict AS (
      SELECT p.id,
        CASE
          WHEN b.status = 'cancelled' THEN ${BROADCAST_CANCELLED_CODE}
          WHEN c.opted_in IS NOT TRUE THEN 'opted_out'
          WHEN c.loyalty_status = 'blocked' OR c.deleted_at IS NOT NULL THEN 'recipient_unavailable'
        END AS skip_code
      FROM picked p
      LEFT JOIN broadcasts b ON b.id = ${input.broadcastId}
      LEFT JOIN customers c ON c.id = p.customer_id
    )
    UPDATE whatsapp_messages m SET
      whatsapp_status = CASE WHEN v.skip_code IS NULL THEN 'sending' ELSE 'failed' END,
      attempts = m.attempts + CASE WHEN v.skip_code IS NULL THEN 1 ELSE 0 END,
      failed_at = CASE WHEN v.skip_code IS NULL THEN m.failed_at ELSE now() END,
      error_code = COALESCE(v.skip_code, m.error_code),
      error_message = CASE v.skip_code
        WHEN ${BROADCAST_CANCELLED_CODE} THEN 'broadcast cancelled before this message was sent'
        WHEN 'opted_out' THEN 'customer opted out before this message was sent'
        WHEN 'recipient_unavailable' THEN 'customer blocked or removed before this message was sent'
        ELSE m.error_message END
    FROM verdict v
    WHERE m.id = v.id
    RETURNING m.id, m.contact_phone, m.business_phone_number_id, m.payload, m.attempts, m.whatsapp_status, m.seq
  `);
  const skipped = rows.filter((row) => row.whatsapp_status === "failed").length;
  const moved = await addBroadcastCounts(tx, input.broadcastId, { sent: 0, delivered: 0, read: 0, failed: skipped });
  const broadcastStatus =
    moved ??
    (await tx.maybeOne(sql.type(statusRow)`SELECT status FROM broadcasts WHERE id = ${input.broadcastId}`))?.status ??
    null;
  const messages = rows
    .filter((row) => row.whatsapp_status === "sending")
    .sort((a, b) => a.seq - b.seq)
    .map(({ id, contact_phone, business_phone_number_id, payload, attempts }) => ({
      id,
      contact_phone,
      business_phone_number_id,
      payload,
      attempts,
    }));
  return { broadcastStatus, messages, skipped };
}
