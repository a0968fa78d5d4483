import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  vendorLogin,
  type OnboardedTenant,
} from "../api/apiHelpers.ts";

/** The calls the web pages needed that the API lacked: platform metrics and a segment's audience count. */
let app: TestApp;
let platformToken: string;
let a: OnboardedTenant;
let b: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp();
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  a = await onboardTenant(app, platformToken, "Audience Foods A");
  b = await onboardTenant(app, platformToken, "Audience Foods B");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const metricsBody = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ date: z.string(), messages_in: z.int(), messages_out: z.int(), failed_sends: z.int() })),
  totals: z.object({ messages_in: z.int(), messages_out: z.int(), failed_sends: z.int() }),
  tenants: z.object({ serving: z.int(), suspended: z.int(), with_traffic: z.int() }),
});

describe("platform metrics", { timeout: 60_000 }, () => {
  it("when a customer chats, then the day's messages in and out grow and every day of the window is listed", async () => {
    const before = metricsBody.parse(
      (await call(app, "get", "/api/platform/metrics?days=7", { token: platformToken })).body,
    );
    expect(before.days).toHaveLength(7);
    expect(before.days.at(-1)?.date).toBe(new Date().toISOString().slice(0, 10));
    const phone = `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const chatty = await onboardTenant(app, platformToken, "Metrics Foods");
    await app.say(phone, `JOIN ${chatty.vendorCode}`, 1);
    const after = metricsBody.parse(
      (await call(app, "get", "/api/platform/metrics?days=7", { token: platformToken })).body,
    );
    expect(after.totals.messages_in).toBeGreaterThanOrEqual(before.totals.messages_in + 1);
    expect(after.totals.messages_out).toBeGreaterThanOrEqual(before.totals.messages_out + 1);
    expect(after.tenants.serving).toBeGreaterThanOrEqual(2);
    expect(after.tenants.with_traffic).toBeGreaterThanOrEqual(1);
  });

  it("when the window is out of range or the caller is a vendor, then it is refused", async () => {
    expect((await call(app, "get", "/api/platform/metrics?days=0", { token: platformToken })).status).toBe(400);
    expect((await call(app, "get", "/api/platform/metrics?days=1000", { token: platformToken })).status).toBe(400);
    expect((await call(app, "get", "/api/platform/metrics", { token: a.ownerToken })).status).toBe(403);
    expect((await call(app, "get", "/api/platform/metrics")).status).toBe(401);
  });
});

describe("console reads", { timeout: 60_000 }, () => {
  it("when a tenant is suspended, then the platform audit log shows it, and the tenant's usage reads as the vendor sees it", async () => {
    const c = await onboardTenant(app, platformToken, "Audited Foods");
    expect(
      (
        await call(app, "post", `/api/platform/tenants/${c.id}/suspend`, {
          token: platformToken,
          body: { reason: "Unpaid" },
        })
      ).status,
    ).toBe(200);
    const page = z
      .object({
        data: z.array(z.object({ action: z.string(), entity_id: z.uuid().nullable() })),
        next_cursor: z.string().nullable(),
      })
      .parse((await call(app, "get", "/api/platform/audit-logs?limit=100", { token: platformToken })).body);
    expect(page.data.some((row) => row.entity_id === c.id && /suspend/.test(row.action))).toBe(true);
    const usage = await call(app, "get", `/api/platform/tenants/${c.id}/subscription`, { token: platformToken });
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ status: "suspended", usage: { customers: { used: 0 }, staff: { used: 0 } } });
    expect(
      (await call(app, "get", `/api/platform/tenants/${randomUUID()}/subscription`, { token: platformToken })).status,
    ).toBe(404);
    expect((await call(app, "get", "/api/platform/audit-logs", { token: c.ownerToken })).status).toBe(403);
    expect((await call(app, "get", "/api/platform/audit-logs?cursor=bogus", { token: platformToken })).status).toBe(
      400,
    );
  });
});

describe("broadcast audience count", { timeout: 60_000 }, () => {
  it("when customers are tagged, then the count is the segment the broadcast would reach, per tenant", async () => {
    // Customers who joined on WhatsApp (opted in); a purchase logged for a stranger is not.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const phone = `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      await app.say(phone, `JOIN ${a.vendorCode}`, 1);
      const found = await call(app, "get", `/api/v1/customers?search=${phone}`, { token: a.ownerToken });
      const id = z.object({ data: z.array(z.object({ id: z.uuid() })).length(1) }).parse(found.body).data[0]?.id;
      if (id !== undefined) ids.push(id);
    }
    await call(app, "post", "/api/v1/purchases", {
      token: a.ownerToken,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 250000, idempotency_key: randomUUID() },
    });
    for (const id of ids.slice(0, 2))
      await call(app, "patch", `/api/v1/customers/${id}`, { token: a.ownerToken, body: { tags: ["vip"] } });
    const count = async (token: string, segment: unknown) => {
      const res = await call(app, "post", "/api/v1/broadcasts/audience", { token, body: { target_segment: segment } });
      return {
        status: res.status,
        count: res.status === 200 ? z.object({ count: z.int() }).parse(res.body).count : null,
      };
    };
    expect(await count(a.ownerToken, { tags: ["vip"] })).toEqual({ status: 200, count: 2 });
    expect(await count(a.ownerToken, {})).toEqual({ status: 200, count: 3 });
    expect(await count(a.ownerToken, { min_points: 2_000_000_000 })).toEqual({ status: 200, count: 0 });
    // Another tenant's segment never counts A's customers.
    expect(await count(b.ownerToken, {})).toEqual({ status: 200, count: 0 });
    // Blocking removes a customer from the audience.
    const blocked = await call(app, "post", `/api/v1/customers/${ids[0]}/block`, { token: a.ownerToken, body: {} });
    expect(blocked.status).toBe(200);
    expect(await count(a.ownerToken, { tags: ["vip"] })).toEqual({ status: 200, count: 1 });
  });

  it("when the segment is malformed or the caller is staff, then it is refused", async () => {
    const bad = [{ min_points: -1 }, { tags: [] }, { loyalty_status: "gold" }, { nope: 1 }, "vip"];
    for (const segment of bad) {
      const res = await call(app, "post", "/api/v1/broadcasts/audience", {
        token: a.ownerToken,
        body: { target_segment: segment },
      });
      expect({ segment, status: res.status }).toEqual({ segment, status: 400 });
    }
    const email = `staff-${randomUUID()}@vendor.test`;
    const password = `pw-${randomUUID()}`;
    const staff = await call(app, "post", "/api/v1/staff", {
      token: a.ownerToken,
      body: { full_name: "Till", email, phone_number: uniqueLocalPhone(), role: "staff", password },
    });
    expect(staff.status).toBe(201);
    const staffToken = await vendorLogin(app, { vendorCode: a.vendorCode, email, password });
    expect(
      (await call(app, "post", "/api/v1/broadcasts/audience", { token: staffToken, body: { target_segment: {} } }))
        .status,
    ).toBe(403);
  });
});
