import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withPlatform } from "../../db/withTenant.ts";
import { authenticateVendorUser } from "../../domain/auth/authenticateVendorUser.ts";
import { authenticatePlatformAdmin } from "../../domain/platform/authenticatePlatformAdmin.ts";
import { createWebSession } from "../../domain/sessions/createWebSession.ts";
import { endWebSession } from "../../domain/sessions/endWebSession.ts";
import { findWebSession } from "../../domain/sessions/findWebSession.ts";
import {
  csrfTokenFor,
  isCsrfTokenValid,
  WEB_SESSION_TTL_SECONDS,
  type WebSessionKind,
} from "../../domain/sessions/webSession.ts";
import { AppError, ForbiddenError, UnauthorizedError } from "../../errors.ts";
import {
  noBody,
  noParams,
  noQuery,
  publicRoute,
  type ApiRoute,
  type Reply,
  type RequestHeaders,
} from "../openapi/defineRoute.ts";
import { authenticateClaims, type AuthenticateResult } from "./authenticate.ts";
import { createLoginRateLimit } from "./loginRateLimit.ts";
import { readCookie, SESSION_COOKIES, sessionCookieHeader } from "./sessionCookie.ts";
import { verifyToken } from "./tokens.ts";

const password = z.string().min(1).max(200);

const vendorSessionBody = z
  .union([
    z.strictObject({ vendor_code: z.string().trim().min(1).max(20), email: z.string().trim().max(255), password }),
    z.strictObject({}),
  ])
  .meta({
    id: "VendorSessionStart",
    description:
      "Vendor code, email and password; or {} with `Authorization: Bearer <vendor JWT>` (the WhatsApp LOGIN link's token) to exchange it",
  });

const platformSessionBody = z
  .strictObject({ email: z.string().trim().max(255), password })
  .meta({ id: "PlatformSessionStart" });

const sessionResponse = z
  .object({
    kind: z.enum(["vendor", "platform"]),
    csrf_token: z.string().meta({ description: "Send it as X-CSRF-Token on every request that changes something" }),
    expires_at: z.string(),
    role: z.string(),
    tenant_id: z.uuid().nullable(),
    user_id: z.uuid(),
  })
  .meta({ id: "WebSession" });

const signedOutResponse = z.object({ signed_out: z.literal(true) }).meta({ id: "SignedOut" });

const INVALID = "Invalid credentials";

/**
 * Cookie sessions for the browser front ends: `POST|GET|DELETE /api/v1/auth/session` (the
 * vendor dashboard) and `/api/platform/auth/session` (the platform console). Starting one sets an
 * httpOnly, SameSite=Strict cookie and answers with the session's CSRF token; reading one gives
 * the token again (after a page reload); deleting one ends it on the server.
 */
