import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { hashSecret } from "../../../src/domain/auth/passwords.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  vendorLogin,
} from "./apiHelpers.ts";

/** JWT revocation by a per-user token version (issue #13): a password change or disable ends every older token. */
let app: TestApp;
let platformToken: string;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
}, 120_000);
afterAll(async () => {
  await app.stop();
});

describe("token revocation", { timeout: 60_000 }, () => {
  it("when an owner changes a staff member's password, then the staff member's older token is refused and a new login works", async () => {
    const t = await onboardTenant(app, platformToken, "Revoke Foods");
    const email = `staff-${randomUUID()}@vendor.test`;
    const created = await call(app, "post", "/api/v1/staff", {
      token: t.ownerToken,
      body: { full_name: "Sam", email, phone_number: uniqueLocalPhone(), role: "staff", password: "first-password-1" },
    });
    const staffId = z.object({ id: z.uuid() }).parse(created.body).id;
    const oldToken = await vendorLogin(app, { vendorCode: t.vendorCode, email, password: "first-password-1" });
    expect((await call(app, "get", "/api/v1/me", { token: oldToken })).status).toBe(200);
    expect(
      (
        await call(app, "patch", `/api/v1/staff/${staffId}`, {
          token: t.ownerToken,
          body: { password: "second-password-2" },
        })
      ).status,
    ).toBe(200);
    expect((await call(app, "get", "/api/v1/me", { token: oldToken })).status).toBe(401);
    const newToken = await vendorLogin(app, { vendorCode: t.vendorCode, email, password: "second-password-2" });
    expect((await call(app, "get", "/api/v1/me", { token: newToken })).status).toBe(200);
    // The owner's own token is untouched.
    expect((await call(app, "get", "/api/v1/me", { token: t.ownerToken })).status).toBe(200);
  });

  it("when a user is disabled and enabled again, then a token issued before stays refused", async () => {
    const t = await onboardTenant(app, platformToken, "Re-enable Foods");
    const email = `admin-${randomUUID()}@vendor.test`;
    const created = await call(app, "post", "/api/v1/staff", {
      token: t.ownerToken,
      body: { full_name: "Ade", email, phone_number: uniqueLocalPhone(), role: "admin", password: "admin-password-1" },
    });
    const id = z.object({ id: z.uuid() }).parse(created.body).id;
    const oldToken = await vendorLogin(app, { vendorCode: t.vendorCode, email, password: "admin-password-1" });
    expect(
      (await call(app, "patch", `/api/v1/staff/${id}`, { token: t.ownerToken, body: { is_active: false } })).status,
    ).toBe(200);
    expect(
      (await call(app, "patch", `/api/v1/staff/${id}`, { token: t.ownerToken, body: { is_active: true } })).status,
    ).toBe(200);
    expect((await call(app, "get", "/api/v1/me", { token: oldToken })).status).toBe(401);
  });

  it("when a platform admin's password changes, then their older token is refused", async () => {
    const admin = await createPlatformAdmin(app.pool);
    const token = await platformLogin(app, admin);
    expect((await call(app, "get", "/api/platform/tenants", { token })).status).toBe(200);
    const hash = await hashSecret("a-brand-new-password");
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.uuid() }),
        )`UPDATE platform_admins SET password_hash = ${hash} WHERE id = ${admin.id} RETURNING id`,
      ),
    );
    expect((await call(app, "get", "/api/platform/tenants", { token })).status).toBe(401);
  });
});
