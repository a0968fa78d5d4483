import { randomBytes } from "node:crypto";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { hashSecret } from "../auth/passwords.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";
import { isValidPin, staffColumns, staffRecordSchema, type StaffMember, type StaffRole } from "./staffRecord.ts";

const countRow = z.object({ count: z.number().int() });

const existsRow = z.object({ x: z.number() });

export type CreateStaffMemberInput = {
  tenantId: string;
  email: string;
  fullName: string;
  /** WhatsApp id (`2348012345678`); staff without one cannot use the staff chat. */
  phoneNumber: string | null;
  role: StaffRole;
  /** Omitted: the user cannot log in to the vendor API until a password is set. */
  password?: string;
  /** 4–6 digits; stored only as a slow hash. */
  pin?: string;
  createdByUserId?: string | null;
};

export type CreateStaffMemberResult =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: "plan_limit" | "invalid_pin" | "email_taken" | "phone_taken" };

/**
 * Adds a vendor user (owner, admin or staff), hashing the password and PIN with scrypt.
 * Respects the plan's `max_staff` (owners, disabled and deleted users do not count; -1 is unlimited) under a per-tenant
 * advisory lock, and writes an audit_logs row (`staff.created`) without any secret.
 */
export async function createStaffMember(tx: Tx, input: CreateStaffMemberInput): Promise<CreateStaffMemberResult> {
  if (input.pin !== undefined && !isValidPin(input.pin)) return { ok: false, reason: "invalid_pin" };
  if (input.role !== "owner") {
    const { maxStaff } = await getPlanLimits(tx, input.tenantId);
    if (maxStaff !== null) {
      await tx.query(sql.type(noRows)`
        SELECT pg_advisory_xact_lock(hashtextextended(${`staff:${input.tenantId}`}, 0))
      `);
      const count = await tx.oneFirst(sql.type(countRow)`
        SELECT count(*) AS count FROM vendor_users
        WHERE tenant_id = ${input.tenantId} AND deleted_at IS NULL AND COALESCE(is_active, true) AND role <> 'owner'
      `);
      if (count >= maxStaff) return { ok: false, reason: "plan_limit" };
    }
  }
  const passwordHash = await hashSecret(input.password ?? randomBytes(32).toString("base64"));
  const pinHash = input.pin === undefined ? null : await hashSecret(input.pin);
  const staff = await tx.maybeOne(sql.type(staffRecordSchema)`
    INSERT INTO vendor_users (tenant_id, email, password_hash, phone_number, full_name, role, staff_pin_hash, pin_enabled)
    VALUES (
      ${input.tenantId}, ${input.email.trim().toLowerCase()}, ${passwordHash}, ${input.phoneNumber},
      ${input.fullName}, ${input.role}, ${pinHash}, ${pinHash !== null}
    )
    ON CONFLICT DO NOTHING
    RETURNING ${staffColumns}
  `);
  if (staff === null) {
    const emailTaken = await tx.exists(sql.type(existsRow)`
      SELECT 1 AS x FROM vendor_users WHERE tenant_id = ${input.tenantId} AND email = ${input.email.trim().toLowerCase()}
    `);
    return { ok: false, reason: emailTaken ? "email_taken" : "phone_taken" };
  }
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.createdByUserId ?? null),
    action: "staff.created",
    entityType: "vendor_user",
    entityId: staff.id,
    newValues: { role: staff.role, pinEnabled: staff.pinEnabled },
  });
  return { ok: true, staff };
}
