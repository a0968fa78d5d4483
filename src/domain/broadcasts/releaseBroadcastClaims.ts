import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { addBroadcastCounts } from "./addBroadcastCounts.ts";
import { BROADCAST_CANCELLED_CODE } from "./cancelBroadcast.ts";

const countRow = z.object({ released: z.number() });

/**
 * Hands claimed messages that were never sent back: to `queued` when the sender stops (a
 * restart or another worker sends them), or to `failed` (`broadcast_cancelled`, counted) when
 * their broadcast was cancelled. Rows no longer `sending` are left alone.
 * @returns how many rows moved.
 */
export async function releaseBroadcastClaims(
  tx: Tx,
  input: { broadcastId: string; ids: readonly string[]; cancelled: boolean },
): Promise<number> {
  if (input.ids.length === 0) return 0;
  const released = await tx.oneFirst(sql.type(countRow)`
    WITH released AS (
      UPDATE whatsapp_messages SET
        whatsapp_status = ${input.cancelled ? "failed" : "queued"},
        failed_at = ${input.cancelled ? sql.fragment`now()` : sql.fragment`failed_at`},
        error_code = ${input.cancelled ? sql.fragment`${BROADCAST_CANCELLED_CODE}` : sql.fragment`error_code`},
        error_message = ${input.cancelled ? sql.fragment`'broadcast cancelled before this message was sent'` : sql.fragment`error_message`}
      WHERE id = ANY(${sql.array([...input.ids], "uuid")}) AND broadcast_id = ${input.broadcastId} AND whatsapp_status = 'sending'
      RETURNING 1
    )
    SELECT count(*)::int AS released FROM released
  `);
  if (input.cancelled)
    await addBroadcastCounts(tx, input.broadcastId, { sent: 0, delivered: 0, read: 0, failed: released });
  return released;
}
