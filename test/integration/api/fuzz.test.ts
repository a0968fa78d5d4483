import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { listApiRoutes } from "../../../src/http/api/createApiRoutes.ts";
import type { ApiRoute } from "../../../src/http/openapi/defineRoute.ts";
import { testConfig } from "../../helpers/testContext.ts";
import { call, errorBody } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";
import { fillPath, validBodies } from "./routeSamples.ts";
import { createFullTenant } from "./tenantFixture.ts";

/**
 * Random and malformed bodies posted to every write route: wrong types, huge strings, unicode,
 * NUL and lone surrogates, missing fields, unknown fields, SQL-looking text, non-JSON. Every
 * answer is a 4xx with a JSON error, never a 5xx, and nothing is written.
 */
const { app, admin, platformToken } = await startApiSuite({ role: "web" });
const adminId = admin.id;
const tenant = await createFullTenant(app, platformToken, "Fuzz Target");
const writeRoutes = listApiRoutes({ config: testConfig(), pool: app.pool, queues: app.runtime.queues }).filter(
  (r) => r.method !== "get",
);

const key = (route: ApiRoute) => `${route.method.toUpperCase()} ${route.path}`;

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  "'; DROP TABLE customers; --",
  "1 OR 1=1",
  '" OR ""="',
  "Robert'); DELETE FROM purchases WHERE ('1'='1",
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "𝕳𝖊𝖑𝖑𝖔 😀 ناريرا ₦",
  "nul\u0000byte",
  "\ud800 lone surrogate",
  "",
  " ",
  "😀".repeat(6000),
];

function randomValue(rand: () => number, depth: number): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -1, 1.5, 2 ** 34, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER][Math.floor(rand() * 7)];
    case 3:
    case 4:
      return NASTY_STRINGS[Math.floor(rand() * NASTY_STRINGS.length)];
    case 5:
      return Math.floor(rand() * 1e6).toString(36);
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [`k${i}`, randomValue(rand, depth + 1)]),
      );
  }
}

/** A value of the wrong JSON type for `sample`. */
function wrongType(sample: unknown): unknown[] {
  if (typeof sample === "string") return [12345, true, ["a"], { a: 1 }];
  // 2 ** 34 is past int4 and past the largest purchase amount (amount_kobo is bigint now).
  if (typeof sample === "number") return ["1; DROP TABLE purchases; --", "12", true, [1], 1.5, 2 ** 34, -(2 ** 40)];
  if (typeof sample === "boolean") return ["true", 1, null];
  if (Array.isArray(sample)) return ["x", { a: 1 }, 1];
  if (typeof sample === "object" && sample !== null) return ["x", 1, [1], true];
  return ["x", 1];
}

/** Bodies that are each invalid for the route, by construction. */
function malformedBodies(
  route: ApiRoute,
  rand: () => number,
): { label: string; body?: unknown; raw?: string; contentType?: string }[] {
  const valid = validBodies[key(route)]?.() ?? {};
  const bodies: { label: string; body?: unknown; raw?: string; contentType?: string }[] = [
    { label: "not json", raw: "{not json", contentType: "application/json" },
    { label: "truncated json", raw: '{"a":', contentType: "application/json" },
    { label: "json array", body: [valid] },
    { label: "json string", raw: '"just a string"', contentType: "application/json" },
    { label: "json number", raw: "42", contentType: "application/json" },
    { label: "json null", raw: "null", contentType: "application/json" },
    { label: "too large", body: { ...valid, padding: "x".repeat(300_000) } },
    { label: "unknown field", body: { ...valid, zz_unknown: "'; DROP TABLE tenants; --" } },
    { label: "form encoded", raw: "name=x&points=1", contentType: "application/x-www-form-urlencoded" },
    { label: "deep nesting", raw: `${"[".repeat(5000)}${"]".repeat(5000)}`, contentType: "application/json" },
  ];
  const required = route.body === null ? [] : requiredFields(route.body);
  for (const [field, sample] of Object.entries(valid)) {
    for (const wrong of wrongType(sample))
      bodies.push({
        label: `${field}: wrong type ${JSON.stringify(wrong).slice(0, 30)}`,
        body: { ...valid, [field]: wrong },
      });
    if (typeof sample === "string") {
      bodies.push({ label: `${field}: huge unicode`, body: { ...valid, [field]: "😀".repeat(6000) } });
      bodies.push({ label: `${field}: NUL`, body: { ...valid, [field]: `${sample}\u0000` } });
      bodies.push({
        label: `${field}: lone surrogate`,
        raw: JSON.stringify({ ...valid, [field]: "X" }).replace('"X"', '"\\udc00"'),
        contentType: "application/json",
      });
    }
    if (required.includes(field)) {
      const { [field]: _dropped, ...rest } = valid;
      bodies.push({ label: `${field}: missing`, body: rest });
      bodies.push({ label: `${field}: null`, body: { ...valid, [field]: null } });
    }
  }
  for (let i = 0; i < 15; i += 1) {
    const random = randomValue(rand, 0);
    const junk = typeof random === "object" && random !== null && !Array.isArray(random) ? random : { value: random };
    bodies.push({ label: `random #${i}`, body: { ...junk, zz_junk: randomValue(rand, 1) } });
    const fields = Object.keys(valid);
    const mixed: Record<string, unknown> = { ...valid, zz_junk: 1 };
    for (const field of fields) if (rand() < 0.5) mixed[field] = randomValue(rand, 1);
    bodies.push({ label: `random mix #${i}`, body: mixed });
  }
  return bodies;
}

