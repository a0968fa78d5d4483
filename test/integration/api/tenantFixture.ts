import { randomUUID } from "node:crypto";
import { z } from "zod";
import { withTenant } from "../../../src/db/withTenant.ts";
import { fileReceiptClaim } from "../../../src/domain/claims/fileReceiptClaim.ts";
import { redeemReward } from "../../../src/domain/rewards/redeemReward.ts";
import { receiptKey } from "../../../src/storage/receiptStore.ts";
import type { TestApp } from "../../helpers/testApp.ts";
import { call, onboardTenant, uniqueLocalPhone, vendorLogin, type OnboardedTenant } from "./apiHelpers.ts";
import type { TenantFixture } from "./routeSamples.ts";

export type FullTenant = OnboardedTenant & {
  fixture: TenantFixture;
  staffToken: string;
  adminToken: string;
  apiKey: string;
};

const withId = z.object({ id: z.uuid() });

async function created(res: { status: number; body: unknown }, what: string): Promise<string> {
  if (res.status !== 201) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return withId.parse(res.body).id;
}

/**
 * A tenant with one of everything, made through the API (a redemption through the domain, as
 * the chat makes them): a staff member and an admin who can log in, a reward, a rule, a
 * campaign, a customer with points, a pending redemption, an API key, an invoice and a draft
 * broadcast.
 */
export async function createFullTenant(
  app: TestApp,
  platformToken: string,
  name = "Fixture Foods",
): Promise<FullTenant> {
  const tenant = await onboardTenant(app, platformToken, name);
  const token = tenant.ownerToken;
  const upgraded = await call(app, "patch", `/api/platform/tenants/${tenant.id}`, {
    token: platformToken,
    body: { plan: "growth" },
  });
  if (upgraded.status !== 200) throw new Error(`upgrade answered ${upgraded.status}`);
  const people: Record<string, { email: string; password: string; id: string }> = {};
  for (const role of ["staff", "admin"]) {
    const email = `${role}-${randomUUID()}@vendor.test`;
    const password = `pw-${randomUUID()}`;
    const id = await created(
      await call(app, "post", "/api/v1/staff", {
        token,
        body: { full_name: `A ${role}`, email, phone_number: uniqueLocalPhone(), role, pin: "1234", password },
      }),
      `create ${role}`,
    );
    people[role] = { email, password, id };
  }
  const staff = people["staff"];
  const admin = people["admin"];
  if (staff === undefined || admin === undefined) throw new Error("unreachable");
  const rewardId = await created(
    await call(app, "post", "/api/v1/rewards", {
      token,
      body: { name: "Free drink", points_required: 10, stock_quantity: 5 },
    }),
    "reward",
  );
  const ruleId = await created(
    await call(app, "post", "/api/v1/rules", {
      token,
      body: { name: "5 per visit", rule_type: "per_purchase", config: { points_per_purchase: 5 } },
    }),
    "rule",
  );
  const campaignId = await created(
    await call(app, "post", "/api/v1/campaigns", {
      token,
      body: {
        name: "Bonus",
        campaign_type: "bonus_points",
        config: { bonus_points: 3 },
        starts_at: "2026-01-01T00:00:00Z",
        ends_at: "2027-01-01T00:00:00Z",
      },
    }),
    "campaign",
  );
  const purchase = await call(app, "post", "/api/v1/purchases", {
    token,
    body: { customer_phone: uniqueLocalPhone(), amount_kobo: 100000 },
  });
  if (purchase.status !== 201)
    throw new Error(`purchase answered ${purchase.status}: ${JSON.stringify(purchase.body)}`);
  const { customer_id: customerId, id: purchaseId } = z
    .object({ customer_id: z.uuid(), id: z.uuid() })
    .parse(purchase.body);
  const adjusted = await call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
    token,
    body: { points: 100, reason: "Welcome gift" },
  });
  if (adjusted.status !== 201) throw new Error(`adjust answered ${adjusted.status}`);
  const redemption = await withTenant(app.pool, tenant.id, (tx) =>
    redeemReward(tx, { tenantId: tenant.id, customerId, rewardId, now: new Date() }),
  );
  if (!redemption.ok) throw new Error(`redeem failed: ${redemption.reason}`);
  const keyRes = await call(app, "post", "/api/v1/api-keys", { token, body: { name: "POS" } });
  const key = z.object({ id: z.uuid(), key: z.string() }).parse(keyRes.body);
  const invoiceId = await created(
    await call(app, "post", `/api/platform/tenants/${tenant.id}/invoices`, {
      token: platformToken,
      body: { amount_kobo: 500000, period_start: "2026-11-01", period_end: "2026-11-30" },
    }),
    "invoice",
  );
  const broadcastId = await created(
    await call(app, "post", "/api/v1/broadcasts", {
      token,
      body: { name: "Promo", message_content: "Double points today!", target_segment: {} },
    }),
    "broadcast",
  );
  const claim = await withTenant(app.pool, tenant.id, (tx) =>
    fileReceiptClaim(tx, {
      tenantId: tenant.id,
      customerId,
      amountKobo: 50_000,
      receipt: {
        key: receiptKey(tenant.id, "0".repeat(64)),
        sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
        mimeType: "image/jpeg",
        bytes: 1,
      },
      now: new Date(),
    }),
  );
  if (!claim.ok) throw new Error(`claim refused: ${claim.reason}`);
  return {
    ...tenant,
    staffToken: await vendorLogin(app, { vendorCode: tenant.vendorCode, email: staff.email, password: staff.password }),
    adminToken: await vendorLogin(app, { vendorCode: tenant.vendorCode, email: admin.email, password: admin.password }),
    apiKey: key.key,
    fixture: {
      tenantId: tenant.id,
      staffId: staff.id,
      rewardId,
      ruleId,
      campaignId,
      customerId,
      redemptionId: redemption.redemptionId,
      apiKeyId: key.id,
      invoiceId,
      broadcastId,
      claimId: claim.claim.id,
      purchaseId,
    },
  };
}
