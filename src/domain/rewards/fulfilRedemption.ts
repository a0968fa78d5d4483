import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { findRedemptionByCode } from "./findRedemptionByCode.ts";
import { redemptionRecordSchema, selectRedemptions, type Redemption } from "./redemptionRecord.ts";

export type FulfilRedemptionResult =
  | { ok: true; redemption: Redemption }
  | { ok: false; reason: "not_found" | "already_fulfilled" | "cancelled" };

const idRow = z.object({ id: z.string() });

/**
 * Staff verify a code at the till: a pending (or confirmed) redemption becomes `fulfilled`,
 * with who verified it and when, and an audit_logs row (`redemption.verified`). The row is
 * locked, so a code verified twice at once is fulfilled once.
 */
export async function fulfilRedemption(
  tx: Tx,
  input: { code: string; userId: string; now?: Date },
): Promise<FulfilRedemptionResult> {
  const found = await findRedemptionByCode(tx, input.code);
  if (found === null) return { ok: false, reason: "not_found" };
  const at = sql.timestamp(input.now ?? new Date());
  const updatedId = await tx.maybeOneFirst(sql.type(idRow)`
    UPDATE reward_redemptions SET status = 'fulfilled', verified_by_user_id = ${input.userId},
           verified_at = ${at}, fulfilled_at = ${at}
    WHERE id = ${found.id} AND status IN ('pending', 'confirmed')
    RETURNING id
  `);
  if (updatedId === null) {
    const current = await findRedemptionByCode(tx, input.code);
    return { ok: false, reason: current?.status === "cancelled" ? "cancelled" : "already_fulfilled" };
  }
  const updated = await tx.one(sql.type(redemptionRecordSchema)`${selectRedemptions} WHERE rr.id = ${updatedId}`);
  await writeAuditLog(tx, {
    tenantId: updated.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "redemption.verified",
    entityType: "reward_redemption",
    entityId: updated.id,
    oldValues: { status: found.status },
    newValues: { status: "fulfilled", code: updated.code },
  });
  return { ok: true, redemption: updated };
}
