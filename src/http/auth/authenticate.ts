import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { API_KEY_PREFIX } from "../../domain/apiKeys/apiKeyRecord.ts";
import { findApiKeyByToken } from "../../domain/apiKeys/findApiKeyByToken.ts";
import { findVendorPrincipal } from "../../domain/auth/findVendorPrincipal.ts";
import { findActivePlatformAdmin } from "../../domain/platform/findActivePlatformAdmin.ts";
import { findWebSession } from "../../domain/sessions/findWebSession.ts";
import { isCsrfTokenValid, type WebSessionKind } from "../../domain/sessions/webSession.ts";
import { isTenantServing } from "../../db/tenants.ts";
import { findTenantById } from "../../db/tenants.ts";
import { permissionsSchema, type AuthContext } from "./authContext.ts";
import { SESSION_COOKIES, readCookie } from "./sessionCookie.ts";
import { verifyToken } from "./tokens.ts";

export type AuthenticateResult =
  | { ok: true; auth: AuthContext }
  | { ok: false; reason: "missing" | "invalid" | "tenant_suspended" | "csrf" };

/** The browser-session side of a request: its cookies, CSRF header, and which API it calls. */
export type SessionCredentials = {
  cookie: string | undefined;
  csrfToken: string | undefined;
  /** GET/HEAD change nothing, so they need no CSRF token. */
  safeMethod: boolean;
  kind: WebSessionKind;
};

export type Authenticate = (
  authorization: string | undefined,
  session?: SessionCredentials,
) => Promise<AuthenticateResult>;

/**
 * Turns an `Authorization: Bearer …` header into who is calling: a platform admin or vendor
 * user (a JWT from login), or a machine client (`llk_…` API key, role `api`). The user, key and
 * tenant are read again on every request, so disabling a user, revoking a key or suspending a
 * tenant takes effect at once.
 */
export function createAuthenticator(deps: { pool: DatabasePool; jwtSecret: string }): Authenticate {
  const fromClaims = (claims: Who) => authenticateClaims(deps.pool, claims);
  return async (authorization, session) => {
    // A browser session when no Authorization header is sent; a header always wins (it is not
    // ambient, so it needs no CSRF token).
    if (authorization === undefined && session !== undefined) {
      const secret = readCookie(session.cookie, SESSION_COOKIES[session.kind].name);
      if (secret !== undefined) return authenticateSession(deps, secret, session, fromClaims);
    }
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
        auth: {
          kind: "vendor",
          tenantId: found.key.tenantId,
          userId: null,
          apiKeyId: found.key.id,
          role: "api",
          permissions: {},
          scopes: found.key.scopes,
          apiKeyKind: found.key.kind,
        },
      };
    }

    const claims = await verifyToken(deps.jwtSecret, credential);
    if (claims === null) return { ok: false, reason: "invalid" };
    // Tokens always name the user's token version (one signed before versions counts as 0).
    return fromClaims({ ...claims, ver: claims.ver ?? 0 });
  };
}

/**
 * `ver`: the token version a bearer token was signed with; a password change or disable since
 * then revokes the token. Absent for a browser session, which sign-out and a disabled user end.
 */
export type Who = (
  | { sub: string; kind: "platform"; tenant_id: null }
  | { sub: string; kind: "vendor"; tenant_id: string }
) & { ver?: number };

/**
 * The caller named by a verified token or a live session, as stored now: the user, admin and
 * tenant are read again, so a disabled user or a suspended tenant is refused at once.
 */
export async function authenticateClaims(pool: DatabasePool, claims: Who): Promise<AuthenticateResult> {
  if (claims.kind === "platform") {
    const admin = await withPlatform(pool, (tx) => findActivePlatformAdmin(tx, claims.sub));
    if (admin === null || (claims.ver !== undefined && admin.token_version !== claims.ver))
      return { ok: false, reason: "invalid" };
    return { ok: true, auth: { kind: "platform", adminId: admin.id, role: admin.role } };
  }
  const principal = await withTenant(pool, claims.tenant_id, (tx) => findVendorPrincipal(tx, claims.sub));
  // A password change or disable since the token was issued revokes it (token_version).
  if (principal === null || (claims.ver !== undefined && principal.tokenVersion !== claims.ver))
    return { ok: false, reason: "invalid" };
  // An owner of a business suspended for non-payment keeps the billing routes, to pay.
  const billingOnly = !principal.tenantServing && principal.tenantPayable && principal.role === "owner";
  if (!principal.tenantServing && !billingOnly) return { ok: false, reason: "tenant_suspended" };
  return {
    ok: true,
    auth: {
      kind: "vendor",
      tenantId: claims.tenant_id,
      userId: principal.userId,
      apiKeyId: null,
      role: principal.role,
      permissions: permissionsSchema.parse(principal.permissions ?? {}),
      ...(billingOnly ? { billingOnly: true } : {}),
    },
  };
}

async function authenticateSession(
  deps: { pool: DatabasePool; jwtSecret: string },
  secret: string,
  session: SessionCredentials,
  fromClaims: (claims: Who) => Promise<AuthenticateResult>,
): Promise<AuthenticateResult> {
  const found = await withPlatform(deps.pool, (tx) => findWebSession(tx, session.kind, secret, new Date()));
  if (found === null) return { ok: false, reason: "invalid" };
  // Checked after the session is known to be live, so a forged page learns nothing either way.
  if (!session.safeMethod && !isCsrfTokenValid(deps.jwtSecret, secret, session.csrfToken))
    return { ok: false, reason: "csrf" };
  return found.kind === "platform"
    ? fromClaims({ sub: found.adminId, kind: "platform", tenant_id: null })
    : fromClaims({ sub: found.userId, kind: "vendor", tenant_id: found.tenantId });
}
