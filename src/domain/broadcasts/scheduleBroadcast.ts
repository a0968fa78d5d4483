import { sql, type Tx } from "../../db/sql.ts";
import { broadcastColumns, broadcastRecordSchema, type Broadcast } from "./broadcastRecord.ts";
import { checkBroadcastAllowance } from "./checkBroadcastAllowance.ts";
import { findBroadcast } from "./findBroadcast.ts";

export type ScheduleBroadcastResult =
  | { ok: true; broadcast: Broadcast }
  | { ok: false; reason: "not_found" | "not_schedulable" | "in_the_past" | "plan_limit_reached"; message: string };

/**
 * Schedules a draft (or reschedules a scheduled) broadcast for `at`. The scheduled-jobs scan
 * starts it when `at` has come. The plan's monthly allowance is checked now for a clear early
 * answer, and again when sending starts.
 */
export async function scheduleBroadcast(
  tx: Tx,
  input: { tenantId: string; broadcastId: string; at: Date; now: Date },
): Promise<ScheduleBroadcastResult> {
  const current = await findBroadcast(tx, input.broadcastId, { forUpdate: true });
  if (current === null) return { ok: false, reason: "not_found", message: "No broadcast with that id." };
  if (current.status !== "draft" && current.status !== "scheduled") {
    return {
      ok: false,
      reason: "not_schedulable",
      message: `The broadcast is ${current.status} and can no longer be scheduled.`,
    };
  }
  if (input.at.getTime() < input.now.getTime() - 60_000) {
    return { ok: false, reason: "in_the_past", message: "The scheduled time has already passed." };
  }
  const allowance = await checkBroadcastAllowance(tx, { tenantId: input.tenantId, now: input.now });
  if (!allowance.ok) return { ok: false, reason: allowance.reason, message: allowance.message };
  const broadcast = await tx.one(sql.type(broadcastRecordSchema)`
    UPDATE broadcasts SET status = 'scheduled', scheduled_at = ${sql.timestamp(input.at)}
    WHERE id = ${input.broadcastId}
    RETURNING ${broadcastColumns}
  `);
  return { ok: true, broadcast };
}
