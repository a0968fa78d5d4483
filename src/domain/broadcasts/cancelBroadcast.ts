import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { findBroadcast } from "./findBroadcast.ts";

export const BROADCAST_CANCELLED_CODE = "broadcast_cancelled";

const stoppedRow = z.object({ stopped: z.number() });

const idRow = z.object({ id: z.string() });

export type CancelBroadcastResult =
  | { ok: true; stoppedMessages: number }
  | { ok: false; reason: "not_found" | "not_cancellable"; message: string };

/**
 * Cancels a broadcast that has not finished: a draft or scheduled one never starts; a sending
 * one stops, its queued messages marked failed (`broadcast_cancelled`) so they are never sent;
 * the broadcast sender sees the status within a flush (0.1 s) and fails what it has claimed but
 * not sent yet. Messages already sent (or on their way) stay sent. Writes `broadcast.cancelled` to the audit log.
 */
export async function cancelBroadcast(
  tx: Tx,
  input: { tenantId: string; broadcastId: string; userId: string | null; now: Date },
): Promise<CancelBroadcastResult> {
  // Lock order everywhere is outbox rows, then the broadcast row (the broadcast sender and status
  // callbacks move rows, then the counters): so read the broadcast without a lock here, stop the
  // queued rows (waiting for a claim in progress to commit), and only then update the broadcast.
  const broadcast = await findBroadcast(tx, input.broadcastId);
  if (broadcast === null) return { ok: false, reason: "not_found", message: "No broadcast with that id." };
  if (broadcast.status !== "draft" && broadcast.status !== "scheduled" && broadcast.status !== "sending") {
    return {
      ok: false,
      reason: "not_cancellable",
      message: `The broadcast is ${broadcast.status} and cannot be cancelled.`,
    };
  }
  const at = sql.timestamp(input.now);
  const stopped = await tx.oneFirst(sql.type(stoppedRow)`
    WITH stopped AS (
      UPDATE whatsapp_messages
      SET whatsapp_status = 'failed', failed_at = ${at}, error_code = ${BROADCAST_CANCELLED_CODE},
          error_message = 'broadcast cancelled before this message was sent'
      WHERE broadcast_id = ${input.broadcastId} AND whatsapp_status = 'queued'
      RETURNING id
    )
    SELECT count(*) AS stopped FROM stopped
  `);
  const updated = await tx.maybeOne(sql.type(idRow)`
    UPDATE broadcasts SET status = 'cancelled', cancelled_at = ${at}, failed_count = failed_count + ${stopped}
    WHERE id = ${input.broadcastId} AND status IN ('draft', 'scheduled', 'sending')
    RETURNING id
  `);
  // Only possible with nothing stopped: it finished while we looked (queued rows keep it sending).
  if (updated === null) return { ok: false, reason: "not_cancellable", message: "The broadcast has just finished." };
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "broadcast.cancelled",
    entityType: "broadcast",
    entityId: input.broadcastId,
    oldValues: { status: broadcast.status },
    newValues: { status: "cancelled", stoppedMessages: stopped },
  });
  return { ok: true, stoppedMessages: stopped };
}
