import type { Customer } from "../customers/customerRecord.ts";
import { tierStanding } from "../lifecycle/tiers.ts";
import { evaluatePurchase, type PurchaseEvaluation } from "../rules/evaluatePurchase.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import type { PurchaseContext } from "./loadPurchaseContext.ts";

export type EvaluatePurchaseForInput = {
  /** What {@link loadPurchaseContext} read for this tenant and customer. */
  context: PurchaseContext;
  /** The customer as they are before this purchase; null for someone not yet a customer. */
  customer: Customer | null;
  amountKobo: number;
  productName: string | null;
  /** Null for a purchase logged in chat: it matches no category-only rule. */
  productCategory?: string | null;
  now: Date;
};

/**
 * Evaluates a purchase for a customer against the loaded rules and campaigns. Pure: the rows
 * are handed raw to {@link evaluatePurchase}, which validates them and reports invalid ones in
 * `skipped`.
 * @throws RangeError when the tenant's timezone is unknown (see {@link evaluatePurchase}).
 */
export function evaluatePurchaseFor(input: EvaluatePurchaseForInput): PurchaseEvaluation {
  const { context, customer } = input;
  const { timezone } = context.settings;
  const thisYear = String(localDateInTimeZone(input.now, timezone).year);
  return evaluatePurchase({
    purchase: {
      amountKobo: input.amountKobo,
      productName: input.productName,
      productCategory: input.productCategory ?? null,
    },
    customer: {
      id: customer?.id ?? "new-customer",
      purchasesBefore: customer?.totalPurchases ?? 0,
      lastPurchaseAt: customer?.lastPurchaseAt ?? null,
      birthDate: customer?.birthDate ?? null,
      birthdayAwardedThisYear: context.birthdayYearsAwarded.includes(thisYear),
      tags: customer?.tags ?? [],
      loyaltyStatus: customer?.loyaltyStatus ?? "active",
      balance: context.balance,
      referredByCustomerId: customer?.referredByCustomerId ?? null,
    },
    rules: context.rules,
    campaigns: context.campaigns,
    now: input.now,
    timezone,
    tier: tierStanding(context.settings.tiers, context.lifetimeEarned, customer?.tierName ?? null).current,
  });
}
