import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { verifySecret } from "../auth/passwords.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";

export type CheckStaffPinInput = {
  /** The sender's phone: the platform-level contacts row keeps the failure count and lock. */
  contactPhone: string;
  staffUserId: string;
  pin: string;
  now: Date;
  /** The audit action a lockout writes; the owner chat checks the same PIN and count as `owner.pin_locked`. */
  lockAction?: string;
};

export type CheckStaffPinResult =
  | { ok: true }
  | { ok: false; reason: "wrong_pin"; attemptsLeft: number }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "no_pin" };

/** Wrong PINs allowed before the staff chat locks (docs/architecture.md, Routing and identity). */
export const MAX_PIN_FAILURES = 5;
/** How long a lock lasts. */
export const PIN_LOCK_MS = 15 * 60 * 1000;

const contactRow = z.object({ pin_failures: z.number().int(), pin_locked_until: z.date().nullable() });
const pinRow = z.object({ tenant_id: z.string(), staff_pin_hash: z.string().nullable(), pin_enabled: z.boolean() });

/**
 * Checks a staff member's PIN. The failure count and lock live on the sender's contacts row
 * (platform-level, no tenant_id, readable by the app role); the caller holds that row's lock
 * (the engine locks it per message), so counts cannot race. A missing contact row is created.
 *
 * - While locked: `locked` with the time it ends, and the PIN is not even checked.
 * - Right: the failure count is reset.
 * - Wrong: the count goes up; the 5th wrong PIN locks the chat for 15 minutes and writes an
 *   audit_logs row (`staff.pin_locked`). A lock that has passed starts a fresh count.
 */
export async function checkStaffPin(tx: Tx, input: CheckStaffPinInput): Promise<CheckStaffPinResult> {
  // The proposed row names the current tenant: under the tenant role, contacts' row-level
  // security (sql/0013d) only admits rows of this tenant, ON CONFLICT's proposed row included.
  await tx.query(sql.type(noRows)`
    INSERT INTO contacts (phone_number, staff_tenant_id) VALUES (${input.contactPhone}, app_current_tenant())
    ON CONFLICT (phone_number) DO NOTHING
  `);
  const contact = await tx.one(sql.type(contactRow)`
    SELECT pin_failures, pin_locked_until FROM contacts WHERE phone_number = ${input.contactPhone}
  `);
  const lockedUntil = contact.pin_locked_until;
  if (lockedUntil !== null && lockedUntil.getTime() > input.now.getTime())
    return { ok: false, reason: "locked", until: lockedUntil };

  const staff = await tx.maybeOne(sql.type(pinRow)`
    SELECT tenant_id, staff_pin_hash, COALESCE(pin_enabled, false) AS pin_enabled FROM vendor_users
    WHERE id = ${input.staffUserId} AND deleted_at IS NULL AND COALESCE(is_active, true)
  `);
  if (staff === null || !staff.pin_enabled || staff.staff_pin_hash === null) return { ok: false, reason: "no_pin" };

  if (await verifySecret(input.pin, staff.staff_pin_hash)) {
    await tx.query(sql.type(noRows)`
      UPDATE contacts SET pin_failures = 0, pin_locked_until = NULL WHERE phone_number = ${input.contactPhone}
    `);
    return { ok: true };
  }

  const failures = (lockedUntil === null ? contact.pin_failures : 0) + 1;
  if (failures < MAX_PIN_FAILURES) {
    await tx.query(sql.type(noRows)`
      UPDATE contacts SET pin_failures = ${failures}, pin_locked_until = NULL WHERE phone_number = ${input.contactPhone}
    `);
    return { ok: false, reason: "wrong_pin", attemptsLeft: MAX_PIN_FAILURES - failures };
  }
  const until = new Date(input.now.getTime() + PIN_LOCK_MS);
  await tx.query(sql.type(noRows)`
    UPDATE contacts SET pin_failures = ${failures}, pin_locked_until = ${sql.timestamp(until)}
    WHERE phone_number = ${input.contactPhone}
  `);
  await writeAuditLog(tx, {
    tenantId: staff.tenant_id,
    actor: { userType: "system", userId: null },
    action: input.lockAction ?? "staff.pin_locked",
    entityType: "vendor_user",
    entityId: input.staffUserId,
    newValues: { lockedUntil: until.toISOString(), failures },
  });
  return { ok: false, reason: "locked", until };
}
