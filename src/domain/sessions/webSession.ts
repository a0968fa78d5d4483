import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A dashboard or console session lasts a working day; signing in again starts a new one. */
export const WEB_SESSION_TTL_SECONDS = 12 * 60 * 60;

export type WebSessionKind = "vendor" | "platform";

/** Who a live session belongs to, as stored. */
export type WebSession =
  | { id: string; kind: "vendor"; tenantId: string; userId: string; expiresAt: Date }
  | { id: string; kind: "platform"; adminId: string; expiresAt: Date };

/** A new session secret for the cookie: 32 random bytes, base64url. */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored for a session secret: its SHA-256 (the secret is random, so no salt is needed). */
export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * The CSRF token of a session: an HMAC of its secret, so it is bound to that session, needs no
 * storage, and cannot be derived by anyone who lacks the server's secret.
 */
export function csrfTokenFor(serverSecret: string, sessionSecret: string): string {
  return createHmac("sha256", serverSecret).update(`csrf:${sessionSecret}`).digest("base64url");
}

/** Whether `presented` is the CSRF token of the session, compared in constant time. */
export function isCsrfTokenValid(serverSecret: string, sessionSecret: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(serverSecret, sessionSecret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
