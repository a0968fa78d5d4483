import { describe, expect, it } from "vitest";
import type { VendorRole } from "../../../src/http/auth/authContext.ts";
import { listApiRoutes } from "../../../src/http/api/createApiRoutes.ts";
import { isVendorAllowed, type ApiRoute } from "../../../src/http/openapi/defineRoute.ts";
import { testConfig } from "../../helpers/testContext.ts";
import { call, errorBody } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";
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
      const res = await call(app, route.method, fillPath(route.path, a.fixture), { token: b.ownerToken, body: bodyFor(route) });
      expect({ route: key(route), status: res.status, body: res.body }).toMatchObject({ route: key(route), status: 404 });
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
    for (const route of routes.filter((r) => r.access.kind === "vendor" && r.method === "get" && !r.path.includes("{"))) {
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
        const allowed = isVendorAllowed({ kind: "vendor", tenantId: a.id, userId: null, apiKeyId: null, role: caller.role, permissions: {} }, route.access.roles, route.access.permission);
        if (allowed) continue;
        const res = await call(app, route.method, fillPath(route.path, a.fixture), { token: caller.token(), body: bodyFor(route) });
        expect({ caller: caller.name, route: key(route), status: res.status }).toEqual({ caller: caller.name, route: key(route), status: 403 });
        forbidden += 1;
      }
    }
    expect(forbidden).toBeGreaterThan(20);
    // Spot checks of what staff may do.
    expect((await call(app, "get", "/api/v1/customers", { token: a.staffToken })).status).toBe(200);
    expect((await call(app, "patch", "/api/v1/settings", { token: a.staffToken, body: { language: "en" } })).status).toBe(403);
    expect((await call(app, "patch", "/api/v1/settings", { token: a.adminToken, body: { language: "en" } })).status).toBe(403);
    expect((await call(app, "get", "/api/v1/audit-logs", { token: a.staffToken })).status).toBe(403);
  });

  it("when an admin tries to create an owner or change permissions, then it answers 403", async () => {
    const owner = await call(app, "post", "/api/v1/staff", { token: a.adminToken, body: { ...validBodies["POST /api/v1/staff"]?.(), role: "owner" } });
    expect(owner.status).toBe(403);
    const perms = await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, { token: a.adminToken, body: { permissions: { can_adjust_points: true } } });
    expect(perms.status).toBe(403);
  });

  it("when the owner grants a staff member a permission, then that staff member may use the route; a denial closes one", async () => {
    const grant = await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, {
      token: a.ownerToken,
      body: { permissions: { can_view_analytics: true, can_log_purchases: false } },
    });
    expect(grant.status).toBe(200);
    expect((await call(app, "get", "/api/v1/analytics/summary", { token: a.staffToken })).status).toBe(200);
    expect((await call(app, "post", "/api/v1/purchases", { token: a.staffToken, body: validBodies["POST /api/v1/purchases"]?.() })).status).toBe(403);
    await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, { token: a.ownerToken, body: { permissions: {} } });
    expect((await call(app, "get", "/api/v1/analytics/summary", { token: a.staffToken })).status).toBe(403);
  });

  it("when a vendor token calls a platform route, then it answers 403", async () => {
    for (const route of routes.filter((r) => r.access.kind === "platform")) {
      const res = await call(app, route.method, fillPath(route.path, a.fixture), { token: a.ownerToken, body: bodyFor(route) });
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
    const suspended = await call(app, "post", `/api/platform/tenants/${b.id}/suspend`, { token: platformToken, body: { reason: "Unpaid invoice" } });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ subscription_status: "suspended" });
    const refused = await call(app, "get", "/api/v1/customers", { token: b.ownerToken });
    expect(refused.status).toBe(403);
    expect((await call(app, "get", "/api/v1/customers", { token: b.apiKey })).status).toBe(403);
    const reactivated = await call(app, "post", `/api/platform/tenants/${b.id}/reactivate`, { token: platformToken, body: {} });
    expect(reactivated.body).toMatchObject({ subscription_status: "trial" });
    expect((await call(app, "get", "/api/v1/customers", { token: b.ownerToken })).status).toBe(200);
  });
});
