import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { applyBroadcastStatusChange } from "./applyBroadcastStatusChange.ts";
import { BROADCAST_CANCELLED_CODE } from "./cancelBroadcast.ts";

const recipientRow = z.object({
  broadcast_id: z.string().nullable(),
  broadcast_status: z.string().nullable(),
  opted_in: z.boolean().nullable(),
  loyalty_status: z.string().nullable(),
  deleted_at: z.date().nullable(),
});

const idRow = z.object({ id: z.string() });

/**
 * Called by the outbound worker just before it sends a claimed outbox row: a broadcast message
 * whose customer has since opted out (`STOP`), been blocked or deleted, or whose broadcast was
 * cancelled, is marked failed with the reason instead of being sent, and the broadcast's
 * counters move by that change. Runs on the platform path.
 * @returns true when the row was skipped (the worker must not send it).
 */
export async function skipUnwantedBroadcastMessage(tx: Tx, outboxId: string): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(recipientRow)`
    SELECT m.broadcast_id, b.status AS broadcast_status, c.opted_in, c.loyalty_status, c.deleted_at
    FROM whatsapp_messages m
    LEFT JOIN broadcasts b ON b.id = m.broadcast_id
    LEFT JOIN customers c ON c.id = m.customer_id
    WHERE m.id = ${outboxId} AND m.direction = 'outbound' AND m.whatsapp_status = 'queued'
  `);
  if (row === null || row.broadcast_id === null) return false;
  const reason =
    row.broadcast_status === "cancelled" ? { code: BROADCAST_CANCELLED_CODE, message: "broadcast cancelled before this message was sent" }
    : row.opted_in !== true ? { code: "opted_out", message: "customer opted out before this message was sent" }
    : row.loyalty_status === "blocked" || row.deleted_at !== null ? { code: "recipient_unavailable", message: "customer blocked or removed before this message was sent" }
    : null;
  if (reason === null) return false;
  await tx.query(sql.type(idRow)`
    UPDATE whatsapp_messages
    SET whatsapp_status = 'failed', failed_at = now(), error_code = ${reason.code}, error_message = ${reason.message}
    WHERE id = ${outboxId} AND whatsapp_status = 'queued'
    RETURNING id
  `);
  await applyBroadcastStatusChange(tx, row.broadcast_id, "queued", "failed");
  return true;
}
