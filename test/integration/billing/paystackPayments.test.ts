import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { noRows, sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { expireSubscriptions } from "../../../src/domain/subscriptions/expireSubscriptions.ts";
import { startFakePaystack, type FakePaystack, type SignedEvent } from "../../helpers/fakePaystack.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  vendorLogin,
  type OnboardedTenant,
} from "../api/apiHelpers.ts";

/**
 * Paying through Paystack end to end: the vendor API starts a checkout on a fake Paystack
 * server, the test pays as the payer would, and delivers the signed `charge.success` to
 * `/webhooks/paystack`; the app verifies it with Paystack and applies it once.
 */
let app: TestApp;
let paystack: FakePaystack;
let platformToken: string;

beforeAll(async () => {
  paystack = await startFakePaystack();
  app = await startTestApp({ config: { PAYSTACK_SECRET_KEY: paystack.secretKey, PAYSTACK_API_URL: paystack.url } });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
}, 120_000);
afterAll(async () => {
  await app.stop();
  await paystack.stop();
});
beforeEach(() => {
  paystack.chargeOutcome = "success";
  paystack.verifyDown = false;
});

const payLink = z.object({
  authorization_url: z.string(),
  reference: z.string(),
  invoice_id: z.uuid(),
  total_kobo: z.number(),
});
const changePlan = z.object({ action: z.string(), payment: payLink.nullable(), effective_at: z.string().nullable() });

const stateRow = z.object({
  subscription_status: z.string(),
  plan: z.string().nullable(),
  subscription_ends_at: z.date().nullable(),
  card_last4: z.string().nullable(),
  suspended_for_nonpayment: z.boolean().nullable(),
});
const invoiceRow = z.object({
  status: z.string(),
  payment_reference: z.string().nullable(),
  paid_at: z.date().nullable(),
});
const paymentRow = z.object({ status: z.string(), amount_kobo: z.number() });

async function deliver(event: SignedEvent, signature: string | null = event.signature): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-paystack-signature"] = signature;
  const res = await fetch(`${app.url}/webhooks/paystack`, { method: "POST", headers, body: event.raw });
  await res.arrayBuffer();
  return res.status;
}

async function tenantState(tenantId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(stateRow)`
      SELECT t.subscription_status, p.slug AS plan, t.subscription_ends_at, b.card_last4, b.suspended_for_nonpayment
      FROM tenants t LEFT JOIN subscription_plans p ON p.id = t.subscription_plan_id LEFT JOIN tenant_billing b ON b.tenant_id = t.id
      WHERE t.id = ${tenantId}
    `),
  );
}

async function invoice(invoiceId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(
      sql.type(invoiceRow)`SELECT status, payment_reference, paid_at FROM tenant_invoices WHERE id = ${invoiceId}`,
    ),
  );
}

async function payments(invoiceId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(
      sql.type(
        paymentRow,
      )`SELECT status, amount_kobo FROM billing_payments WHERE invoice_id = ${invoiceId} ORDER BY created_at`,
    ),
  );
}

async function audits(tenantId: string, action: string): Promise<number> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        z.object({ n: z.number() }),
      )`SELECT count(*)::int AS n FROM audit_logs WHERE tenant_id = ${tenantId} AND action = ${action}`,
    ),
  );
}

/** A tenant whose trial ended without payment: suspended for non-payment by the job. */
async function suspendedTrialTenant(name: string): Promise<OnboardedTenant> {
  const tenant = await onboardTenant(app, platformToken, name);
  await withPlatform(app.pool, async (tx) => {
    await tx.query(
      sql.type(noRows)`UPDATE tenants SET trial_ends_at = now() - interval '1 hour' WHERE id = ${tenant.id}`,
    );
    await expireSubscriptions(tx, { now: new Date(), tenantId: tenant.id });
  });
  return tenant;
}

async function issueInvoice(tenantId: string, amountKobo = 500000): Promise<string> {
  const res = await call(app, "post", `/api/platform/tenants/${tenantId}/invoices`, {
    token: platformToken,
    body: { amount_kobo: amountKobo, period_start: "2026-12-01", period_end: "2026-12-31", due_date: "2026-12-01" },
  });
  expect(res.status).toBe(201);
  return z.object({ id: z.uuid() }).parse(res.body).id;
}

