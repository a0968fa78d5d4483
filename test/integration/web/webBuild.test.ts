import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiDocument } from "../../../web/scripts/buildApiDocument.ts";
import { buildWeb, DASHBOARD_BUDGET_BYTES, type BundleSize } from "../../../web/scripts/buildWeb.ts";
import { API_TYPES_FILE } from "../../../web/scripts/generateApiTypes.ts";
import { renderApiTypes } from "../../../web/scripts/renderApiTypes.ts";
import { createLogger } from "../../../src/logger.ts";
import express from "express";
import type { Server } from "node:http";
import { createWebRoutes } from "../../../src/http/web/webRoutes.ts";
import { testDatabaseUrl } from "../../helpers/testContext.ts";

/** The front end's build: its API types match the API, its size is in budget, and express serves it right. */
let outDir: string;
let size: BundleSize;
let server: Server;
let url: string;

beforeAll(async () => {
  // A build of its own (the served web/dist may be in use by the browser tests).
  outDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-web-"));
  size = await buildWeb(outDir);
  const app = express();
  app.use(createWebRoutes({ log: createLogger("silent"), dist: outDir }));
  app.use((_req, res) => res.status(404).json({ error: { code: "not_found", message: "Not found" } }));
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

describe("the web build", { timeout: 60_000 }, () => {
  it("when the OpenAPI document is rendered as types, then it equals the committed web/src/api/schema.ts (run `npm run web:types` after changing the API)", async () => {
    const document = await buildApiDocument(testDatabaseUrl());
    expect(renderApiTypes(document)).toBe(readFileSync(API_TYPES_FILE, "utf8"));
  });

  it("when the dashboard is built, then its first load is at most 150 kB of JavaScript gzipped", () => {
    process.stdout.write(
      `dashboard first load: ${(size.dashboard.gzipBytes / 1024).toFixed(1)} kB gzipped; console: ${(size.admin.gzipBytes / 1024).toFixed(1)} kB\n`,
    );
    expect(size.dashboard.files.length).toBeGreaterThan(0);
    expect(size.dashboard.gzipBytes).toBeGreaterThan(5_000);
    expect(size.dashboard.gzipBytes).toBeLessThanOrEqual(DASHBOARD_BUDGET_BYTES);
    expect(JSON.parse(readFileSync(path.join(outDir, "bundle-size.json"), "utf8"))).toEqual(size);
  });

  it("when a client route is requested, then index.html is served with no-cache and a strict CSP; hashed assets are immutable for a year", async () => {
    for (const route of ["/dashboard", "/dashboard/customers/123", "/dashboard/login", "/admin", "/admin/tenants/x"]) {
      const res = await fetch(`${url}${route}`);
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await res.text()).toContain('<div id="app">');
    }
    const asset = size.dashboard.files[0] ?? "";
    const js = await fetch(`${url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await fetch(`${url}/assets/missing-abc123.js`)).status).toBe(404);
    expect((await fetch(`${url}/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${url}/dashboards`)).status).toBe(404);
  });
});
