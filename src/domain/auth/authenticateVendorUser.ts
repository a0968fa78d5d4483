import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { findTenantByVendorCode, isTenantServing } from "../../db/tenants.ts";
import { enterTenant } from "../../db/withTenant.ts";
import { verifySecret } from "./passwords.ts";
import { isSuspendedForNonpayment } from "../subscriptions/isSuspendedForNonpayment.ts";
import { DUMMY_HASH } from "./dummyHash.ts";

export type AuthenticateVendorUserInput = { vendorCode: string; email: string; password: string; now: Date };

export type AuthenticateVendorUserResult =
  | { ok: true; userId: string; tenantId: string; role: "owner" | "admin" | "staff"; tokenVersion: number }
  | { ok: false; reason: "invalid_credentials" | "tenant_suspended" };

const userRow = z.object({
  id: z.string(),
  password_hash: z.string(),
  role: z.enum(["owner", "admin", "staff"]),
  token_version: z.int(),
});

/**
 * Checks a vendor user's password. Starts on the platform path (the vendor code picks the
 * tenant), then switches the transaction to that tenant, so the user is read under RLS.
 * An unknown code, unknown email, disabled user and wrong password are one result, and each
 * costs one scrypt verification, so neither the answer nor its timing reveals which it was.
 * A right password for a paused tenant is `tenant_suspended`, except for the owner of a tenant
 * suspended for non-payment (who signs in to pay). Success records `last_login_at`.
 */
export async function authenticateVendorUser(
  tx: Tx,
  input: AuthenticateVendorUserInput,
): Promise<AuthenticateVendorUserResult> {
  const tenant = await findTenantByVendorCode(tx, input.vendorCode.trim());
  let user: z.infer<typeof userRow> | null = null;
  if (tenant !== null) {
    await enterTenant(tx, tenant.id);
    user = await tx.maybeOne(sql.type(userRow)`
      SELECT id, password_hash, COALESCE(role, 'staff') AS role, token_version FROM vendor_users
      WHERE email = ${input.email.trim().toLowerCase()} AND deleted_at IS NULL AND COALESCE(is_active, true)
    `);
  }
  const matches = await verifySecret(input.password, user?.password_hash ?? DUMMY_HASH);
  if (tenant === null || user === null || !matches) return { ok: false, reason: "invalid_credentials" };
  // The owner of a business suspended for non-payment may sign in to pay (billing routes only).
  if (!isTenantServing(tenant) && !(user.role === "owner" && (await isSuspendedForNonpayment(tx, tenant.id)))) {
    return { ok: false, reason: "tenant_suspended" };
  }
  await tx.query(sql.type(noRows)`
    UPDATE vendor_users SET last_login_at = ${sql.timestamp(input.now)} WHERE id = ${user.id}
  `);
  return { ok: true, userId: user.id, tenantId: tenant.id, role: user.role, tokenVersion: user.token_version };
}
