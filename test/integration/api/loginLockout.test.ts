import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { loginAccountKey } from "../../../src/domain/auth/loginLockout.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  type OnboardedTenant,
} from "./apiHelpers.ts";

/**
 * Login throttling (issue #13): a per-account lockout with backoff whose counters live in
 * PostgreSQL (every web process sees them), and password hashing through a bounded queue, so a
 * login flood is refused with 503 instead of slowing the whole app.
 */
let app: TestApp;
let other: TestApp;
let platformToken: string;
let admin: { email: string; password: string };

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  // A second web process of the same deployment (same database).
  other = await startTestApp({ role: "web" });
  admin = await createPlatformAdmin(app.pool);
  platformToken = await platformLogin(app, admin);
}, 120_000);
afterAll(async () => {
  await other.stop();
  await app.stop();
});

const lockBody = z.object({
  error: z.object({ code: z.literal("account_locked"), details: z.object({ retry_after_seconds: z.number() }) }),
});

function vendorLogin(target: TestApp, t: OnboardedTenant, password: string, email = t.ownerEmail) {
  return call(target, "post", "/api/v1/auth/login", { body: { vendor_code: t.vendorCode, email, password } });
}

async function lockOf(key: string) {
  return withPlatform(app.pool, (tx) =>
    tx.maybeOne(sql.type(z.object({ failures: z.number(), seconds: z.number().nullable() }))`
      SELECT failures, extract(epoch FROM locked_until - now())::float8 AS seconds FROM login_failures WHERE account_key = ${key}`),
  );
}

async function expireLock(key: string) {
  await withPlatform(app.pool, (tx) =>
    tx.query(
      sql.type(
        z.object({}).loose(),
      )`UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE account_key = ${key}`,
    ),
  );
}

describe("login lockout", { timeout: 120_000 }, () => {
  it("when an account fails 5 times, then the right password is refused with 429 on every web process, with the time left", async () => {
    const t = await onboardTenant(app, platformToken, "Lockout Foods");
    for (let i = 0; i < 5; i += 1)
      expect((await vendorLogin(i % 2 === 0 ? app : other, t, "wrong-password")).status).toBe(401);
    for (const target of [app, other]) {
      const refused = await vendorLogin(target, t, t.ownerPassword);
      expect(refused.status).toBe(429);
      const seconds = lockBody.parse(refused.body).error.details.retry_after_seconds;
      expect(seconds).toBeGreaterThan(50);
      expect(seconds).toBeLessThanOrEqual(60);
    }
    expect(await lockOf(loginAccountKey({ vendorCode: t.vendorCode, email: t.ownerEmail }))).toMatchObject({
      failures: 5,
    });
  });

  it("when a lock ends and the guessing goes on, then each further failure doubles the lock; the right password afterwards clears the count", async () => {
    const t = await onboardTenant(app, platformToken, "Backoff Foods");
    const key = loginAccountKey({ vendorCode: t.vendorCode, email: t.ownerEmail });
    for (let i = 0; i < 5; i += 1) await vendorLogin(app, t, "wrong-password");
    expect((await lockOf(key))?.seconds).toBeCloseTo(60, -1);
    await expireLock(key);
    expect((await vendorLogin(app, t, "wrong-again")).status).toBe(401);
    expect((await lockOf(key))?.seconds).toBeCloseTo(120, -1);
    await expireLock(key);
    expect((await vendorLogin(app, t, "wrong-again")).status).toBe(401);
    expect((await lockOf(key))?.seconds).toBeCloseTo(240, -1);
    await expireLock(key);
    expect((await vendorLogin(app, t, t.ownerPassword)).status).toBe(200);
    expect(await lockOf(key)).toBeNull();
  });

  it("when guesses target an email that does not exist, then it locks the same way (the lock reveals no account)", async () => {
    const t = await onboardTenant(app, platformToken, "Ghost Foods");
    const ghost = `ghost-${randomUUID()}@vendor.test`;
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await vendorLogin(app, t, "guess-guess", ghost)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("when a platform admin account fails 5 times, then it is locked too", async () => {
    const a = await createPlatformAdmin(app.pool);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await call(app, "post", "/api/platform/auth/login", { body: { email: a.email, password: "wrong-password" } }))
          .status,
      ).toBe(401);
    }
    const refused = await call(app, "post", "/api/platform/auth/login", {
      body: { email: a.email, password: a.password },
    });
    expect(refused.status).toBe(429);
    expect(errorBody.parse(refused.body).error.code).toBe("account_locked");
  });

  it("when a flood of logins arrives at once, then the excess is refused with 503 and health checks answer meanwhile", async () => {
    const t = await onboardTenant(app, platformToken, "Flood Foods");
    // 60 at once: two are checked, 32 wait (src/domain/auth/hashQueue.ts), the rest are refused.
    const flood = Array.from({ length: 60 }, () =>
      vendorLogin(app, t, "guess-guess", `flood-${randomUUID()}@vendor.test`),
    );
    const started = performance.now();
    const health = await fetch(`${app.url}/healthz`);
    const healthMs = performance.now() - started;
    const statuses = (await Promise.all(flood)).map((r) => r.status);
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1_000);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    // Once the flood is over, logins are served again.
    expect((await vendorLogin(app, t, t.ownerPassword)).status).toBe(200);
  });
});