export function sessionRoutes(deps: { pool: DatabasePool; jwtSecret: string; secureCookies: boolean }): ApiRoute[] {
  const { pool, jwtSecret } = deps;
  const limit = createLoginRateLimit();

  const started = async (kind: WebSessionKind, who: StartedBy): Promise<Reply> => {
    const now = new Date();
    const session = await withPlatform(pool, (tx) =>
      createWebSession(
        tx,
        who.kind === "vendor"
          ? { kind: "vendor", tenantId: who.tenantId, userId: who.userId }
          : { kind: "platform", adminId: who.adminId },
        now,
      ),
    );
    return {
      status: 201,
      json: describe(kind, session.secret, session.expiresAt, who),
      headers: { "set-cookie": sessionCookieHeader(kind, session.secret, WEB_SESSION_TTL_SECONDS, deps.secureCookies) },
    };
  };

  const describe = (kind: WebSessionKind, secret: string, expiresAt: Date, who: StartedBy) => ({
    kind,
    csrf_token: csrfTokenFor(jwtSecret, secret),
    expires_at: expiresAt.toISOString(),
    role: who.role,
    tenant_id: who.kind === "vendor" ? who.tenantId : null,
    user_id: who.kind === "vendor" ? who.userId : who.adminId,
  });

  /** The live session named by the request's cookie, with its caller as stored now. */
  const current = async (kind: WebSessionKind, headers: RequestHeaders) => {
    const secret = readCookie(headers.cookie, SESSION_COOKIES[kind].name);
    if (secret === undefined) throw new UnauthorizedError("Not signed in");
    const session = await withPlatform(pool, (tx) => findWebSession(tx, kind, secret, new Date()));
    if (session === null) throw new UnauthorizedError("The session has ended; sign in again");
    const result = await authenticateClaims(
      pool,
      session.kind === "vendor"
        ? { sub: session.userId, kind: "vendor", tenant_id: session.tenantId }
        : { sub: session.adminId, kind: "platform", tenant_id: null },
    );
    return { secret, session, who: toStartedBy(result) };
  };

  const routesFor = (kind: WebSessionKind, base: string, start: ApiRoute): ApiRoute[] => [
    start,
    publicRoute({
      method: "get",
      path: `${base}/auth/session`,
      summary:
        kind === "vendor"
          ? "The dashboard's current session and its CSRF token"
          : "The console's current session and its CSRF token",
      tag: "auth",
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: { description: "The session", schema: sessionResponse },
        401: { description: "Not signed in" },
        403: { description: "The business is suspended" },
      },
      async handle({ headers }) {
        const { secret, session, who } = await current(kind, headers);
        return { status: 200, json: describe(kind, secret, session.expiresAt, who) };
      },
    }),
    publicRoute({
      method: "delete",
      path: `${base}/auth/session`,
      summary: "Sign out: the session ends on the server and the cookie is cleared (needs X-CSRF-Token)",
      tag: "auth",
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: { description: "Signed out", schema: signedOutResponse },
        401: { description: "Not signed in" },
      },
      async handle({ headers }) {
        const secret = readCookie(headers.cookie, SESSION_COOKIES[kind].name);
        if (secret === undefined) throw new UnauthorizedError("Not signed in");
        const live = await withPlatform(pool, (tx) => findWebSession(tx, kind, secret, new Date()));
        if (live === null) throw new UnauthorizedError("The session has ended");
        if (!isCsrfTokenValid(jwtSecret, secret, headers.csrfToken)) {
          throw new AppError(403, "csrf_token_invalid", "Send the session's CSRF token in the X-CSRF-Token header");
        }
        await withPlatform(pool, (tx) => endWebSession(tx, kind, secret, new Date()));
        return {
          status: 200,
          json: { signed_out: true },
          headers: { "set-cookie": sessionCookieHeader(kind, "", 0, deps.secureCookies) },
        };
      },
    }),
  ];

  return [
    ...routesFor(
      "vendor",
      "/api/v1",
      publicRoute({
        method: "post",
        path: "/api/v1/auth/session",
        summary: "Sign in to the dashboard: sets an httpOnly session cookie and returns its CSRF token",
        tag: "auth",
        body: vendorSessionBody,
        query: noQuery,
        params: noParams,
        before: [limit],
        responses: {
          201: { description: "Signed in", schema: sessionResponse },
          401: { description: "Wrong credentials or token" },
          403: { description: "The business is suspended" },
          429: { description: "Too many failed attempts" },
        },
        async handle({ body, headers }) {
          if ("vendor_code" in body) {
            const result = await withPlatform(pool, (tx) =>
              authenticateVendorUser(tx, {
                vendorCode: body.vendor_code,
                email: body.email,
                password: body.password,
                now: new Date(),
              }),
            );
            if (!result.ok) {
              if (result.reason === "tenant_suspended")
                throw new ForbiddenError("This business's account is suspended");
              throw new UnauthorizedError(INVALID);
            }
            return started("vendor", {
              kind: "vendor",
              tenantId: result.tenantId,
              userId: result.userId,
              role: result.role,
            });
          }
          // The WhatsApp LOGIN link's flow: a short-lived vendor JWT becomes a cookie session.
          const bearer = /^Bearer ([\x21-\x7e]{1,2048})$/.exec(headers.authorization ?? "")?.[1];
          if (bearer === undefined)
            throw new UnauthorizedError("Send vendor_code, email and password, or a Bearer token to exchange");
          const claims = await verifyToken(jwtSecret, bearer);
          if (claims === null || claims.kind !== "vendor") throw new UnauthorizedError("Invalid or expired token");
          const who = toStartedBy(await authenticateClaims(pool, claims));
          return started("vendor", who);
        },
      }),
    ),
    ...routesFor(
      "platform",
      "/api/platform",
      publicRoute({
        method: "post",
        path: "/api/platform/auth/session",
        summary: "Sign in to the platform console: sets an httpOnly session cookie and returns its CSRF token",
        tag: "auth",
        body: platformSessionBody,
        query: noQuery,
        params: noParams,
        before: [limit],
        responses: {
          201: { description: "Signed in", schema: sessionResponse },
          401: { description: "Wrong credentials" },
          429: { description: "Too many failed attempts" },
        },
        async handle({ body }) {
          const result = await withPlatform(pool, (tx) =>
            authenticatePlatformAdmin(tx, { email: body.email, password: body.password, now: new Date() }),
          );
          if (!result.ok) throw new UnauthorizedError(INVALID);
          return started("platform", { kind: "platform", adminId: result.adminId, role: result.role });
        },
      }),
    ),
  ];
}

type StartedBy =
  | { kind: "vendor"; tenantId: string; userId: string; role: string }
  | { kind: "platform"; adminId: string; role: string };

/** The caller as a session owner, or the error the API gives for a refused one. */
function toStartedBy(result: AuthenticateResult): StartedBy {
  if (!result.ok) {
    if (result.reason === "tenant_suspended") throw new ForbiddenError("This business's account is suspended");
    throw new UnauthorizedError("Invalid or expired credentials");
  }
  const { auth } = result;
  if (auth.kind === "platform") return { kind: "platform", adminId: auth.adminId, role: auth.role };
  if (auth.userId === null) throw new UnauthorizedError("API keys cannot start a browser session");
  return { kind: "vendor", tenantId: auth.tenantId, userId: auth.userId, role: auth.role };
}
