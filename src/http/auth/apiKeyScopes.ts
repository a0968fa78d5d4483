import type { HttpMethod } from "../openapi/defineRoute.ts";

/**
 * The scope an API key needs for a vendor route: the resource (the path's first segment after
 * `/api/v1/`) and `read` for GET or `write` for anything else, e.g. `purchases:write`,
 * `customers:read`. One rule for every route, so a new route is covered without a list to keep.
 */
export function scopeForRoute(method: HttpMethod, path: string): string {
  const resource = /^\/api\/v1\/([a-z0-9-]+)/.exec(path)?.[1] ?? "api";
  return `${resource}:${method === "get" ? "read" : "write"}`;
}

/** Whether a key with `scopes` (null: a key from before scopes, allowed everything) may call the route. */
export function hasScope(scopes: readonly string[] | null | undefined, method: HttpMethod, path: string): boolean {
  if (scopes === null || scopes === undefined) return true;
  return scopes.includes(scopeForRoute(method, path));
}
