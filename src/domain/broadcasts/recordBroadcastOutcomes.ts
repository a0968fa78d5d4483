import { z } from "zod";
import { sendOutcomeColumns, sendOutcomesTable, type SendOutcome } from "../../db/sendOutcomes.ts";
import { sql, type Tx } from "../../db/sql.ts";
import { addBroadcastCounts } from "./addBroadcastCounts.ts";
import { broadcastStatusSchema, type BroadcastStatus } from "./broadcastRecord.ts";

/**
 * What became of one claimed broadcast message. A retry keeps the row claimed (`sending`, one
 * more attempt counted): the sender retries it itself.
 */
export type BroadcastOutcome = SendOutcome;

const movedRow = z.object({ whatsapp_status: z.string() });
const statusRow = z.object({ status: broadcastStatusSchema });

/**
 * Records the outcomes of many sends of one broadcast in two statements: the rows (wamid and
 * `sent`, or `failed` with Meta's code and text, or the error of a retry to come), then the
 * broadcast's counters by the rows that moved. Only rows still `sending` move, so recording an
 * outcome twice counts it once.
 * @returns the broadcast's status, so the sender notices a cancellation.
 */
export async function recordBroadcastOutcomes(
  tx: Tx,
  broadcastId: string,
  outcomes: readonly BroadcastOutcome[],
): Promise<BroadcastStatus | null> {
  if (outcomes.length > 0) {
    const moved = await tx.any(sql.type(movedRow)`
      UPDATE whatsapp_messages m SET
        whatsapp_status = CASE o.kind WHEN 'retry' THEN 'sending' ELSE o.kind END,
        attempts = m.attempts + CASE o.kind WHEN 'retry' THEN 1 ELSE 0 END,
        ${sendOutcomeColumns}
      FROM ${sendOutcomesTable(outcomes)}
      WHERE m.id = o.id AND m.broadcast_id = ${broadcastId} AND m.whatsapp_status = 'sending'
      RETURNING m.whatsapp_status
    `);
    const sent = moved.filter((row) => row.whatsapp_status === "sent").length;
    const failed = moved.filter((row) => row.whatsapp_status === "failed").length;
    const status = await addBroadcastCounts(tx, broadcastId, { sent, delivered: 0, read: 0, failed });
    if (status !== null) return status;
  }
  return (
    (await tx.maybeOne(sql.type(statusRow)`SELECT status FROM broadcasts WHERE id = ${broadcastId}`))?.status ?? null
  );
}
