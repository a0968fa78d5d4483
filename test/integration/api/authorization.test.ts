import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withTenant } from "../../../src/db/withTenant.ts";
import type { VendorRole } from "../../../src/http/auth/authContext.ts";
import { listApiRoutes } from "../../../src/http/api/createApiRoutes.ts";
import { isVendorAllowed, type ApiRoute } from "../../../src/http/openapi/defineRoute.ts";
import { testConfig } from "../../helpers/testContext.ts";

import { startApiSuite } from "./apiSuite.ts";
import { call, errorBody, onboardTenant, uniqueLocalPhone, vendorLogin } from "./apiHelpers.ts";
import { fillPath, validBodies } from "./routeSamples.ts";
import { createFullTenant } from "./tenantFixture.ts";

/**
 * The authorization matrix over every mounted route: anonymous → 401; a vendor of tenant B on
 * tenant A's ids → 404 and A unchanged; roles below a route's → 403; vendors on platform
 * routes → 403.
 */
const { app, platformToken } = await startApiSuite({ role: "web" });
const a = await createFullTenant(app, platformToken, "Tenant A Foods");
const b = await createFullTenant(app, platformToken, "Tenant B Foods");
const routes = listApiRoutes({ config: testConfig(), pool: app.pool, queues: app.runtime.queues });

const key = (route: ApiRoute) => `${route.method.toUpperCase()} ${route.path}`;
const bodyFor = (route: ApiRoute) => (route.body === null ? undefined : (validBodies[key(route)]?.() ?? {}));

