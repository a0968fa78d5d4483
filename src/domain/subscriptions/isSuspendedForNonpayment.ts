import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const row = z.object({ payable: z.boolean() });

/**
 * Whether the tenant is suspended only because it has not paid (not by an admin, not
 * cancelled): its owner may then still sign in, to the billing routes only, and pay to
 * reactivate it. Tenants suspended by the older expiry job (no billing row) for an ended trial or
 * a lapsed period count as unpaid too. Works on the platform path and under the tenant's RLS.
 */
export async function isSuspendedForNonpayment(tx: Tx, tenantId: string): Promise<boolean> {
  const found = await tx.maybeOneFirst(sql.type(row)`
    SELECT (t.subscription_status = 'suspended' AND t.deleted_at IS NULL AND COALESCE(t.is_active, true) AND COALESCE(
              b.suspended_for_nonpayment,
              COALESCE(t.subscription_ends_at, t.trial_ends_at) <= now())) AS payable
    FROM tenants t LEFT JOIN tenant_billing b ON b.tenant_id = t.id
    WHERE t.id = ${tenantId}
  `);
  return found === true;
}
