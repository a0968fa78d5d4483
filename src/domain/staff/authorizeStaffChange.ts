import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { staffRoleSchema, type StaffRole } from "./staffRecord.ts";

const targetRow = z.object({ id: z.string(), role: staffRoleSchema });

/** Who is making a change: a person of the business (API keys never manage staff). */
export type StaffActor = { userId: string | null; role: StaffRole | "api" };

export type StaffChangeRefusal = "not_found" | "owner_protected" | "own_role";

export type AuthorizeStaffChangeResult =
  | { ok: true; targetRole: StaffRole }
  | { ok: false; reason: StaffChangeRefusal };

/**
 * Decides, inside the transaction that will make the change, whether `actor` may change the
 * vendor user `staffUserId` (any field, password or PIN): only an owner changes an owner, and
 * nobody changes their own role. It first locks every active owner row of the tenant (in id
 * order, so two owner changes queue behind each other instead of deadlocking) and then the
 * target: a concurrent change of another owner waits here, so the last-owner count that
 * follows reads committed state and two owners cannot demote each other at once.
 * Call it with the tenant set (withTenant): row-level security confines the lock to the tenant.
 */
export async function authorizeStaffChange(
  tx: Tx,
  input: { actor: StaffActor; staffUserId: string; newRole?: StaffRole | undefined },
): Promise<AuthorizeStaffChangeResult> {
  await lockTenantOwners(tx);
  const target = await tx.maybeOne(sql.type(targetRow)`
    SELECT id, COALESCE(role, 'staff') AS role FROM vendor_users
    WHERE id = ${input.staffUserId} AND deleted_at IS NULL
    FOR UPDATE
  `);
  if (target === null) return { ok: false, reason: "not_found" };
  if (target.role === "owner" && input.actor.role !== "owner") return { ok: false, reason: "owner_protected" };
  const changesRole = input.newRole !== undefined && input.newRole !== target.role;
  if (changesRole && input.actor.userId === target.id) return { ok: false, reason: "own_role" };
  return { ok: true, targetRole: target.role };
}

const idRow = z.object({ id: z.string() });

/** Locks the current tenant's owner rows (id order), the lock every owner change takes first. */
export async function lockTenantOwners(tx: Tx): Promise<void> {
  await tx.any(sql.type(idRow)`
    SELECT id FROM vendor_users WHERE role = 'owner' AND deleted_at IS NULL ORDER BY id FOR UPDATE
  `);
}
