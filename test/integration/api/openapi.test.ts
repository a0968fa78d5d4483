import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiRoutes, listApiRoutes } from "../../../src/http/api/createApiRoutes.ts";
import { toExpressPath } from "../../../src/http/openapi/mountRoutes.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { testConfig } from "../../helpers/testContext.ts";
import { call } from "./apiHelpers.ts";

/** The OpenAPI document lists every mounted route, from the same zod schemas that validate them. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const documentSchema = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({ responses: z.record(z.string(), z.unknown()), requestBody: z.unknown().optional() }).loose(),
    ),
  ),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }).loose(),
});

const layerSchema = z
  .object({
    route: z
      .object({ path: z.string(), methods: z.record(z.string(), z.boolean()) })
      .loose()
      .optional(),
  })
  .loose();

describe("openapi", { timeout: 60_000 }, () => {
  it("when the document is fetched, then it is OpenAPI 3.1 and lists every route the API router mounts", async () => {
    const res = await call(app, "get", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = documentSchema.parse(res.body);
    expect(doc.openapi).toBe("3.1.0");

    const router = createApiRoutes({ config: testConfig(), pool: app.pool, queues: app.runtime.queues });
    const mounted = z
      .array(layerSchema)
      .parse(router.stack)
      .flatMap((layer) =>
        layer.route === undefined ? [] : Object.keys(layer.route.methods).map((m) => `${m} ${layer.route?.path}`),
      );
    expect(mounted.length).toBeGreaterThan(50);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${toExpressPath(path)}`),
    );
    expect([...documented].sort()).toEqual([...mounted].sort());
  });

  it("when a route takes a body, then the document carries its schema, with the §7 fields", async () => {
    const doc = documentSchema.parse((await call(app, "get", "/api/openapi.json")).body);
    for (const route of listApiRoutes({ config: testConfig(), pool: app.pool, queues: app.runtime.queues })) {
      const op = doc.paths[route.path]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      if (route.body !== null) expect(op?.requestBody, `${route.method} ${route.path}`).toBeDefined();
    }
    const schemas = JSON.stringify(doc.components.schemas);
    for (const field of [
      "business_name",
      "vendor_code",
      "points_required",
      "rule_type",
      "customer_phone",
      "amount_kobo",
      "idempotency_key",
      "reason",
    ]) {
      expect(schemas).toContain(`"${field}"`);
    }
  });
});
