import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema.ts";

/**
 * The typed API client both front ends use: paths, parameters, bodies and answers come from
 * schema.ts, generated from the API's OpenAPI document, so a page that drifts from the API
 * fails the type check. Requests carry the session cookie (same origin); those that change
 * something also carry the session's CSRF token.
 */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

let csrfToken: string | null = null;

/** Remembers the CSRF token of the signed-in session (from sign-in or the session read). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD" && csrfToken !== null)
      request.headers.set("X-CSRF-Token", csrfToken);
    return request;
  },
};
api.use(csrf);

/** An API error with its status and code, message ready for a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let onSignedOut: ((reason: "unauthorized" | "suspended") => void) | null = null;

/** Called when the API says the session is gone (401) or the business is suspended (403). */
export function whenSignedOut(handler: (reason: "unauthorized" | "suspended") => void): void {
  onSignedOut = handler;
}

/**
 * The data of an openapi-fetch answer, or an ApiError carrying the API's own message
 * (`{ error: { code, message } }`).
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  const body = errorBody(error);
  const apiError = new ApiError(
    response.status,
    body?.code ?? "http_error",
    body?.message ?? `The server answered ${response.status}`,
  );
  if (response.status === 401 && body?.code === "unauthorized") onSignedOut?.("unauthorized");
  if (response.status === 403 && /suspended/i.test(apiError.message)) onSignedOut?.("suspended");
  throw apiError;
}

function errorBody(error: unknown): { code: string; message: string } | null {
  if (typeof error !== "object" || error === null || !("error" in error)) return null;
  const inner = error.error;
  if (typeof inner !== "object" || inner === null || !("code" in inner) || !("message" in inner)) return null;
  return typeof inner.code === "string" && typeof inner.message === "string"
    ? { code: inner.code, message: inner.message }
    : null;
}
