import type { WebSessionKind } from "../../domain/sessions/webSession.ts";

/**
 * The session cookie of each front end. Each is scoped to its own API (`Path`), so the dashboard's
 * cookie never reaches the platform API and the console's never reaches the vendor API.
 */
export const SESSION_COOKIES: Record<WebSessionKind, { name: string; path: string }> = {
  vendor: { name: "llx_dashboard", path: "/api/v1" },
  platform: { name: "llx_console", path: "/api/platform" },
};

/** The header a cookie-authenticated request that changes something must carry. */
export const CSRF_HEADER = "x-csrf-token";

/** The value of cookie `name` in a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      // Session secrets are base64url; anything else cannot be one.
      return /^[\w-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A `Set-Cookie` value: httpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Secure in production (HTTPS only; plain http://127.0.0.1 in development and tests).
 * `maxAgeSeconds` 0 deletes it.
 */
export function sessionCookieHeader(
  kind: WebSessionKind,
  value: string,
  maxAgeSeconds: number,
  secure: boolean,
): string {
  const { name, path } = SESSION_COOKIES[kind];
  return [
    `${name}=${value}`,
    `Path=${path}`,
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
