import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

export type VendorPrincipal = {
  userId: string;
  role: "owner" | "admin" | "staff";
  permissions: unknown;
  tenantServing: boolean;
  /** The tenant is suspended for non-payment (its owner may still reach billing to pay). */
  tenantPayable: boolean;
  /** Bumped by a password change or disable (sql/0013e): older tokens are refused. */
  tokenVersion: number;
};

const row = z.object({
  id: z.string(),
  role: z.enum(["owner", "admin", "staff"]),
  permissions: z.unknown(),
  tenant_serving: z.boolean(),
  tenant_payable: z.boolean(),
  token_version: z.int(),
});

/**
 * The current tenant's active vendor user with their role and permissions as stored now (so a
 * disabled user or a changed role takes effect on the next request, not when the token
 * expires), and whether the tenant is serving. Null when the user is gone or disabled.
 */
export async function findVendorPrincipal(tx: Tx, userId: string): Promise<VendorPrincipal | null> {
  const found = await tx.maybeOne(sql.type(row)`
    SELECT u.id, COALESCE(u.role, 'staff') AS role, u.permissions, u.token_version,
           (t.deleted_at IS NULL AND COALESCE(t.is_active, true)
             AND COALESCE(t.subscription_status, 'trial') NOT IN ('suspended', 'cancelled')) AS tenant_serving,
           (t.deleted_at IS NULL AND COALESCE(t.is_active, true) AND t.subscription_status = 'suspended'
             AND COALESCE(b.suspended_for_nonpayment, COALESCE(t.subscription_ends_at, t.trial_ends_at) <= now())) IS TRUE AS tenant_payable
    FROM vendor_users u JOIN tenants t ON t.id = u.tenant_id LEFT JOIN tenant_billing b ON b.tenant_id = t.id
    WHERE u.id = ${userId} AND u.deleted_at IS NULL AND COALESCE(u.is_active, true)
  `);
  return found === null
    ? null
    : {
        userId: found.id,
        role: found.role,
        permissions: found.permissions,
        tenantServing: found.tenant_serving,
        tenantPayable: found.tenant_payable,
        tokenVersion: found.token_version,
      };
}
