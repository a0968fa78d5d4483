import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { call, createPlatformAdmin, errorBody, onboardTenant, platformLogin, uniqueLocalPhone } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";

/** The wider API: campaigns, customers, pagination, settings, QR codes, plans, invoices, staff. */
const { app, platformToken } = await startApiSuite({ role: "web" });
const tenant = await onboardTenant(app, platformToken, "Features Foods");

const page = z.object({ data: z.array(z.object({ id: z.uuid() }).loose()), next_cursor: z.string().nullable() });

describe("vendor features", { timeout: 90_000 }, () => {
  it("when a campaign moves through its lifecycle, then allowed moves succeed and others answer 409", async () => {
    const token = tenant.ownerToken;
    const created = await call(app, "post", "/api/v1/campaigns", {
      token,
      body: {
        name: "Double Friday",
        campaign_type: "double_points",
        config: { multiplier: 2 },
        starts_at: "2026-01-01T00:00:00Z",
        ends_at: "2027-01-01T00:00:00Z",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", config: { multiplier: 2 } });
    const id = z.object({ id: z.uuid() }).parse(created.body).id;
    const move = (status: string) => call(app, "post", `/api/v1/campaigns/${id}/status`, { token, body: { status } });
    expect((await move("active")).status).toBe(409);
    for (const status of ["scheduled", "active", "paused", "active", "completed"]) {
      const res = await move(status);
      expect({ status, code: res.status }).toEqual({ status, code: 200 });
    }
    const done = await move("active");
    expect(done.status).toBe(409);
    expect(errorBody.parse(done.body).error.code).toBe("invalid_transition");
    const badConfig = await call(app, "post", "/api/v1/campaigns", {
      token,
      body: {
        name: "Bad",
        campaign_type: "bonus_points",
        config: { multiplier: 2 },
        starts_at: "2026-01-01T00:00:00Z",
        ends_at: "2027-01-01T00:00:00Z",
      },
    });
    expect(badConfig.status).toBe(400);
  });

  it("when an active double-points campaign runs, then a purchase through the API earns from it", async () => {
    const token = tenant.ownerToken;
    await call(app, "post", "/api/v1/rules", {
      token,
      body: { name: "10 per visit", rule_type: "per_purchase", config: { points_per_purchase: 10 } },
    });
    const created = await call(app, "post", "/api/v1/campaigns", {
      token,
      body: {
        name: "Double now",
        campaign_type: "double_points",
        config: { multiplier: 2 },
        starts_at: "2026-01-01T00:00:00Z",
        ends_at: "2099-01-01T00:00:00Z",
      },
    });
    const id = z.object({ id: z.uuid() }).parse(created.body).id;
    await call(app, "post", `/api/v1/campaigns/${id}/status`, { token, body: { status: "scheduled" } });
    await call(app, "post", `/api/v1/campaigns/${id}/status`, { token, body: { status: "active" } });
    const purchase = await call(app, "post", "/api/v1/purchases", {
      token,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 100000 },
    });
    expect(purchase.body).toMatchObject({ points_awarded: 20 });
    await call(app, "post", `/api/v1/campaigns/${id}/status`, { token, body: { status: "cancelled" } });
  });

  it("when customers are listed with filters, search and a cursor, then each page holds the right ones", async () => {
    const token = tenant.ownerToken;
    const phones = Array.from({ length: 5 }, () => uniqueLocalPhone());
    const ids: string[] = [];
    for (const phone of phones) {
      const res = await call(app, "post", "/api/v1/purchases", {
        token,
        body: { customer_phone: phone, amount_kobo: 50000 },
      });
      ids.push(z.object({ customer_id: z.uuid() }).parse(res.body).customer_id);
    }
    const [first, second] = ids;
    if (first === undefined || second === undefined) throw new Error("unreachable");
    const tagged = await call(app, "patch", `/api/v1/customers/${first}`, {
      token,
      body: { tags: ["vip", "vip", "lagos"], notes: "Prefers delivery", birth_date: "1990-05-17" },
    });
    expect(tagged.body).toMatchObject({ tags: ["vip", "lagos"], birth_date: "1990-05-17" });
    const detail = await call(app, "get", `/api/v1/customers/${first}`, { token });
    expect(detail.body).toMatchObject({
      notes: "Prefers delivery",
      history: expect.any(Array),
      lots: expect.any(Array),
    });
    const vip = page.parse((await call(app, "get", "/api/v1/customers?tag=vip", { token })).body);
    expect(vip.data.map((c) => c.id)).toEqual([first]);
    await call(app, "post", `/api/v1/customers/${second}/block`, { token });
    const blocked = page.parse((await call(app, "get", "/api/v1/customers?loyalty_status=blocked", { token })).body);
    expect(blocked.data.map((c) => c.id)).toEqual([second]);
    const blockedBuy = await call(app, "post", "/api/v1/purchases", {
      token,
      body: { customer_phone: phones[1], amount_kobo: 1000 },
    });
    expect(blockedBuy.status).toBe(409);
    const searched = page.parse(
      (await call(app, "get", `/api/v1/customers?search=${phones[2]?.slice(-7)}`, { token })).body,
    );
    expect(searched.data.map((c) => c.id)).toEqual([ids[2]]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/customers?limit=2${cursor === null ? "" : `&cursor=${cursor}`}`;
      const p = page.parse((await call(app, "get", path, { token })).body);
      expect(p.data.length).toBeLessThanOrEqual(2);
      seen.push(...p.data.map((c) => c.id));
      cursor = p.next_cursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
  });

  it("when settings change, then they are read back, and the join link and QR codes are served", async () => {
    const token = tenant.ownerToken;
    const patched = await call(app, "patch", "/api/v1/settings", {
      token,
      body: {
        points_expiry_days: 180,
        greeting_message: "Welcome to Features Foods!",
        language: "en",
        timezone: "Africa/Accra",
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      points_expiry_days: 180,
      greeting_message: "Welcome to Features Foods!",
      timezone: "Africa/Accra",
      join_link: `https://wa.me/15550000000?text=JOIN%20${tenant.vendorCode}`,
    });
    expect((await call(app, "patch", "/api/v1/settings", { token, body: { timezone: "Mars/Olympus" } })).status).toBe(
      400,
    );
    const reset = await call(app, "patch", "/api/v1/settings", { token, body: { points_expiry_days: null } });
    expect(reset.body).toMatchObject({ points_expiry_days: null });
    const svg = await call(app, "get", "/api/v1/qr.svg", { token });
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(String(svg.body)).toMatch(/^<svg/);
    const png = await fetch(`${app.url}/api/v1/qr.png?size=256`, { headers: { authorization: `Bearer ${token}` } });
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("when the owner names approved templates, then they are read back and stored where the senders read them, and null returns to the default", async () => {
    const token = tenant.ownerToken;
    const patched = await call(app, "patch", "/api/v1/settings", {
      token,
      body: {
        templates: { points_earned: "features_points", broadcast: { name: "features_promo", language: "en_GB" } },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      templates: {
        points_earned: { name: "features_points", language: "en" },
        broadcast: { name: "features_promo", language: "en_GB" },
        expiry_reminder: null,
      },
    });
    const stored = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ whatsapp_config: z.record(z.string(), z.unknown()) }))`
        SELECT whatsapp_config FROM tenants WHERE id = ${tenant.id}
      `),
    );
    expect(stored).toMatchObject({
      points_earned_template: { name: "features_points", language: "en" },
      broadcast_template: { name: "features_promo", language: "en_GB" },
    });

    const refused = await call(app, "patch", "/api/v1/settings", {
      token,
      body: { templates: { broadcast: "Big Promo!" } },
    });
    expect(refused.status).toBe(400);
    const reset = await call(app, "patch", "/api/v1/settings", { token, body: { templates: { broadcast: null } } });
    expect(reset.body).toMatchObject({
      templates: { broadcast: null, points_earned: { name: "features_points", language: "en" } },
    });
  });

  it("when analytics are asked for, then today's live figures count today's purchases", async () => {
    const res = await call(app, "get", "/api/v1/analytics/summary", { token: tenant.ownerToken });
    expect(res.status).toBe(200);
    const body = z
      .object({
        totals: z.object({ total_purchases: z.number(), revenue_kobo: z.number() }).loose(),
        top_customers: z.array(z.unknown()),
      })
      .parse(res.body);
    expect(body.totals.total_purchases).toBeGreaterThanOrEqual(6);
    expect(body.top_customers.length).toBeGreaterThan(0);
  });

  it("when a staff member is updated or the last owner is disabled, then the right answers come back", async () => {
    const token = tenant.ownerToken;
    const me = z.object({ user_id: z.uuid() }).parse((await call(app, "get", "/api/v1/me", { token })).body);
    const lastOwner = await call(app, "post", `/api/v1/staff/${me.user_id}/disable`, { token });
    expect(lastOwner.status).toBe(409);
    const list = page.parse((await call(app, "get", "/api/v1/staff", { token })).body);
    expect(list.data.some((s) => s.id === me.user_id)).toBe(true);
    expect(JSON.stringify(list)).not.toMatch(/hash/);
  });

  it("when the platform admin lists plans, pages tenants, updates one and invoices it, then each answer has its shape", async () => {
    const plans = await call(app, "get", "/api/platform/plans", { token: platformToken });
    expect(
      z
        .object({ data: z.array(z.object({ slug: z.string(), price_kobo: z.number() }).loose()) })
        .parse(plans.body)
        .data.map((p) => p.slug),
    ).toEqual(expect.arrayContaining(["trial", "starter", "growth", "pro"]));
    const first = page.parse((await call(app, "get", "/api/platform/tenants?limit=1", { token: platformToken })).body);
    expect(first.data).toHaveLength(1);
    if (first.next_cursor !== null) {
      const second = page.parse(
        (await call(app, "get", `/api/platform/tenants?limit=1&cursor=${first.next_cursor}`, { token: platformToken }))
          .body,
      );
      expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    }
    const one = await call(app, "get", `/api/platform/tenants/${tenant.id}`, { token: platformToken });
    expect(one.body).toMatchObject({ id: tenant.id, vendor_code: tenant.vendorCode });
    const upgraded = await call(app, "patch", `/api/platform/tenants/${tenant.id}`, {
      token: platformToken,
      body: { plan: "starter" },
    });
    expect(upgraded.body).toMatchObject({ plan: "starter" });
    expect(
      (await call(app, "patch", `/api/platform/tenants/${tenant.id}`, { token: platformToken, body: { plan: "nope" } }))
        .status,
    ).toBe(400);
    const invoice = await call(app, "post", `/api/platform/tenants/${tenant.id}/invoices`, {
      token: platformToken,
      body: {
        amount_kobo: 500000,
        tax_kobo: 37500,
        period_start: "2026-12-01",
        period_end: "2026-12-31",
        due_date: "2026-12-07",
      },
    });
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({
      total_kobo: 537500,
      status: "pending",
      invoice_number: expect.stringMatching(/^INV-/),
    });
    const invoiceId = z.object({ id: z.uuid() }).parse(invoice.body).id;
    const paid = await call(app, "post", `/api/platform/tenants/${tenant.id}/invoices/${invoiceId}/mark-paid`, {
      token: platformToken,
      body: { payment_method: "paystack", payment_reference: "PSK-123" },
    });
    expect(paid.body).toMatchObject({ status: "paid", payment_reference: "PSK-123", paid_at: expect.any(String) });
    expect(
      (
        await call(app, "post", `/api/platform/tenants/${tenant.id}/invoices/${invoiceId}/mark-paid`, {
          token: platformToken,
          body: {},
        })
      ).status,
    ).toBe(409);
    const invoices = page.parse(
      (await call(app, "get", `/api/platform/tenants/${tenant.id}/invoices`, { token: platformToken })).body,
    );
    expect(invoices.data.map((i) => i.id)).toContain(invoiceId);
    const support = await createPlatformAdmin(app.pool, "support");
    const supportToken = await platformLogin(app, support);
    expect((await call(app, "get", "/api/platform/tenants", { token: supportToken })).status).toBe(200);
    expect(
      (await call(app, "post", `/api/platform/tenants/${tenant.id}/suspend`, { token: supportToken, body: {} })).status,
    ).toBe(403);
  });
});
