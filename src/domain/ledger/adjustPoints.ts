import { writeAuditLog } from "../audit/writeAuditLog.ts";
import type { Tx } from "../../db/sql.ts";
import { creditPoints } from "./creditPoints.ts";
import { debitPoints } from "./debitPoints.ts";
import type { LedgerEntry } from "./ledgerEntry.ts";
import { getBalance } from "./getBalance.ts";

export type AdjustPointsInput = {
  tenantId: string;
  customerId: string;
  /** Non-zero integer: positive adds a lot, negative spends lots first-in first-out. */
  points: number;
  reason: string;
  /** The vendor user making the adjustment. */
  userId: string;
  /** Expiry of an added lot; default never. */
  expiresAt?: Date | null;
};

export type AdjustPointsResult =
  | { ok: true; entry: LedgerEntry; balance: number }
  | { ok: false; reason: "invalid_points" | "insufficient_points" };

/**
 * A manual adjustment by a vendor user: one `adjusted` ledger row carrying the reason, and an
 * audit_logs row (`points.adjusted`) with the balance before and after.
 */
export async function adjustPoints(tx: Tx, input: AdjustPointsInput): Promise<AdjustPointsResult> {
  if (!Number.isSafeInteger(input.points) || input.points === 0) return { ok: false, reason: "invalid_points" };
  const metadata = { reason: input.reason, adjustedBy: input.userId };
  const type: "adjusted" = "adjusted";
  const common = {
    tenantId: input.tenantId,
    customerId: input.customerId,
    type,
    description: `Adjustment: ${input.reason}`,
    metadata,
    createdByUserId: input.userId,
  };
  let entry: LedgerEntry;
  if (input.points > 0) {
    entry = await creditPoints(tx, { ...common, points: input.points, expiresAt: input.expiresAt ?? null });
  } else {
    const debit = await debitPoints(tx, { ...common, points: -input.points });
    if (!debit.ok) return { ok: false, reason: "insufficient_points" };
    entry = debit.entry;
  }
  const { balance } = await getBalance(tx, input.customerId);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "points.adjusted",
    entityType: "customer",
    entityId: input.customerId,
    oldValues: { balance: balance - input.points },
    newValues: { balance, points: input.points, reason: input.reason, transactionId: entry.id },
  });
  return { ok: true, entry, balance };
}
