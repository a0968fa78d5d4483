import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { call, createPlatformAdmin, errorBody, onboardTenant, uniqueLocalPhone, vendorLogin } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";

/** The minimal HTTP API of docs/api.md (the calls operators and black-box tests rely on), with exact shapes, plus login and API keys. */
const { app, platformToken } = await startApiSuite({ role: "web" });

const iso = z.iso.datetime({ offset: true });

describe("auth", { timeout: 90_000 }, () => {
  it("when a platform admin logs in with the right password, then a bearer token comes back", async () => {
    const admin = await createPlatformAdmin(app.pool);
    const res = await call(app, "post", "/api/platform/auth/login", {
      body: { email: admin.email, password: admin.password },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.stringMatching(/^ey/), token_type: "Bearer", expires_in: 3600 });
  });

  it("when a login uses a wrong password or an unknown email, then both answers are the same 401", async () => {
    const admin = await createPlatformAdmin(app.pool);
    const wrong = await call(app, "post", "/api/platform/auth/login", {
      body: { email: admin.email, password: "not-the-password" },
    });
    const unknown = await call(app, "post", "/api/platform/auth/login", {
      body: { email: "ghost@nowhere.test", password: "not-the-password" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: { code: "unauthorized", message: "Invalid credentials" } });
  });

  it("when a vendor owner logs in, then a token comes back and last_login_at is recorded", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const lastLogin = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ last_login_at: z.date().nullable() }))`
        SELECT last_login_at FROM vendor_users WHERE email = ${tenant.ownerEmail}`),
    );
    expect(lastLogin).toBeInstanceOf(Date);
    const wrongVendor = await call(app, "post", "/api/v1/auth/login", {
      body: { vendor_code: "NOSUCHCODE", email: tenant.ownerEmail, password: tenant.ownerPassword },
    });
    const wrongPassword = await call(app, "post", "/api/v1/auth/login", {
      body: { vendor_code: tenant.vendorCode, email: tenant.ownerEmail, password: "wrong-password" },
    });
    expect(wrongVendor.status).toBe(401);
    expect(wrongVendor.body).toEqual(wrongPassword.body);
  });

  it("when a guesser keeps failing to log in, then the 6th attempt is refused with 429 (the account is locked)", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const attempt = () =>
      call(app, "post", "/api/v1/auth/login", {
        body: { vendor_code: tenant.vendorCode, email: tenant.ownerEmail, password: "guess-guess" },
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(errorBody.parse(limited.body).error.code).toBe("account_locked");
    // Another email from the same address is not locked out.
    const other = await call(app, "post", "/api/v1/auth/login", {
      body: { vendor_code: tenant.vendorCode, email: "x@y.test", password: "guess" },
    });
    expect(other.status).toBe(401);
  }, 180_000);

  it("when a token is tampered with or missing, then the vendor API answers 401", async () => {
    const tenant = await onboardTenant(app, platformToken);
    expect((await call(app, "get", "/api/v1/me")).status).toBe(401);
    expect((await call(app, "get", "/api/v1/me", { token: `${tenant.ownerToken}x` })).status).toBe(401);
    expect((await call(app, "get", "/api/v1/me", { token: "llk_not-a-real-key" })).status).toBe(401);
    const me = await call(app, "get", "/api/v1/me", { token: tenant.ownerToken });
    expect(me.body).toEqual({
      tenant_id: tenant.id,
      user_id: expect.any(String),
      api_key_id: null,
      role: "owner",
      permissions: {},
    });
  });

  it("when an API key is created, then it logs purchases as role api until it is revoked", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const created = await call(app, "post", "/api/v1/api-keys", {
      token: tenant.ownerToken,
      body: { name: "POS till 1" },
    });
    expect(created.status).toBe(201);
    const key = z.object({ id: z.uuid(), key: z.string().startsWith("llk_"), prefix: z.string() }).parse(created.body);
    const stored = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ key_hash: z.string() }))`SELECT key_hash FROM api_keys WHERE id = ${key.id}`),
    );
    expect(stored).not.toContain(key.key);
    const me = await call(app, "get", "/api/v1/me", { token: key.key });
    expect(me.body).toMatchObject({ role: "api", api_key_id: key.id, user_id: null });
    const purchase = await call(app, "post", "/api/v1/purchases", {
      token: key.key,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 250000 },
    });
    expect(purchase.status).toBe(201);
    expect(purchase.body).toMatchObject({ source: "api" });
    expect((await call(app, "get", "/api/v1/staff", { token: key.key })).status).toBe(403);
    expect((await call(app, "delete", `/api/v1/api-keys/${key.id}`, { token: tenant.ownerToken })).status).toBe(200);
    expect((await call(app, "get", "/api/v1/me", { token: key.key })).status).toBe(401);
  });
});