function requiredFields(schema: z.ZodType): string[] {
  const json = z
    .object({ required: z.array(z.string()).optional() })
    .loose()
    .safeParse(z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }));
  return json.success ? (json.data.required ?? []) : [];
}

/**
 * A fingerprint of every row the tenant owns, and of what this test's platform admin did
 * anywhere (every platform write, a new tenant included, leaves an audit row naming its admin).
 */
async function fingerprint(): Promise<string> {
  const tables = [
    "vendor_users",
    "customers",
    "rewards",
    "reward_redemptions",
    "purchases",
    "points_transactions",
    "customer_points_balance",
    "points_rules",
    "campaigns",
    "audit_logs",
    "tenant_invoices",
    "api_keys",
    "broadcasts",
  ];
  return withPlatform(app.pool, async (tx) => {
    const parts: string[] = [];
    for (const table of tables) {
      parts.push(
        await tx.oneFirst(sql.type(z.object({ h: z.string() }))`
          SELECT ${table} || ':' || count(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t.id)), '') AS h
          FROM ${sql.identifier([table])} t WHERE tenant_id = ${tenant.id}
        `),
      );
    }
    parts.push(
      await tx.oneFirst(sql.type(z.object({ h: z.string() }))`
        SELECT (SELECT md5(t::text) FROM tenants t WHERE id = ${tenant.id}) || ':' ||
               (SELECT count(*) FROM audit_logs WHERE user_id = ${adminId}) || ':' ||
               (SELECT md5(a::text) FROM platform_admins a WHERE id = ${adminId}) AS h
      `),
    );
    return parts.join("\n");
  });
}

describe("fuzzing every write route", { timeout: 600_000 }, () => {
  it("when malformed bodies are sent to every write route, then each answer is a 4xx JSON error and nothing is written", async () => {
    const rand = prng(20261126);
    const before = await fingerprint();
    let sent = 0;
    for (const route of writeRoutes) {
      const token =
        route.access.kind === "platform" ? platformToken : route.access.kind === "vendor" ? tenant.ownerToken : null;
      for (const attempt of malformedBodies(route, rand)) {
        const res = await call(app, route.method, fillPath(route.path, tenant.fixture), { token, ...attempt });
        const where = `${key(route)} — ${attempt.label}`;
        expect({ where, status: res.status >= 400 && res.status < 500 }).toEqual({ where, status: true });
        expect(errorBody.safeParse(res.body).success, `${where}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(await fingerprint()).toEqual(before);
  });

  it("when a path id is not a uuid or a query is malformed, then it answers 4xx, never 5xx", async () => {
    const paths = [
      "/api/v1/rewards/not-a-uuid",
      "/api/v1/customers/'%3B%20DROP%20TABLE%20customers%3B--",
      "/api/v1/customers?limit=abc",
      "/api/v1/customers?limit=100000",
      "/api/v1/customers?search=%00",
      "/api/v1/customers?search=%F0%9F%98%80",
      "/api/v1/customers?cursor=bm90LWEtdXVpZA",
      "/api/v1/customers?min_points=-5",
      "/api/v1/customers?tag[]=a&tag[]=b",
      "/api/v1/audit-logs?since=yesterday",
      "/api/v1/analytics/summary?from=2026-13-45",
      "/api/v1/analytics/summary?from=2020-01-01&to=2026-01-01",
      "/api/v1/qr.png?size=999999",
    ];
    for (const path of paths) {
      const res = await call(app, "get", path, { token: tenant.ownerToken });
      expect({ path, ok: res.status < 500 }).toEqual({ path, ok: true });
    }
  });

  it("when SQL-looking text is a valid name, then it is stored verbatim as text", async () => {
    const name = "Robert'); DROP TABLE rewards;-- 😀";
    const res = await call(app, "post", "/api/v1/rewards", {
      token: tenant.ownerToken,
      body: { name, points_required: 5 },
    });
    expect(res.status).toBe(201);
    const id = z.object({ id: z.uuid() }).parse(res.body).id;
    expect((await call(app, "get", `/api/v1/rewards/${id}`, { token: tenant.ownerToken })).body).toMatchObject({
      name,
    });
  });
});
