import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router, type Response } from "express";
import type { Logger } from "../../logger.ts";

/** Where `npm run web:build` (run by `npm install`) puts the dashboard and the console. */
export const WEB_DIST = path.resolve(import.meta.dirname, "../../../web/dist");

const HTML_HEADERS = {
  // index.html names the hashed bundles of the current build: always revalidated.
  "cache-control": "no-cache",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/**
 * Serves the built front ends: hashed files under /assets with a year's immutable caching (a
 * new build has new names), and each app's index.html, never cached, for every client route
 * under /dashboard and /admin (the page's own router takes it from there).
 */
export function createWebRoutes(deps: { log: Logger; dist?: string }): Router {
  const dist = deps.dist ?? WEB_DIST;
  const router = Router();
  if (!existsSync(path.join(dist, "dashboard/index.html"))) {
    deps.log.warn(
      { dist },
      "web front end not built: run `npm run web:build` (npm install does it) to serve /dashboard and /admin",
    );
  }
  router.use(
    "/assets",
    express.static(path.join(dist, "assets"), {
      immutable: true,
      maxAge: "365d",
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader("x-content-type-options", "nosniff"),
    }),
  );
  for (const app of ["dashboard", "admin"] as const) {
    const index = path.join(dist, app, "index.html");
    router.get([`/${app}`, `/${app}/{*rest}`], (_req, res) => sendIndex(res, index));
  }
  return router;
}

function sendIndex(res: Response, index: string): void {
  if (!existsSync(index)) {
    res.status(503).type("text/plain").send("The web front end is not built yet: run `npm run web:build`.");
    return;
  }
  res.set(HTML_HEADERS).sendFile(index, { cacheControl: false });
}