describe("minimal contract", { timeout: 90_000 }, () => {
  it("when a tenant is created with an owner, then 201 carries its id and a generated vendor_code, on a 30-day trial", async () => {
    const res = await call(app, "post", "/api/platform/tenants", {
      token: platformToken,
      body: {
        business_name: "Chop Life Kitchen",
        phone_number: uniqueLocalPhone(),
        email: "hello@choplife.test",
        owner: { email: "Owner@ChopLife.test", password: "a-long-password", full_name: "Ngozi" },
      },
    });
    expect(res.status).toBe(201);
    const tenant = z
      .object({
        id: z.uuid(),
        vendor_code: z.string().regex(/^[A-Z0-9]{3,20}$/),
        slug: z.string(),
        plan: z.literal("trial"),
        subscription_status: z.literal("trial"),
        trial_ends_at: iso,
      })
      .parse(res.body);
    const days = (Date.parse(tenant.trial_ends_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(JSON.stringify(res.body)).not.toContain("password");
    const token = await vendorLogin(app, {
      vendorCode: tenant.vendor_code,
      email: "owner@choplife.test",
      password: "a-long-password",
    });
    expect(token).toMatch(/^ey/);
  });

  it("when a vendor_code is given, then it is used, and a second tenant with it gets 409", async () => {
    const code = `VC${Date.now().toString(36).toUpperCase()}`;
    const body = (phone: string) => ({
      business_name: "Same Name",
      phone_number: phone,
      vendor_code: code,
      owner: { email: "o@x.test", password: "a-long-password", full_name: "O" },
    });
    const first = await call(app, "post", "/api/platform/tenants", {
      token: platformToken,
      body: body(uniqueLocalPhone()),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ vendor_code: code });
    const second = await call(app, "post", "/api/platform/tenants", {
      token: platformToken,
      body: body(uniqueLocalPhone()),
    });
    expect(second.status).toBe(409);
    expect(errorBody.parse(second.body).error.code).toBe("vendor_code_taken");
  });

  it("when staff is added, then 201 is the staff member without hash or PIN, and the trial's max_staff is enforced", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const body = {
      full_name: "Tunde",
      email: "tunde@shop.test",
      phone_number: "0803 111 2222",
      role: "staff",
      pin: "1234",
    };
    const res = await call(app, "post", "/api/v1/staff", { token: tenant.ownerToken, body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: "tunde@shop.test",
      full_name: "Tunde",
      phone_number: "2348031112222",
      role: "staff",
      pin_enabled: true,
      is_active: true,
      created_at: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|1234/);
    const second = await call(app, "post", "/api/v1/staff", {
      token: tenant.ownerToken,
      body: { ...body, email: "b@shop.test", phone_number: "08031112223" },
    });
    expect(second.status).toBe(402);
    expect(errorBody.parse(second.body).error.code).toBe("plan_limit_reached");
  });

  it("when a reward is added, then 201 is the reward", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const res = await call(app, "post", "/api/v1/rewards", {
      token: tenant.ownerToken,
      body: {
        name: "Free Zobo",
        points_required: 100,
        stock_quantity: 20,
        max_redemptions_per_customer: 2,
        valid_until: "2027-01-01T00:00:00Z",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: "Free Zobo",
      description: null,
      points_required: 100,
      stock_quantity: 20,
      max_redemptions_per_customer: 2,
      valid_from: null,
      valid_until: "2027-01-01T00:00:00.000Z",
      is_active: true,
      total_redemptions: 0,
    });
  });

  it("when a rule is added, then its config is validated for its rule_type", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const ok = await call(app, "post", "/api/v1/rules", {
      token: tenant.ownerToken,
      body: {
        name: "1 per ₦100",
        rule_type: "per_amount_spent",
        config: { points_per_ngn: 0.01 },
        priority: 1,
        conditions: { min_amount: 100000 },
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      rule_type: "per_amount_spent",
      config: { points_per_ngn: 0.01 },
      priority: 1,
      conditions: { min_amount: 100000 },
      is_active: true,
    });
    const bad = await call(app, "post", "/api/v1/rules", {
      token: tenant.ownerToken,
      body: { name: "Broken", rule_type: "per_purchase", config: { points_per_ngn: 0.01 } },
    });
    expect(bad.status).toBe(400);
    expect(errorBody.parse(bad.body).error.message).toContain("points_per_purchase");
  });

  it("when a purchase is logged, then 201 has points_awarded; the same key again is 200 with the same purchase", async () => {
    const tenant = await onboardTenant(app, platformToken);
    await call(app, "post", "/api/v1/rules", {
      token: tenant.ownerToken,
      body: { name: "1 per ₦100", rule_type: "per_amount_spent", config: { points_per_ngn: 0.01 } },
    });
    const body = {
      customer_phone: "0803 555 0101",
      amount_kobo: 500000,
      idempotency_key: "pos-1-receipt-42",
      product_name: "Jollof",
    };
    const first = await call(app, "post", "/api/v1/purchases", { token: tenant.ownerToken, body });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      customer_id: expect.any(String),
      customer_phone: "2348035550101",
      amount_kobo: 500000,
      product_name: "Jollof",
      product_category: null,
      source: "manual",
      points_awarded: 50,
      idempotency_key: "pos-1-receipt-42",
      balance: 50,
      created_at: expect.any(String),
    });
    const again = await call(app, "post", "/api/v1/purchases", { token: tenant.ownerToken, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const reused = await call(app, "post", "/api/v1/purchases", {
      token: tenant.ownerToken,
      body: { ...body, amount_kobo: 1 },
    });
    expect(reused.status).toBe(409);
  });

  it("when points are adjusted, then 201 is the ledger row and an audit row records it", async () => {
    const tenant = await onboardTenant(app, platformToken);
    const purchase = await call(app, "post", "/api/v1/purchases", {
      token: tenant.ownerToken,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 1000 },
    });
    const customerId = z.object({ customer_id: z.uuid() }).parse(purchase.body).customer_id;
    const res = await call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
      token: tenant.ownerToken,
      body: { points: 25, reason: "Birthday gift" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customer_id: customerId,
      transaction_type: "adjusted",
      points: 25,
      description: "Adjustment: Birthday gift",
      balance: 25,
    });
    const tooMuch = await call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
      token: tenant.ownerToken,
      body: { points: -26, reason: "Oops" },
    });
    expect(tooMuch.status).toBe(409);
    const missingReason = await call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
      token: tenant.ownerToken,
      body: { points: 5 },
    });
    expect(missingReason.status).toBe(400);
    const audit = await call(app, "get", `/api/v1/audit-logs?action=points.adjusted&entity_id=${customerId}`, {
      token: tenant.ownerToken,
    });
    expect(audit.body).toMatchObject({
      data: [{ action: "points.adjusted", new_values: { points: 25, reason: "Birthday gift", balance: 25 } }],
    });
  });
});
