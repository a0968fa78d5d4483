import { randomUUID } from "node:crypto";
import { uniqueLocalPhone } from "./apiHelpers.ts";

/** Ids of one tenant's resources, to fill `{id}` in route paths. */
export type TenantFixture = {
  staffId: string;
  rewardId: string;
  ruleId: string;
  campaignId: string;
  customerId: string;
  redemptionId: string;
  apiKeyId: string;
  invoiceId: string;
  broadcastId: string;
  claimId: string;
  purchaseId: string;
  tenantId: string;
};

/** A valid body for every route that takes one, keyed by `METHOD path`. A new write route needs one here. */
export const validBodies: Record<string, () => Record<string, unknown>> = {
  "POST /api/platform/auth/login": () => ({ email: "nobody@example.com", password: "wrong-password" }),
  "POST /api/v1/auth/login": () => ({ vendor_code: "NOPE", email: "nobody@example.com", password: "wrong-password" }),
  "POST /api/v1/auth/session": () => ({ vendor_code: "NOPE", email: "nobody@example.com", password: "wrong-password" }),
  "POST /api/platform/auth/session": () => ({ email: "nobody@example.com", password: "wrong-password" }),
  "POST /api/v1/broadcasts/audience": () => ({ target_segment: { tags: ["vip"] } }),
  "POST /api/v1/auth/whatsapp-link": () => ({ token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }),
  "POST /api/platform/tenants": () => ({
    business_name: "Fuzz Foods",
    phone_number: uniqueLocalPhone(),
    owner: { email: `o-${randomUUID()}@x.test`, password: "long-enough-pw", full_name: "Owner" },
  }),
  "PATCH /api/platform/tenants/{id}": () => ({ business_name: "Renamed" }),
  "POST /api/platform/tenants/{id}/suspend": () => ({ reason: "Unpaid" }),
  "POST /api/platform/tenants/{id}/reactivate": () => ({}),
  "POST /api/platform/tenants/{id}/invoices": () => ({
    amount_kobo: 500000,
    period_start: "2026-11-01",
    period_end: "2026-11-30",
  }),
  "POST /api/platform/tenants/{id}/invoices/{invoiceId}/mark-paid": () => ({ payment_method: "bank_transfer" }),
  "POST /api/v1/staff": () => ({
    full_name: "Tunde Staff",
    email: `s-${randomUUID()}@x.test`,
    phone_number: uniqueLocalPhone(),
    role: "staff",
    pin: "4321",
  }),
  "PATCH /api/v1/staff/{id}": () => ({ full_name: "Tunde Renamed" }),
  "PUT /api/v1/staff/{id}/pin": () => ({ pin: "9876" }),
  "POST /api/v1/rewards": () => ({ name: "Free drink", points_required: 50, stock_quantity: 10 }),
  "PATCH /api/v1/rewards/{id}": () => ({ points_required: 60 }),
  "POST /api/v1/rules": () => ({ name: "Per ₦100", rule_type: "per_amount_spent", config: { points_per_ngn: 0.01 } }),
  "PATCH /api/v1/rules/{id}": () => ({ priority: 2 }),
  "POST /api/v1/campaigns": () => ({
    name: "Double weekend",
    campaign_type: "double_points",
    config: { multiplier: 2 },
    starts_at: "2026-12-01T00:00:00Z",
    ends_at: "2026-12-03T00:00:00Z",
  }),
  "POST /api/v1/campaigns/{id}/status": () => ({ status: "scheduled" }),
  "PATCH /api/v1/customers/{id}": () => ({ tags: ["vip"], notes: "Likes jollof" }),
  "POST /api/v1/customers/{id}/adjustments": () => ({ points: 5, reason: "Goodwill" }),
  "POST /api/v1/purchases": () => ({
    customer_phone: uniqueLocalPhone(),
    amount_kobo: 500000,
    idempotency_key: randomUUID(),
  }),
  "POST /api/v1/purchases/{id}/void": () => ({ reason: "Logged twice by mistake" }),
  "POST /api/v1/redemptions/verify": () => ({ code: "ZZZZZZZZ" }),
  "POST /api/v1/redemptions/{id}/cancel": () => ({ reason: "Customer changed their mind" }),
  "PATCH /api/v1/settings": () => ({ greeting_message: "Welcome to our shop!" }),
  "POST /api/v1/api-keys": () => ({ name: "POS" }),
  "POST /api/v1/broadcasts": () => ({
    name: "Weekend promo",
    message_content: "Double points all weekend!",
    target_segment: { tags: ["vip"], min_points: 100 },
  }),
  "POST /api/v1/broadcasts/{id}/schedule": () => ({ scheduled_at: "2030-01-01T09:00:00Z" }),
  "POST /api/v1/claims/{id}/approve": () => ({}),
  "POST /api/v1/claims/{id}/reject": () => ({ reason: "Not our receipt" }),
  "POST /api/v1/imports/customers": () => ({ csv: `phone,consent\n${uniqueLocalPhone()},yes\n`, dry_run: true }),
  "POST /api/v1/invoices/{id}/pay": () => ({}),
  "POST /api/v1/subscription/plan": () => ({ plan: "pro" }),
};

/** Fills `{id}` and `{invoiceId}` with the fixture's ids for the resource the path names. */
export function fillPath(path: string, f: TenantFixture): string {
  const idFor = (segment: string): string => {
    switch (segment) {
      case "staff":
        return f.staffId;
      case "rewards":
        return f.rewardId;
      case "rules":
        return f.ruleId;
      case "campaigns":
        return f.campaignId;
      case "customers":
        return f.customerId;
      case "redemptions":
        return f.redemptionId;
      case "api-keys":
        return f.apiKeyId;
      case "tenants":
        return f.tenantId;
      case "broadcasts":
        return f.broadcastId;
      case "claims":
        return f.claimId;
      case "invoices":
        return f.invoiceId;
      case "purchases":
        return f.purchaseId;
      default:
        throw new Error(`no fixture id for /${segment}/{id}`);
    }
  };
  return path
    .replace(/\/([a-z-]+)\/\{id\}/, (_m, segment: string) => `/${segment}/${idFor(segment)}`)
    .replace("{invoiceId}", f.invoiceId);
}