describe("authorization matrix", { timeout: 180_000 }, () => {
  it("when any non-public route is called without credentials, then it answers 401 with a JSON error", async () => {
    const checked: string[] = [];
    for (const route of routes.filter((r) => r.access.kind !== "public")) {
      const res = await call(app, route.method, fillPath(route.path, a.fixture), { body: bodyFor(route) });
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 401 });
      expect(errorBody.parse(res.body).error.code).toBe("unauthorized");
      checked.push(key(route));
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it("when tenant B's owner calls a route with tenant A's ids, then it answers 404 and A's data is untouched", async () => {
    const withIds = routes.filter((r) => r.access.kind === "vendor" && r.path.includes("{id}"));
    expect(withIds.length).toBeGreaterThan(15);
    for (const route of withIds) {
      const res = await call(app, route.method, fillPath(route.path, a.fixture), {
        token: b.ownerToken,
        body: bodyFor(route),
      });
      expect({ route: key(route), status: res.status, body: res.body }).toMatchObject({
        route: key(route),
        status: 404,
      });
      expect(JSON.stringify(res.body)).not.toContain(a.id);
    }
    // A's things are all still there, unchanged by B's attempts.
    const reward = await call(app, "get", `/api/v1/rewards/${a.fixture.rewardId}`, { token: a.ownerToken });
    expect(reward.body).toMatchObject({ points_required: 10, is_active: true });
    const redemption = await call(app, "get", `/api/v1/redemptions/${a.fixture.redemptionId}`, { token: a.ownerToken });
    expect(redemption.body).toMatchObject({ status: "pending" });
    const staff = await call(app, "get", `/api/v1/staff/${a.fixture.staffId}`, { token: a.ownerToken });
    expect(staff.body).toMatchObject({ is_active: true, full_name: "A staff" });
  });

  it("when tenant B lists anything, then none of tenant A's rows appear", async () => {
    for (const route of routes.filter(
      (r) => r.access.kind === "vendor" && r.method === "get" && !r.path.includes("{"),
    )) {
      const res = await call(app, "get", route.path, { token: b.ownerToken });
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 200 });
      const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
      for (const id of Object.values(a.fixture)) expect(text, key(route)).not.toContain(id);
    }
  });

  it("when a staff member, an admin or an API key calls a route above its role, then it answers 403", async () => {
    const callers: { name: string; token: () => string; role: VendorRole }[] = [
      { name: "staff", token: () => a.staffToken, role: "staff" },
      { name: "admin", token: () => a.adminToken, role: "admin" },
      { name: "api key", token: () => a.apiKey, role: "api" },
    ];
    let forbidden = 0;
    for (const caller of callers) {
      for (const route of routes.filter((r) => r.access.kind === "vendor")) {
        if (route.access.kind !== "vendor") continue;
        const allowed = isVendorAllowed(
          { kind: "vendor", tenantId: a.id, userId: null, apiKeyId: null, role: caller.role, permissions: {} },
          route.access.roles,
          route.access.permission,
        );
        if (allowed) continue;
        const res = await call(app, route.method, fillPath(route.path, a.fixture), {
          token: caller.token(),
          body: bodyFor(route),
        });
        expect({ caller: caller.name, route: key(route), status: res.status }).toEqual({
          caller: caller.name,
          route: key(route),
          status: 403,
        });
        forbidden += 1;
      }
    }
    expect(forbidden).toBeGreaterThan(20);
    // Spot checks of what staff may do.
    expect((await call(app, "get", "/api/v1/customers", { token: a.staffToken })).status).toBe(200);
    expect(
      (await call(app, "patch", "/api/v1/settings", { token: a.staffToken, body: { language: "en" } })).status,
    ).toBe(403);
    expect(
      (await call(app, "patch", "/api/v1/settings", { token: a.adminToken, body: { language: "en" } })).status,
    ).toBe(403);
    expect((await call(app, "get", "/api/v1/audit-logs", { token: a.staffToken })).status).toBe(403);
  });

  it("when an admin tries to create an owner or change permissions, then it answers 403", async () => {
    const owner = await call(app, "post", "/api/v1/staff", {
      token: a.adminToken,
      body: { ...validBodies["POST /api/v1/staff"]?.(), role: "owner" },
    });
    expect(owner.status).toBe(403);
    const perms = await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, {
      token: a.adminToken,
      body: { permissions: { can_adjust_points: true } },
    });
    expect(perms.status).toBe(403);
  });

  it("when the owner grants a staff member a permission, then that staff member may use the route; a denial closes one", async () => {
    const grant = await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, {
      token: a.ownerToken,
      body: { permissions: { can_view_analytics: true, can_log_purchases: false } },
    });
    expect(grant.status).toBe(200);
    expect((await call(app, "get", "/api/v1/analytics/summary", { token: a.staffToken })).status).toBe(200);
    expect(
      (
        await call(app, "post", "/api/v1/purchases", {
          token: a.staffToken,
          body: validBodies["POST /api/v1/purchases"]?.(),
        })
      ).status,
    ).toBe(403);
    await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, { token: a.ownerToken, body: { permissions: {} } });
    expect((await call(app, "get", "/api/v1/analytics/summary", { token: a.staffToken })).status).toBe(403);
  });

  it("when a vendor token calls a platform route, then it answers 403", async () => {
    for (const route of routes.filter((r) => r.access.kind === "platform")) {
      const res = await call(app, route.method, fillPath(route.path, a.fixture), {
        token: a.ownerToken,
        body: bodyFor(route),
      });
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 403 });
    }
  });

  it("when a platform token calls a vendor route, then it answers 403", async () => {
    const res = await call(app, "get", "/api/v1/customers", { token: platformToken });
    expect(res.status).toBe(403);
  });

  it("when a staff member is disabled, then their token stops working at once", async () => {
    const staffMember = await call(app, "get", "/api/v1/me", { token: b.staffToken });
    expect(staffMember.status).toBe(200);
    const disabled = await call(app, "post", `/api/v1/staff/${b.fixture.staffId}/disable`, { token: b.ownerToken });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ is_active: false });
    expect((await call(app, "get", "/api/v1/me", { token: b.staffToken })).status).toBe(401);
  });

  it("when a tenant is suspended, then its vendor API answers 403 and works again after reactivation", async () => {
    const suspended = await call(app, "post", `/api/platform/tenants/${b.id}/suspend`, {
      token: platformToken,
      body: { reason: "Unpaid invoice" },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ subscription_status: "suspended" });
    const refused = await call(app, "get", "/api/v1/customers", { token: b.ownerToken });
    expect(refused.status).toBe(403);
    expect((await call(app, "get", "/api/v1/customers", { token: b.apiKey })).status).toBe(403);
    const reactivated = await call(app, "post", `/api/platform/tenants/${b.id}/reactivate`, {
      token: platformToken,
      body: {},
    });
    expect(reactivated.body).toMatchObject({ subscription_status: "trial" });
    expect((await call(app, "get", "/api/v1/customers", { token: b.ownerToken })).status).toBe(200);
  });
});

const meBody = z.object({ user_id: z.uuid() });

async function userIdOf(token: string): Promise<string> {
  return meBody.parse((await call(app, "get", "/api/v1/me", { token })).body).user_id;
}

/** A second owner of tenant `t`, logged in. */
async function addOwner(t: {
  vendorCode: string;
  ownerToken: string;
}): Promise<{ id: string; token: string; email: string; password: string }> {
  const email = `owner2-${randomUUID()}@vendor.test`;
  const password = `pw-${randomUUID()}`;
  const res = await call(app, "post", "/api/v1/staff", {
    token: t.ownerToken,
    body: { full_name: "Second Owner", email, phone_number: uniqueLocalPhone(), role: "owner", password },
  });
  expect(res.status).toBe(201);
  const id = z.object({ id: z.uuid() }).parse(res.body).id;
  return { id, email, password, token: await vendorLogin(app, { vendorCode: t.vendorCode, email, password }) };
}

