import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { scopeForRoute } from "../../../src/http/auth/apiKeyScopes.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";

/** API keys (issue #13): optional expiry, scopes enforced on every route, last_used_at written at most once a minute. */
let app: TestApp;
let t: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  t = await onboardTenant(app, await platformLogin(app, await createPlatformAdmin(app.pool)), "Scoped Keys Foods");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const created = z.object({ id: z.uuid(), key: z.string() });

async function makeKey(body: Record<string, unknown>) {
  const res = await call(app, "post", "/api/v1/api-keys", { token: t.ownerToken, body: { name: "POS", ...body } });
  expect(res.status).toBe(201);
  return created.parse(res.body);
}

const purchase = () => ({ customer_phone: uniqueLocalPhone(), amount_kobo: 100_000 });

async function setKeyColumn(id: string, column: "expires_at" | "last_used_at", minutesAgo: number) {
  await withPlatform(app.pool, (tx) =>
    tx.query(
      sql.type(
        z.object({}).loose(),
      )`UPDATE api_keys SET ${sql.identifier([column])} = now() - ${minutesAgo} * interval '1 minute' WHERE id = ${id}`,
    ),
  );
}

async function lastUsedAt(id: string) {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(z.object({ last_used_at: z.date().nullable() }))`SELECT last_used_at FROM api_keys WHERE id = ${id}`,
    ),
  );
}

describe("API key scopes and expiry", { timeout: 60_000 }, () => {
  it("when a route's scope is derived, then it is the resource and read or write", () => {
    expect(scopeForRoute("post", "/api/v1/purchases")).toBe("purchases:write");
    expect(scopeForRoute("get", "/api/v1/customers/{id}")).toBe("customers:read");
    expect(scopeForRoute("post", "/api/v1/customers/{id}/adjustments")).toBe("customers:write");
  });

  it("when a key has only purchases:write, then it logs purchases and is refused (403) everywhere else", async () => {
    const { key } = await makeKey({ scopes: ["purchases:write"] });
    expect((await call(app, "post", "/api/v1/purchases", { token: key, body: purchase() })).status).toBe(201);
    const refused = await call(app, "get", "/api/v1/customers", { token: key });
    expect(refused.status).toBe(403);
    expect(errorBody.parse(refused.body).error.message).toContain("customers:read");
    const reader = await makeKey({ scopes: ["customers:read"] });
    expect((await call(app, "get", "/api/v1/customers", { token: reader.key })).status).toBe(200);
    expect((await call(app, "post", "/api/v1/purchases", { token: reader.key, body: purchase() })).status).toBe(403);
  });

  it("when a key was made without scopes, then it may call every route open to API keys", async () => {
    const { key } = await makeKey({});
    const listed = await call(app, "get", "/api/v1/api-keys", { token: t.ownerToken });
    expect(JSON.stringify(listed.body)).toContain('"scopes":["purchases:write"]');
    expect((await call(app, "post", "/api/v1/purchases", { token: key, body: purchase() })).status).toBe(201);
    expect((await call(app, "get", "/api/v1/customers", { token: key })).status).toBe(200);
  });

  it("when a key's expiry passes, then it answers 401; an expiry in the past or a malformed scope is refused at creation", async () => {
    const { id, key } = await makeKey({ expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await call(app, "get", "/api/v1/customers", { token: key })).status).toBe(200);
    await setKeyColumn(id, "expires_at", 1);
    expect((await call(app, "get", "/api/v1/customers", { token: key })).status).toBe(401);
    const past = await call(app, "post", "/api/v1/api-keys", {
      token: t.ownerToken,
      body: { name: "Old", expires_at: "2020-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    const badScope = await call(app, "post", "/api/v1/api-keys", {
      token: t.ownerToken,
      body: { name: "Bad", scopes: ["everything"] },
    });
    expect(badScope.status).toBe(400);
  });

  it("when a key is used many times within a minute, then last_used_at is written once; after a minute, again", async () => {
    const { id, key } = await makeKey({});
    expect(await lastUsedAt(id)).toBeNull();
    await call(app, "get", "/api/v1/customers", { token: key });
    const first = await lastUsedAt(id);
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i += 1) await call(app, "get", "/api/v1/customers", { token: key });
    expect(await lastUsedAt(id)).toEqual(first);
    await setKeyColumn(id, "last_used_at", 2);
    const stale = await lastUsedAt(id);
    await call(app, "get", "/api/v1/customers", { token: key });
    expect((await lastUsedAt(id))?.getTime()).toBeGreaterThan(stale?.getTime() ?? 0);
  });
});
