import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { findTenant } from "./findTenant.ts";
import type { Tenant } from "./tenantRecord.ts";

const planIdRow = z.object({ id: z.string() });

const existsRow = z.object({ x: z.number() });

export type TenantChanges = {
  businessName?: string;
  email?: string | null;
  phoneNumber?: string;
  planSlug?: string;
  subscriptionEndsAt?: Date | null;
  trialEndsAt?: Date | null;
};

export type UpdateTenantResult =
  | { ok: true; tenant: Tenant }
  | { ok: false; reason: "not_found" | "unknown_plan" | "phone_taken" };

/** Changes a tenant's details or plan (platform path) and writes an audit row (`tenant.updated`). */
export async function updateTenant(
  tx: Tx,
  input: { tenantId: string; changes: TenantChanges; adminId: string },
): Promise<UpdateTenantResult> {
  const before = await findTenant(tx, input.tenantId);
  if (before === null) return { ok: false, reason: "not_found" };
  const c = input.changes;
  let planId: string | null = null;
  if (c.planSlug !== undefined) {
    planId = await tx.maybeOneFirst(sql.type(planIdRow)`
      SELECT id FROM subscription_plans WHERE slug = ${c.planSlug} AND COALESCE(is_active, true)
    `);
    if (planId === null) return { ok: false, reason: "unknown_plan" };
  }
  if (c.phoneNumber !== undefined && c.phoneNumber !== before.phoneNumber) {
    const taken = await tx.exists(sql.type(existsRow)`
      SELECT 1 AS x FROM tenants WHERE phone_number = ${c.phoneNumber} AND id <> ${input.tenantId}
    `);
    if (taken) return { ok: false, reason: "phone_taken" };
  }
  const sets = [sql.fragment`updated_at = now()`];
  if (c.businessName !== undefined) sets.push(sql.fragment`business_name = ${c.businessName}`);
  if (c.email !== undefined) sets.push(sql.fragment`email = ${c.email}`);
  if (c.phoneNumber !== undefined) sets.push(sql.fragment`phone_number = ${c.phoneNumber}`);
  if (planId !== null) sets.push(sql.fragment`subscription_plan_id = ${planId}`);
  if (c.subscriptionEndsAt !== undefined) {
    sets.push(
      sql.fragment`subscription_ends_at = ${c.subscriptionEndsAt === null ? null : sql.timestamp(c.subscriptionEndsAt)}`,
    );
  }
  if (c.trialEndsAt !== undefined) {
    sets.push(sql.fragment`trial_ends_at = ${c.trialEndsAt === null ? null : sql.timestamp(c.trialEndsAt)}`);
  }
  await tx.query(sql.type(noRows)`
    UPDATE tenants SET ${sql.join(sets, sql.fragment`, `)} WHERE id = ${input.tenantId}
  `);
  const tenant = await findTenant(tx, input.tenantId);
  if (tenant === null) return { ok: false, reason: "not_found" };
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "platform_admin", userId: input.adminId },
    action: "tenant.updated",
    entityType: "tenant",
    entityId: input.tenantId,
    oldValues: {
      businessName: before.businessName,
      email: before.email,
      phoneNumber: before.phoneNumber,
      plan: before.planSlug,
    },
    newValues: {
      businessName: tenant.businessName,
      email: tenant.email,
      phoneNumber: tenant.phoneNumber,
      plan: tenant.planSlug,
    },
  });
  return { ok: true, tenant };
}
