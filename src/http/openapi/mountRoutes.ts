import { Router, type Response } from "express";
import { once } from "node:events";
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
          if (result.reason === "csrf")
            throw new AppError(403, "csrf_token_invalid", "Send the session's CSRF token in the X-CSRF-Token header");
          throw new UnauthorizedError(
            result.reason === "missing" ? "Authentication required" : "Invalid or expired credentials",
          );
        }
        auth = result.auth;
      }
      const headers = {
        authorization: req.headers.authorization,
        cookie: req.headers.cookie,
        csrfToken: req.get(CSRF_HEADER),
      };
      const reply = await route.run({ auth, body: req.body, query: req.query, params: req.params, headers });
      res.setHeader("cache-control", "no-store");
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      if ("json" in reply) {
        res.status(reply.status).json(reply.json);
      } else if ("stream" in reply) {
        await writeStream(res, reply);
      } else {
        res.status(reply.status).type(reply.contentType).send(reply.body);
      }
    });
  }
  return router;
}

/**
 * Writes a streamed reply, waiting for the socket to drain between chunks; a client that goes
 * away stops the iteration (the generator's own cleanup runs). An error after the first byte
 * can no longer become a JSON error, so the connection is cut and the client sees a truncated
 * download rather than a complete-looking one.
 */
async function writeStream(
  res: Response,
  reply: { status: number; contentType: string; stream: AsyncIterable<string>; filename?: string },
): Promise<void> {
  res.status(reply.status).type(reply.contentType);
  if (reply.filename !== undefined)
    res.setHeader("content-disposition", `attachment; filename="${reply.filename.replace(/[^\w.-]/g, "_")}"`);
  try {
    for await (const chunk of reply.stream) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await once(res, "drain");
    }
    res.end();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return (
    headers["transfer-encoding"] !== undefined ||
    (headers["content-length"] !== undefined && headers["content-length"] !== "0")
  );
}
