import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { hashSecret } from "../auth/passwords.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { isValidPin } from "./staffRecord.ts";

const idRow = z.object({ id: z.string() });

export type SetStaffPinResult = { ok: true } | { ok: false; reason: "not_found" | "invalid_pin" };

/**
 * Sets (or, with `pin: null`, removes) a staff member's PIN, stored as a scrypt hash, and writes
 * an audit_logs row (`staff.pin_changed`) naming who changed it, never the PIN.
 */
export async function setStaffPin(
  tx: Tx,
  input: { tenantId: string; staffUserId: string; pin: string | null; userId: string },
): Promise<SetStaffPinResult> {
  if (input.pin !== null && !isValidPin(input.pin)) return { ok: false, reason: "invalid_pin" };
  const pinHash = input.pin === null ? null : await hashSecret(input.pin);
  const id = await tx.maybeOneFirst(sql.type(idRow)`
    UPDATE vendor_users SET staff_pin_hash = ${pinHash}, pin_enabled = ${pinHash !== null}, pin_setup_until = NULL
    WHERE id = ${input.staffUserId} AND deleted_at IS NULL
    RETURNING id
  `);
  if (id === null) return { ok: false, reason: "not_found" };
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "staff.pin_changed",
    entityType: "vendor_user",
    entityId: id,
    newValues: { pinEnabled: pinHash !== null },
  });
  return { ok: true };
}
