import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { API_KEY_PREFIX } from "../../domain/apiKeys/apiKeyRecord.ts";
import { findApiKeyByToken } from "../../domain/apiKeys/findApiKeyByToken.ts";
import { findVendorPrincipal } from "../../domain/auth/findVendorPrincipal.ts";
import { findActivePlatformAdmin } from "../../domain/platform/findActivePlatformAdmin.ts";
import { isTenantServing } from "../../db/tenants.ts";
import { findTenantById } from "../../db/tenants.ts";
import { permissionsSchema, type AuthContext } from "./authContext.ts";
import { verifyToken } from "./tokens.ts";

export type AuthenticateResult =
  | { ok: true; auth: AuthContext }
  | { ok: false; reason: "missing" | "invalid" | "tenant_suspended" };

export type Authenticate = (authorization: string | undefined) => Promise<AuthenticateResult>;

/**
 * Turns an `Authorization: Bearer …` header into who is calling: a platform admin or vendor
 * user (a JWT from login), or a machine client (`llk_…` API key, role `api`). The user, key and
 * tenant are read again on every request, so disabling a user, revoking a key or suspending a
 * tenant takes effect at once.
 */
export function createAuthenticator(deps: { pool: DatabasePool; jwtSecret: string }): Authenticate {
  return async (authorization) => {
    const match = /^Bearer ([\x21-\x7e]{1,2048})$/.exec(authorization ?? "");
    const credential = match?.[1];
    if (credential === undefined) return { ok: false, reason: authorization === undefined ? "missing" : "invalid" };

    if (credential.startsWith(API_KEY_PREFIX)) {
      const found = await withPlatform(deps.pool, async (tx) => {
        const key = await findApiKeyByToken(tx, credential, new Date());
        if (key === null) return null;
        const tenant = await findTenantById(tx, key.tenantId);
        return { key, serving: tenant !== null && isTenantServing(tenant) };
      });
      if (found === null) return { ok: false, reason: "invalid" };
      if (!found.serving) return { ok: false, reason: "tenant_suspended" };
      return {
        ok: true,
        auth: { kind: "vendor", tenantId: found.key.tenantId, userId: null, apiKeyId: found.key.id, role: "api", permissions: {}, scopes: found.key.scopes },
      };
    }

    const claims = await verifyToken(deps.jwtSecret, credential);
    if (claims === null) return { ok: false, reason: "invalid" };
    if (claims.kind === "platform") {
      const admin = await withPlatform(deps.pool, (tx) => findActivePlatformAdmin(tx, claims.sub));
      if (admin === null || admin.token_version !== (claims.ver ?? 0)) return { ok: false, reason: "invalid" };
      return { ok: true, auth: { kind: "platform", adminId: admin.id, role: admin.role } };
    }
    const principal = await withTenant(deps.pool, claims.tenant_id, (tx) => findVendorPrincipal(tx, claims.sub));
    // A password change or disable since the token was issued revokes it (token_version).
    if (principal === null || principal.tokenVersion !== (claims.ver ?? 0)) return { ok: false, reason: "invalid" };
    if (!principal.tenantServing) return { ok: false, reason: "tenant_suspended" };
    return {
      ok: true,
      auth: {
        kind: "vendor",
        tenantId: claims.tenant_id,
        userId: principal.userId,
        apiKeyId: null,
        role: principal.role,
        permissions: permissionsSchema.parse(principal.permissions ?? {}),
      },
    };
  };
}
