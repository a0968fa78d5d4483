import { Router } from "express";
import type { IncomingHttpHeaders } from "node:http";
import { AppError, ForbiddenError, UnauthorizedError } from "../../errors.ts";
import type { Authenticate } from "../auth/authenticate.ts";
import type { AuthContext } from "../auth/authContext.ts";
import { CSRF_HEADER } from "../auth/sessionCookie.ts";
import type { ApiRoute } from "./defineRoute.ts";

/** `/api/v1/rewards/{id}` → `/api/v1/rewards/:id`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * Mounts route definitions on an express router: authenticates the caller, hands the raw
 * request parts to the route (which authorises, parses and calls the domain), and writes its
 * reply. Nothing of `req`/`res` reaches a route handler.
 */
export function mountRoutes(routes: readonly ApiRoute[], authenticate: Authenticate): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](toExpressPath(route.path), ...route.before, async (req, res) => {
      // A body that is not JSON was not parsed; ignoring it would run the route as if none
      // had been sent, so it is refused instead.
      if (hasBody(req.headers) && !req.is("application/json")) {
        throw new AppError(415, "unsupported_media_type", "Send the body as application/json");
      }
      let auth: AuthContext | null = null;
      if (route.access.kind !== "public") {
        const result = await authenticate(req.headers.authorization, {
          cookie: req.headers.cookie,
          csrfToken: req.get(CSRF_HEADER),
          safeMethod: req.method === "GET" || req.method === "HEAD",
          kind: route.path.startsWith("/api/platform/") ? "platform" : "vendor",
        });
        if (!result.ok) {
          if (result.reason === "tenant_suspended") throw new ForbiddenError("This business's account is suspended");
          if (result.reason === "csrf") throw new AppError(403, "csrf_token_invalid", "Send the session's CSRF token in the X-CSRF-Token header");
          throw new UnauthorizedError(result.reason === "missing" ? "Authentication required" : "Invalid or expired credentials");
        }
        auth = result.auth;
      }
      const headers = { authorization: req.headers.authorization, cookie: req.headers.cookie, csrfToken: req.get(CSRF_HEADER) };
      const reply = await route.run({ auth, body: req.body, query: req.query, params: req.params, headers });
      res.setHeader("cache-control", "no-store");
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      if ("json" in reply) {
        res.status(reply.status).json(reply.json);
      } else {
        res.status(reply.status).type(reply.contentType).send(reply.body);
      }
    });
  }
  return router;
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0");
}
