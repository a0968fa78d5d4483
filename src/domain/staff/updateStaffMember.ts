import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { hashSecret } from "../auth/passwords.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";
import { lockTenantOwners } from "./authorizeStaffChange.ts";
import { staffColumns, staffRecordSchema, type StaffMember, type StaffRole } from "./staffRecord.ts";

const countRow = z.object({ count: z.number().int() });

const existsRow = z.object({ x: z.number() });

export type StaffChanges = {
  fullName?: string;
  phoneNumber?: string | null;
  role?: StaffRole;
  permissions?: Record<string, boolean>;
  password?: string;
  /** false disables: the user can no longer log in or use the staff chat. */
  isActive?: boolean;
};

export type UpdateStaffMemberResult =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: "not_found" | "phone_taken" | "last_owner" | "plan_limit" };

/**
 * Changes a vendor user, or disables them, with an audit row (`staff.updated` / `staff.disabled`)
 * that never holds a secret. The tenant's last active owner cannot be demoted or disabled.
 * Enabling a disabled user, or demoting an owner, respects the plan's `max_staff` (disabled
 * users do not count against it, so taking one back must).
 */
export async function updateStaffMember(
  tx: Tx,
  input: { tenantId: string; staffUserId: string; userId: string | null; changes: StaffChanges },
): Promise<UpdateStaffMemberResult> {
  // Owners first, then the target (authorizeStaffChange's order): the last-owner count below
  // then sees every concurrent owner change committed, never two demotions passing at once.
  await lockTenantOwners(tx);
  const before = await tx.maybeOne(sql.type(staffRecordSchema)`
    SELECT ${staffColumns} FROM vendor_users WHERE id = ${input.staffUserId} AND deleted_at IS NULL FOR UPDATE
  `);
  if (before === null) return { ok: false, reason: "not_found" };
  const c = input.changes;
  const losesOwner = before.role === "owner" && ((c.role !== undefined && c.role !== "owner") || c.isActive === false);
  if (losesOwner) {
    const owners = await tx.oneFirst(sql.type(countRow)`
      SELECT count(*) AS count FROM vendor_users
      WHERE role = 'owner' AND deleted_at IS NULL AND COALESCE(is_active, true) AND id <> ${before.id}
    `);
    if (owners === 0) return { ok: false, reason: "last_owner" };
  }
  const joinsStaffCount =
    (c.isActive === true && !before.isActive && (c.role ?? before.role) !== "owner") ||
    (before.role === "owner" && c.role !== undefined && c.role !== "owner" && (c.isActive ?? before.isActive));
  if (joinsStaffCount && !(await hasStaffRoom(tx, input.tenantId))) return { ok: false, reason: "plan_limit" };
  if (c.phoneNumber !== undefined && c.phoneNumber !== null && c.phoneNumber !== before.phoneNumber) {
    const taken = await tx.exists(sql.type(existsRow)`
      SELECT 1 AS x FROM vendor_users WHERE phone_number = ${c.phoneNumber} AND deleted_at IS NULL AND id <> ${before.id}
    `);
    if (taken) return { ok: false, reason: "phone_taken" };
  }
  const sets = [sql.fragment`updated_at = now()`];
  if (c.fullName !== undefined) sets.push(sql.fragment`full_name = ${c.fullName}`);
  if (c.phoneNumber !== undefined) sets.push(sql.fragment`phone_number = ${c.phoneNumber}`);
  if (c.role !== undefined) sets.push(sql.fragment`role = ${c.role}`);
  if (c.permissions !== undefined) sets.push(sql.fragment`permissions = ${sql.jsonb(c.permissions)}`);
  if (c.password !== undefined) sets.push(sql.fragment`password_hash = ${await hashSecret(c.password)}`);
  if (c.isActive !== undefined) sets.push(sql.fragment`is_active = ${c.isActive}`);
  const staff = await tx.one(sql.type(staffRecordSchema)`
    UPDATE vendor_users SET ${sql.join(sets, sql.fragment`, `)} WHERE id = ${before.id} RETURNING ${staffColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: c.isActive === false && before.isActive ? "staff.disabled" : "staff.updated",
    entityType: "vendor_user",
    entityId: staff.id,
    oldValues: { role: before.role, isActive: before.isActive },
    newValues: {
      role: staff.role,
      isActive: staff.isActive,
      passwordChanged: c.password !== undefined,
      ...(c.permissions === undefined ? {} : { permissions: c.permissions }),
    },
  });
  return { ok: true, staff };
}

async function hasStaffRoom(tx: Tx, tenantId: string): Promise<boolean> {
  const { maxStaff } = await getPlanLimits(tx, tenantId);
  if (maxStaff === null) return true;
  // The same lock createStaffMember takes, so an enable and a creation cannot both take the last seat.
  await tx.query(sql.type(noRows)`SELECT pg_advisory_xact_lock(hashtextextended(${`staff:${tenantId}`}, 0))`);
  const count = await tx.oneFirst(sql.type(countRow)`
    SELECT count(*) AS count FROM vendor_users
    WHERE tenant_id = ${tenantId} AND deleted_at IS NULL AND COALESCE(is_active, true) AND role <> 'owner'
  `);
  return count < maxStaff;
}