describe("owner protection", { timeout: 120_000 }, () => {
  it("when an admin changes an owner's password, role, name or active flag, then it answers 403 and the owner is unchanged", async () => {
    const c = await createFullTenant(app, platformToken, "Owner Guard Foods");
    const ownerId = await userIdOf(c.ownerToken);
    for (const body of [
      { password: "taken-over-password-1" },
      { role: "staff" },
      { is_active: false },
      { full_name: "Not You" },
      { phone_number: uniqueLocalPhone() },
    ]) {
      const res = await call(app, "patch", `/api/v1/staff/${ownerId}`, { token: c.adminToken, body });
      expect({ body, status: res.status }).toEqual({ body, status: 403 });
    }
    expect((await call(app, "post", `/api/v1/staff/${ownerId}/disable`, { token: c.adminToken })).status).toBe(403);
    expect(
      (await call(app, "put", `/api/v1/staff/${ownerId}/pin`, { token: c.adminToken, body: { pin: "9999" } })).status,
    ).toBe(403);
    expect(
      (await call(app, "put", `/api/v1/staff/${ownerId}/pin`, { token: c.adminToken, body: { pin: null } })).status,
    ).toBe(403);
    const owner = await call(app, "get", `/api/v1/staff/${ownerId}`, { token: c.ownerToken });
    expect(owner.body).toMatchObject({ role: "owner", is_active: true, full_name: "Ada Owner", pin_enabled: false });
    // The owner's own password still works, and the token still serves.
    await vendorLogin(app, { vendorCode: c.vendorCode, email: c.ownerEmail, password: c.ownerPassword });
    expect((await call(app, "get", "/api/v1/me", { token: c.ownerToken })).status).toBe(200);
  });

  it("when a staff member granted can_manage_staff changes an owner, then it answers 403", async () => {
    const c = await createFullTenant(app, platformToken, "Granted Staff Foods");
    const ownerId = await userIdOf(c.ownerToken);
    const grant = await call(app, "patch", `/api/v1/staff/${c.fixture.staffId}`, {
      token: c.ownerToken,
      body: { permissions: { can_manage_staff: true } },
    });
    expect(grant.status).toBe(200);
    expect((await call(app, "get", "/api/v1/staff", { token: c.staffToken })).status).toBe(200);
    expect(
      (
        await call(app, "patch", `/api/v1/staff/${ownerId}`, {
          token: c.staffToken,
          body: { password: "taken-over-password-2" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(app, "put", `/api/v1/staff/${ownerId}/pin`, { token: c.staffToken, body: { pin: "4321" } })).status,
    ).toBe(403);
  });

  it("when anyone changes their own role, then it answers 403; an owner may still change another owner", async () => {
    const c = await createFullTenant(app, platformToken, "Own Role Foods");
    const ownerId = await userIdOf(c.ownerToken);
    const adminId = await userIdOf(c.adminToken);
    expect(
      (await call(app, "patch", `/api/v1/staff/${ownerId}`, { token: c.ownerToken, body: { role: "admin" } })).status,
    ).toBe(403);
    expect(
      (await call(app, "patch", `/api/v1/staff/${adminId}`, { token: c.adminToken, body: { role: "staff" } })).status,
    ).toBe(403);
    // Naming one's own current role is no change.
    expect(
      (
        await call(app, "patch", `/api/v1/staff/${ownerId}`, {
          token: c.ownerToken,
          body: { role: "owner", full_name: "Ada O." },
        })
      ).status,
    ).toBe(200);
    const second = await addOwner(c);
    const reset = await call(app, "put", `/api/v1/staff/${second.id}/pin`, {
      token: c.ownerToken,
      body: { pin: "2468" },
    });
    expect(reset.status).toBe(204);
    const demoted = await call(app, "patch", `/api/v1/staff/${second.id}`, {
      token: c.ownerToken,
      body: { role: "admin" },
    });
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ role: "admin" });
  });

  it("when two owners demote or disable each other at the same moment, then exactly one succeeds and an active owner remains", async () => {
    const c = await onboardTenant(app, platformToken, "Race Owners Foods");
    const first = { id: await userIdOf(c.ownerToken), token: c.ownerToken };
    for (const change of [{ role: "admin" }, { is_active: false }]) {
      const second = await addOwner(c);
      const [one, two] = await Promise.all([
        call(app, "patch", `/api/v1/staff/${second.id}`, { token: first.token, body: change }),
        call(app, "patch", `/api/v1/staff/${first.id}`, { token: second.token, body: change }),
      ]);
      // The loser sees 409 (last owner) or, had the winner committed before it was even
      // authenticated, 401 (disabled) or 403 (no longer an owner): never a second 200.
      expect({ change, successes: [one.status, two.status].filter((s) => s === 200).length }).toEqual({
        change,
        successes: 1,
      });
      expect([one.status, two.status].filter((s) => s !== 200).every((s) => [401, 403, 409].includes(s))).toBe(true);
      const owners = await withTenant(app.pool, c.id, (tx) =>
        tx.oneFirst(sql.type(z.object({ n: z.number() }))`
          SELECT count(*)::int AS n FROM vendor_users WHERE role = 'owner' AND COALESCE(is_active, true) AND deleted_at IS NULL
        `),
      );
      expect(owners).toBe(1);
      if (one.status !== 200) {
        // The second owner won: it is the owner now; swap so the loop goes on from it.
        first.id = second.id;
        first.token = second.token;
      }
    }
  });
});
