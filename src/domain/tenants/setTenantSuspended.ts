import { noRows, sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { findTenant } from "./findTenant.ts";
import type { Tenant } from "./tenantRecord.ts";

export type SetTenantSuspendedResult =
  | { ok: true; tenant: Tenant; changed: boolean }
  | { ok: false; reason: "not_found" | "cancelled" };

/**
 * Suspends a tenant (its bot answers politely and records nothing; its vendor API refuses) or
 * reactivates it (back to `trial` while the trial runs, else `active`), on the platform path,
 * with an audit row (`tenant.suspended` / `tenant.reactivated`). Repeating it changes nothing.
 */
export async function setTenantSuspended(
  tx: Tx,
  input: { tenantId: string; suspended: boolean; reason: string | null; adminId: string; now: Date },
): Promise<SetTenantSuspendedResult> {
  const before = await findTenant(tx, input.tenantId);
  if (before === null) return { ok: false, reason: "not_found" };
  if (before.subscriptionStatus === "cancelled") return { ok: false, reason: "cancelled" };
  const isSuspended = before.subscriptionStatus === "suspended";
  if (isSuspended === input.suspended) return { ok: true, tenant: before, changed: false };
  const status = input.suspended
    ? "suspended"
    : before.trialEndsAt !== null &&
        before.trialEndsAt.getTime() > input.now.getTime() &&
        before.subscriptionStartsAt === null
      ? "trial"
      : "active";
  await tx.query(sql.type(noRows)`
    UPDATE tenants SET subscription_status = ${status}, updated_at = now() WHERE id = ${input.tenantId}
  `);
  // An admin's suspension is not for non-payment: a payment must not lift it (billing, 0018).
  await tx.query(sql.type(noRows)`
    INSERT INTO tenant_billing (tenant_id, suspended_for_nonpayment) VALUES (${input.tenantId}, false)
    ON CONFLICT (tenant_id) DO UPDATE SET suspended_for_nonpayment = false, updated_at = now()
  `);
  const tenant = await findTenant(tx, input.tenantId);
  if (tenant === null) return { ok: false, reason: "not_found" };
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "platform_admin", userId: input.adminId },
    action: input.suspended ? "tenant.suspended" : "tenant.reactivated",
    entityType: "tenant",
    entityId: input.tenantId,
    oldValues: { status: before.subscriptionStatus },
    newValues: { status, ...(input.reason === null ? {} : { reason: input.reason }) },
  });
  return { ok: true, tenant, changed: true };
}
