import type { DatabasePool } from "slonik";
import { z } from "zod";
import { onPlatform, withPlatform } from "../../db/withTenant.ts";
import { loginQueue } from "../../domain/auth/hashQueue.ts";
import {
  clearLoginFailures,
  findLoginLock,
  loginAccountKey,
  recordLoginFailure,
} from "../../domain/auth/loginLockout.ts";
import { authenticateVendorUser } from "../../domain/auth/authenticateVendorUser.ts";
import { authenticatePlatformAdmin } from "../../domain/platform/authenticatePlatformAdmin.ts";
import { AppError, ForbiddenError, UnauthorizedError } from "../../errors.ts";
import { noParams, noQuery, publicRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { createLoginRateLimit } from "./loginRateLimit.ts";
import { signToken, TOKEN_TTL_SECONDS } from "./tokens.ts";

const tokenResponse = z
  .object({ token: z.string(), token_type: z.literal("Bearer"), expires_in: z.int() })
  .meta({ id: "Token" });

const password = z.string().min(1).max(200);

const platformLoginBody = z.strictObject({ email: z.string().trim().max(255), password }).meta({ id: "PlatformLogin" });
const vendorLoginBody = z
  .strictObject({ vendor_code: z.string().trim().min(1).max(20), email: z.string().trim().max(255), password })
  .meta({ id: "VendorLogin" });

/** One message for every failure: it never says whether the email (or vendor) exists. */
const INVALID = "Invalid credentials";

/** `POST /api/platform/auth/login` and `POST /api/v1/auth/login`: a short-lived bearer token. */
export function loginRoutes(deps: { pool: DatabasePool; jwtSecret: string }): ApiRoute[] {
  const limit = createLoginRateLimit();
  return [
    publicRoute({
      method: "post",
      path: "/api/platform/auth/login",
      summary: "Log in as a platform admin",
      tag: "auth",
      body: platformLoginBody,
      query: noQuery,
      params: noParams,
      before: [limit],
      responses: {
        200: { description: "A bearer token", schema: tokenResponse },
        429: { description: "Too many failed attempts (from this client, or for this account: locked with backoff)" },
        503: { description: "Too many logins being checked at once; try again shortly" },
      },
      async handle({ body }) {
        const account = loginAccountKey({ email: body.email });
        const now = await refuseLockedAccount(deps.pool, account);
        const result = await loginQueue.run(() =>
          withPlatform(deps.pool, (tx) =>
            authenticatePlatformAdmin(tx, { email: body.email, password: body.password, now }),
          ),
        );
        if (!result.ok) {
          await onPlatform(deps.pool, (db) => recordLoginFailure(db, account, now));
          throw new UnauthorizedError(INVALID);
        }
        await onPlatform(deps.pool, (db) => clearLoginFailures(db, account));
        const token = await signToken(deps.jwtSecret, {
          sub: result.adminId,
          kind: "platform",
          role: result.role,
          tenant_id: null,
          ver: result.tokenVersion,
        });
        return { status: 200, json: { token, token_type: "Bearer", expires_in: TOKEN_TTL_SECONDS } };
      },
    }),
    publicRoute({
      method: "post",
      path: "/api/v1/auth/login",
      summary: "Log in as a vendor user (owner, admin or staff)",
      tag: "auth",
      body: vendorLoginBody,
      query: noQuery,
      params: noParams,
      before: [limit],
      responses: {
        200: { description: "A bearer token", schema: tokenResponse },
        429: { description: "Too many failed attempts (from this client, or for this account: locked with backoff)" },
        503: { description: "Too many logins being checked at once; try again shortly" },
      },
      async handle({ body }) {
        const account = loginAccountKey({ vendorCode: body.vendor_code, email: body.email });
        const now = await refuseLockedAccount(deps.pool, account);
        const result = await loginQueue.run(() =>
          withPlatform(deps.pool, (tx) =>
            authenticateVendorUser(tx, {
              vendorCode: body.vendor_code,
              email: body.email,
              password: body.password,
              now,
            }),
          ),
        );
        if (!result.ok) {
          if (result.reason === "tenant_suspended") throw new ForbiddenError("This business's account is suspended");
          await onPlatform(deps.pool, (db) => recordLoginFailure(db, account, now));
          throw new UnauthorizedError(INVALID);
        }
        await onPlatform(deps.pool, (db) => clearLoginFailures(db, account));
        const token = await signToken(deps.jwtSecret, {
          sub: result.userId,
          kind: "vendor",
          role: result.role,
          tenant_id: result.tenantId,
          ver: result.tokenVersion,
        });
        return { status: 200, json: { token, token_type: "Bearer", expires_in: TOKEN_TTL_SECONDS } };
      },
    }),
  ];
}

/**
 * Refuses a login to a locked account before any password is checked (a locked account costs
 * the attacker a query, not a hash), with how long the lock lasts.
 * @returns the time of this attempt.
 * @throws AppError 429 `account_locked`.
 */
async function refuseLockedAccount(pool: DatabasePool, account: string): Promise<Date> {
  const now = new Date();
  const lockedUntil = await onPlatform(pool, (db) => findLoginLock(db, account, now));
  if (lockedUntil === null) return now;
  const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
  throw new AppError(
    429,
    "account_locked",
    `Too many failed logins for this account; try again in ${seconds} seconds`,
    { retry_after_seconds: seconds },
  );
}
