import type { Tx } from "../../db/sql.ts";
import { scheduleBroadcast, type ScheduleBroadcastResult } from "./scheduleBroadcast.ts";

/**
 * Marks a draft or scheduled broadcast due now. After commit the caller enqueues its start
 * (`enqueueBroadcastStart` in src/jobs/scheduled/), so the fan-out of a large audience runs in
 * a worker rather than in the HTTP request; the due-broadcast scan (every minute) starts it too
 * if that enqueue is lost.
 */
export async function sendBroadcastNow(
  tx: Tx,
  input: { tenantId: string; broadcastId: string; now: Date },
): Promise<ScheduleBroadcastResult> {
  return scheduleBroadcast(tx, { ...input, at: input.now });
}
