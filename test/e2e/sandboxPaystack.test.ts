import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../helpers/testApp.ts";
import { call, createPlatformAdmin, onboardTenant, platformLogin } from "../integration/api/apiHelpers.ts";

/**
 * Sandbox mode's Paystack (no PAYSTACK_SECRET_KEY, not production): the checkout link the API
 * answers opens the app's own fake checkout page, and completing it there pays the invoice
 * through the same signed webhook and verify call as the real Paystack would.
 */
let app: TestApp;
let platformToken: string;

beforeAll(async () => {
  app = await startTestApp();
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const changePlan = z.object({ payment: z.object({ authorization_url: z.string(), invoice_id: z.uuid() }) });

async function invoiceStatus(invoiceId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ status: z.string() }))`SELECT status FROM tenant_invoices WHERE id = ${invoiceId}`),
  );
}

describe("sandbox Paystack", () => {
  it("when the owner opens the checkout link and pays, then the invoice is paid and the plan active", async () => {
    const tenant = await onboardTenant(app, platformToken, "Sandbox Pay Foods");
    const res = await call(app, "post", "/api/v1/subscription/plan", {
      token: tenant.ownerToken,
      body: { plan: "growth" },
    });
    expect(res.status).toBe(200);
    const { payment } = changePlan.parse(res.body);
    expect(payment.authorization_url.startsWith(`${app.url}/sandbox/paystack/checkout/`)).toBe(true);

    const page = await fetch(payment.authorization_url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("₦15,000.00");
    expect(html).toContain("Pay now");

    const done = await fetch(`${payment.authorization_url}/complete?outcome=success`, { method: "POST" });
    expect(await done.text()).toContain("Payment received (webhook answered 200)");
    expect(await invoiceStatus(payment.invoice_id)).toBe("paid");
    const sub = await call(app, "get", "/api/v1/subscription", { token: tenant.ownerToken });
    expect(sub.body).toMatchObject({
      status: "active",
      on_trial: false,
      plan: { slug: "growth" },
      card: { last4: "4081" },
    });
  });

  it("when the payer fails the payment, then the invoice stays unpaid and can be paid again", async () => {
    const tenant = await onboardTenant(app, platformToken, "Sandbox Fail Foods");
    const { payment } = changePlan.parse(
      (await call(app, "post", "/api/v1/subscription/plan", { token: tenant.ownerToken, body: { plan: "starter" } }))
        .body,
    );
    const failed = await fetch(`${payment.authorization_url}/complete?outcome=failed`, { method: "POST" });
    expect(await failed.text()).toContain("The payment failed");
    expect(await invoiceStatus(payment.invoice_id)).toBe("pending");
    const again = await call(app, "post", `/api/v1/invoices/${payment.invoice_id}/pay`, {
      token: tenant.ownerToken,
      body: {},
    });
    expect(again.status).toBe(200);
  });
});
