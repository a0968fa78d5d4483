import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

/** Swagger UI's browser build, shipped in the swagger-ui-dist npm package and served from here (no CDN). */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/**
 * Only what the page loads: the package also carries a demo index.html and an initializer that
 * points at Swagger's public petstore, which must not be reachable from this app.
 */
const SWAGGER_UI_FILES = new Set(["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png"]);

/**
 * `GET /api/docs`: the interactive reference of `GET /api/openapi.json` (Swagger UI), for a
 * vendor's developer reading the API or trying a call with their token.
 */
export function createApiDocsRoutes(): Router {
  const router = express.Router();
  router.get("/api/docs", (_req, res) => {
    res.sendFile("index.html", { root: PUBLIC_DIR, headers: { "cache-control": "no-cache" } });
  });
  router.get("/api/docs/assets/init.js", (_req, res) => {
    res.sendFile("init.js", { root: PUBLIC_DIR, headers: { "cache-control": "no-cache" } });
  });
  router.get("/api/docs/assets/:file", (req, res, next) => {
    const file = req.params.file;
    if (!SWAGGER_UI_FILES.has(file)) {
      next();
      return;
    }
    res.sendFile(file, { root: SWAGGER_UI_DIR, maxAge: "1d" });
  });
  return router;
}