async function startPaying(token: string, invoiceId: string) {
  const res = await call(app, "post", `/api/v1/invoices/${invoiceId}/pay`, { token, body: {} });
  expect(res.status).toBe(200);
  return payLink.parse(res.body);
}

describe("paying through Paystack", () => {
  it("when a trial ended unpaid, then the owner can still sign in to billing only, and paying for a plan reactivates at once", async () => {
    const tenant = await suspendedTrialTenant("Lapsed Foods");
    expect(await tenantState(tenant.id)).toMatchObject({
      subscription_status: "suspended",
      suspended_for_nonpayment: true,
    });

    const token = await vendorLogin(app, {
      vendorCode: tenant.vendorCode,
      email: tenant.ownerEmail,
      password: tenant.ownerPassword,
    });
    const sub = await call(app, "get", "/api/v1/subscription", { token });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ status: "suspended", suspended_for_nonpayment: true });
    const locked = await call(app, "get", "/api/v1/rewards", { token });
    expect(locked.status).toBe(403);
    expect(errorBody.parse(locked.body).error.code).toBe("tenant_suspended");

    const chosen = await call(app, "post", "/api/v1/subscription/plan", { token, body: { plan: "starter" } });
    expect(chosen.status).toBe(200);
    const { action, payment } = changePlan.parse(chosen.body);
    expect(action).toBe("pay");
    if (payment === null) throw new Error("no payment link");
    expect(payment.total_kobo).toBe(500000);
    const initialize = paystack.requests.find(
      (r) => r.path === "/transaction/initialize" && JSON.stringify(r.body).includes(payment.reference),
    );
    expect(initialize?.body).toMatchObject({
      email: tenant.ownerEmail,
      amount: "500000",
      currency: "NGN",
      reference: payment.reference,
    });

    const before = Date.now();
    expect(await deliver(paystack.pay(payment.reference))).toBe(200);
    const state = await tenantState(tenant.id);
    expect(state).toMatchObject({
      subscription_status: "active",
      plan: "starter",
      card_last4: "4081",
      suspended_for_nonpayment: false,
    });
    const days = ((state.subscription_ends_at?.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
    expect(await invoice(payment.invoice_id)).toMatchObject({ status: "paid", payment_reference: payment.reference });
    expect(
      paystack.requests.some((r) => r.method === "GET" && r.path === `/transaction/verify/${payment.reference}`),
    ).toBe(true);
    expect(await audits(tenant.id, "invoice.paid")).toBe(1);
    expect(await audits(tenant.id, "tenant.reactivated")).toBe(1);
    expect((await call(app, "get", "/api/v1/rewards", { token })).status).toBe(200);
  });

  it("when the same charge.success is delivered again, or many times at once, then it has one effect", async () => {
    const tenant = await onboardTenant(app, platformToken, "Replay Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const { reference } = await startPaying(tenant.ownerToken, invoiceId);
    const event = paystack.pay(reference);
    const statuses = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await deliver(event)).toBe(200);
    expect(await payments(invoiceId)).toEqual([{ status: "success", amount_kobo: 500000 }]);
    expect(await audits(tenant.id, "invoice.paid")).toBe(1);
  });

  it("when an invoice already paid is paid again under another reference, then it is paid once and the second payment is kept for a refund", async () => {
    const tenant = await onboardTenant(app, platformToken, "Twice Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const first = await startPaying(tenant.ownerToken, invoiceId);
    const second = await startPaying(tenant.ownerToken, invoiceId);
    expect(second.reference).not.toBe(first.reference);
    const [a, b] = [paystack.pay(first.reference), paystack.pay(second.reference)];
    expect(await Promise.all([deliver(a), deliver(b)])).toEqual([200, 200]);
    const rows = await payments(invoiceId);
    expect(rows.map((r) => r.status).sort()).toEqual(["success", "unapplied"]);
    expect(await audits(tenant.id, "invoice.paid")).toBe(1);
    expect(await audits(tenant.id, "invoice.paid_twice")).toBe(1);
    // And it cannot be started again.
    const again = await call(app, "post", `/api/v1/invoices/${invoiceId}/pay`, { token: tenant.ownerToken, body: {} });
    expect(again.status).toBe(409);
  });

  it("when the signature is forged, missing or for another body, then 401 and nothing is paid", async () => {
    const tenant = await onboardTenant(app, platformToken, "Forged Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const { reference } = await startPaying(tenant.ownerToken, invoiceId);
    const event = paystack.pay(reference);
    const forged = paystack.signedEvent({ event: "charge.success", data: { reference } });
    expect(await deliver(event, "0".repeat(128))).toBe(401);
    expect(await deliver(event, null)).toBe(401);
    expect(await deliver(event, "not-hex")).toBe(401);
    expect(await deliver({ raw: `${event.raw} `, signature: event.signature })).toBe(401);
    expect(await deliver({ raw: event.raw, signature: forged.signature })).toBe(401);
    expect(await invoice(invoiceId)).toMatchObject({ status: "pending" });
    expect(await payments(invoiceId)).toEqual([]);
  });

  it("when Paystack reports a different amount, then the invoice stays unpaid and the mismatch is recorded", async () => {
    const tenant = await onboardTenant(app, platformToken, "Short Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const { reference } = await startPaying(tenant.ownerToken, invoiceId);
    expect(await deliver(paystack.pay(reference, { amount: 100 }))).toBe(200);
    expect(await invoice(invoiceId)).toMatchObject({ status: "pending", paid_at: null });
    expect(await payments(invoiceId)).toEqual([{ status: "mismatch", amount_kobo: 100 }]);
    expect(await audits(tenant.id, "invoice.payment_mismatch")).toBe(1);

    const dollars = await startPaying(tenant.ownerToken, invoiceId);
    expect(await deliver(paystack.pay(dollars.reference, { currency: "USD" }))).toBe(200);
    expect(await invoice(invoiceId)).toMatchObject({ status: "pending" });
  });

  it("when the event names a reference that is not ours, or another event, then it is logged and answered 200", async () => {
    const unknown = paystack.signedEvent({
      event: "charge.success",
      data: { reference: `T${randomUUID()}`, amount: 500000, status: "success" },
    });
    expect(await deliver(unknown)).toBe(200);
    const unknownInvoice = paystack.signedEvent({
      event: "charge.success",
      data: { reference: `inv_${"a".repeat(32)}_abcdefghij` },
    });
    expect(await deliver(unknownInvoice)).toBe(200);
    expect(await deliver(paystack.signedEvent({ event: "transfer.success", data: { reference: "x" } }))).toBe(200);
    expect(app.logs.lines.some((l) => l["msg"] === "paystack charge for an unknown reference")).toBe(true);
    expect(await deliver(paystack.signedEvent({ nope: true }))).toBe(400);
  });

  it("when Paystack cannot verify yet, then the webhook answers 502 and the redelivery pays", async () => {
    const tenant = await onboardTenant(app, platformToken, "Retry Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const { reference } = await startPaying(tenant.ownerToken, invoiceId);
    const event = paystack.pay(reference);
    paystack.verifyDown = true;
    expect(await deliver(event)).toBe(502);
    expect(await invoice(invoiceId)).toMatchObject({ status: "pending" });
    paystack.verifyDown = false;
    expect(await deliver(event)).toBe(200);
    expect(await invoice(invoiceId)).toMatchObject({ status: "paid" });
  });

  it("when another tenant's invoice, a staff member or a bad id is used, then paying is refused", async () => {
    const a = await onboardTenant(app, platformToken, "Owner A Foods");
    const b = await onboardTenant(app, platformToken, "Owner B Foods");
    const invoiceOfB = await issueInvoice(b.id);
    expect(
      (await call(app, "post", `/api/v1/invoices/${invoiceOfB}/pay`, { token: a.ownerToken, body: {} })).status,
    ).toBe(404);
    expect((await call(app, "post", "/api/v1/invoices/not-a-uuid/pay", { token: a.ownerToken, body: {} })).status).toBe(
      404,
    );
    const email = `s-${randomUUID()}@v.test`;
    const created = await call(app, "post", "/api/v1/staff", {
      token: b.ownerToken,
      body: { full_name: "Till", email, phone_number: uniqueLocalPhone(), role: "staff", password: "staff-password-1" },
    });
    expect(created.status).toBe(201);
    const staffToken = await vendorLogin(app, { vendorCode: b.vendorCode, email, password: "staff-password-1" });
    expect(
      (await call(app, "post", `/api/v1/invoices/${invoiceOfB}/pay`, { token: staffToken, body: {} })).status,
    ).toBe(403);
    expect(
      (await call(app, "post", "/api/v1/subscription/plan", { token: staffToken, body: { plan: "pro" } })).status,
    ).toBe(403);
    expect(
      (await call(app, "post", `/api/v1/invoices/${invoiceOfB}/pay`, { token: b.ownerToken, body: { amount: -1 } }))
        .status,
    ).toBe(400);
    expect(
      (await call(app, "post", "/api/v1/subscription/plan", { token: b.ownerToken, body: { plan: "no-such-plan" } }))
        .status,
    ).toBe(400);
    expect(
      (await call(app, "post", "/api/v1/subscription/plan", { token: b.ownerToken, body: { plan: "trial" } })).status,
    ).toBe(400);
  });

  it("when an admin suspended the business, then a payment does not lift the suspension and its owner cannot sign in", async () => {
    const tenant = await onboardTenant(app, platformToken, "Admin Held Foods");
    const invoiceId = await issueInvoice(tenant.id);
    const { reference } = await startPaying(tenant.ownerToken, invoiceId);
    expect(
      (
        await call(app, "post", `/api/platform/tenants/${tenant.id}/suspend`, {
          token: platformToken,
          body: { reason: "Fraud check" },
        })
      ).status,
    ).toBe(200);
    expect(await deliver(paystack.pay(reference))).toBe(200);
    expect(await invoice(invoiceId)).toMatchObject({ status: "paid" });
    expect(await tenantState(tenant.id)).toMatchObject({ subscription_status: "suspended" });
    const login = await call(app, "post", "/api/v1/auth/login", {
      body: { vendor_code: tenant.vendorCode, email: tenant.ownerEmail, password: tenant.ownerPassword },
    });
    expect(login.status).toBe(403);
  });
});

describe("changing plan", () => {
  it("when a paying tenant downgrades while over the smaller plan's limit, then it is refused naming the limit; under it, it is scheduled for the period's end", async () => {
    const tenant = await onboardTenant(app, platformToken, "Downgrade Foods");
    const chosen = changePlan.parse(
      (await call(app, "post", "/api/v1/subscription/plan", { token: tenant.ownerToken, body: { plan: "growth" } }))
        .body,
    );
    if (chosen.payment === null) throw new Error("no payment link");
    expect(await deliver(paystack.pay(chosen.payment.reference))).toBe(200);
    expect(await tenantState(tenant.id)).toMatchObject({ plan: "growth", subscription_status: "active" });

    const staffIds: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await call(app, "post", "/api/v1/staff", {
        token: tenant.ownerToken,
        body: {
          full_name: `Staff ${i}`,
          email: `s${i}-${randomUUID()}@v.test`,
          phone_number: uniqueLocalPhone(),
          role: "staff",
        },
      });
      expect(res.status).toBe(201);
      staffIds.push(z.object({ id: z.string() }).parse(res.body).id);
    }
    const refused = await call(app, "post", "/api/v1/subscription/plan", {
      token: tenant.ownerToken,
      body: { plan: "starter" },
    });
    expect(refused.status).toBe(409);
    expect(errorBody.parse(refused.body).error).toMatchObject({
      code: "plan_usage_exceeds_limit",
      message: "Starter allows 3 staff and you have 4",
    });

    expect((await call(app, "post", `/api/v1/staff/${staffIds[0]}/disable`, { token: tenant.ownerToken })).status).toBe(
      200,
    );
    const scheduled = changePlan.parse(
      (await call(app, "post", "/api/v1/subscription/plan", { token: tenant.ownerToken, body: { plan: "starter" } }))
        .body,
    );
    expect(scheduled.action).toBe("downgrade_scheduled");
    const state = await tenantState(tenant.id);
    expect(scheduled.effective_at).toBe(state.subscription_ends_at?.toISOString());
    expect(state.plan).toBe("growth");
    const sub = await call(app, "get", "/api/v1/subscription", { token: tenant.ownerToken });
    expect(sub.body).toMatchObject({ plan: { slug: "growth" }, pending_plan: { slug: "starter" } });

    // An upgrade is not a downgrade: it is paid now.
    const upgrade = changePlan.parse(
      (await call(app, "post", "/api/v1/subscription/plan", { token: tenant.ownerToken, body: { plan: "pro" } })).body,
    );
    expect(upgrade.action).toBe("pay");
    expect(upgrade.payment?.total_kobo).toBe(3000000);
  });
});
