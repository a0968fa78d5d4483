import type { EvaluatePurchaseInput, EvaluatedCustomer } from "../../../src/domain/rules/evaluatePurchase.ts";

/** Wednesday 12 March 2025, 11:00 in Lagos. */
export const NOW = new Date("2025-03-12T10:00:00Z");

export const LAGOS = "Africa/Lagos";

/** A `points_rules` row as the database returns it, active and unbounded unless overridden. */
export function ruleRow(
  ruleType: string,
  config: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `rule-${ruleType}`,
    tenant_id: "tenant-1",
    name: `Rule ${ruleType}`,
    description: null,
    rule_type: ruleType,
    config,
    priority: 0,
    conditions: {},
    is_active: true,
    valid_from: null,
    valid_until: null,
    ...overrides,
  };
}

/** A `campaigns` row running from a day before {@link NOW} to a day after, targeting everyone. */
export function campaignRow(
  campaignType: string,
  config: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `campaign-${campaignType}`,
    tenant_id: "tenant-1",
    name: `Campaign ${campaignType}`,
    campaign_type: campaignType,
    config,
    target_segment: {},
    starts_at: new Date("2025-03-11T10:00:00Z"),
    ends_at: new Date("2025-03-13T10:00:00Z"),
    status: "active",
    ...overrides,
  };
}

/** A returning customer with 3 purchases, no referrer and no birthday on file. */
export function customer(overrides: Partial<EvaluatedCustomer> = {}): EvaluatedCustomer {
  return {
    id: "customer-1",
    purchasesBefore: 3,
    lastPurchaseAt: new Date("2025-03-01T10:00:00Z"),
    birthDate: null,
    birthdayAwardedThisYear: false,
    tags: [],
    loyaltyStatus: "active",
    balance: 0,
    referredByCustomerId: null,
    ...overrides,
  };
}

export function input(overrides: Partial<EvaluatePurchaseInput> = {}): EvaluatePurchaseInput {
  return {
    purchase: { amountKobo: 150_000 },
    customer: customer(),
    rules: [],
    campaigns: [],
    now: NOW,
    timezone: LAGOS,
    ...overrides,
  };
}
