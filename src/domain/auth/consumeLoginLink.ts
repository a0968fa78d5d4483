import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { findTenantById, isTenantServing } from "../../db/tenants.ts";
import { enterTenant } from "../../db/withTenant.ts";
import { hashLoginToken } from "./createLoginLink.ts";

export type ConsumeLoginLinkResult =
  | { ok: true; userId: string; tenantId: string; role: "owner" | "admin" | "staff" }
  | { ok: false; reason: "invalid" | "tenant_suspended" };

const linkRow = z.object({ tenant_id: z.string(), vendor_user_id: z.string() });
const userRow = z.object({ role: z.enum(["owner", "admin", "staff"]) });

/**
 * Accepts a one-time sign-in token. Starts on the platform path (the token is all the caller
 * has): one UPDATE marks the link used only if it is unused and unexpired, so two requests with
 * the same token cannot both succeed. Then, as the link's tenant, the user must still be active.
 * Unknown, used, expired and disabled are one answer (`invalid`), so the answer reveals nothing.
 */
export async function consumeLoginLink(tx: Tx, input: { token: string; now: Date }): Promise<ConsumeLoginLinkResult> {
  const link = await tx.maybeOne(sql.type(linkRow)`
    UPDATE login_links SET used_at = ${sql.timestamp(input.now)}
    WHERE token_hash = ${hashLoginToken(input.token)} AND used_at IS NULL AND expires_at > ${sql.timestamp(input.now)}
    RETURNING tenant_id, vendor_user_id
  `);
  if (link === null) return { ok: false, reason: "invalid" };
  const tenant = await findTenantById(tx, link.tenant_id);
  if (tenant === null) return { ok: false, reason: "invalid" };
  await enterTenant(tx, tenant.id);
  const user = await tx.maybeOne(sql.type(userRow)`
    SELECT COALESCE(role, 'staff') AS role FROM vendor_users
    WHERE id = ${link.vendor_user_id} AND deleted_at IS NULL AND COALESCE(is_active, true)
  `);
  if (user === null) return { ok: false, reason: "invalid" };
  if (!isTenantServing(tenant)) return { ok: false, reason: "tenant_suspended" };
  await tx.query(sql.type(noRows)`
    UPDATE vendor_users SET last_login_at = ${sql.timestamp(input.now)} WHERE id = ${link.vendor_user_id}
  `);
  return { ok: true, userId: link.vendor_user_id, tenantId: tenant.id, role: user.role };
}
