import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "../customers/customerRecord.ts";
import { findOrCreateCustomer } from "../customers/findOrCreateCustomer.ts";
import { creditPoints } from "../ledger/creditPoints.ts";
import { getBalance } from "../ledger/getBalance.ts";
import type { Award, SkippedSource } from "../rules/evaluatePurchase.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";
import { evaluatePurchaseFor } from "./evaluatePurchaseFor.ts";
import { purchaseColumns, purchaseRecordSchema, type Purchase, type PurchaseSource } from "./purchaseRecord.ts";

export type LogPurchaseInput = {
  tenantId: string;
  /** WhatsApp id, already normalised (`2348012345678`). */
  customerPhone: string;
  amountKobo: number;
  source: PurchaseSource;
  /** How it was logged: `staff_pin`, `admin_portal`, `api_key`, … */
  loggedVia: string;
  loggedByUserId: string | null;
  /** The same key again returns the first purchase instead of logging a second one. */
  idempotencyKey: string | null;
  productName?: string | null;
  now: Date;
};

export type LogPurchaseResult =
  | {
      ok: true;
      /** false when the idempotency key was seen before and nothing new was written. */
      created: boolean;
      purchase: Purchase;
      /** The buyer after the purchase. */
      customer: Customer;
      customerCreated: boolean;
      /** The awards written (empty on a replay). */
      awards: Award[];
      /** Points the buyer's referrer earned from this purchase. */
      referrerPoints: number;
      /** The buyer's balance after the purchase. */
      balance: number;
      /** Rule or campaign rows skipped as invalid, for the caller to log. */
      skipped: SkippedSource[];
    }
  | { ok: false; reason: "invalid_amount" | "plan_limit" | "customer_blocked" };

const DAY_MS = 24 * 60 * 60 * 1000;

const pointsRow = z.object({ points: z.number().int() });

/**
 * Logs a purchase and awards its points, all on the caller's tenant transaction:
 * finds or creates the customer (a customer created here is not opted in to marketing: they
 * did not ask), locks the customer row so one customer's purchases and redemptions serialise,
 * replays an idempotency key already seen, evaluates the tenant's rules and campaigns, inserts
 * the purchase, writes one `earned` lot per award (a referral award credits the referrer),
 * and updates the customer's totals. Lots expire after the tenant's `points_expiry_days`.
 */
export async function logPurchase(tx: Tx, input: LogPurchaseInput): Promise<LogPurchaseResult> {
  if (!Number.isSafeInteger(input.amountKobo) || input.amountKobo <= 0) return { ok: false, reason: "invalid_amount" };

  const replay = await replayOf(tx, input);
  if (replay !== null) return replay;

  const found = await findOrCreateCustomer(tx, {
    tenantId: input.tenantId,
    phone: input.customerPhone,
    optedIn: false,
    now: input.now,
  });
  if (!found.ok) return found;
  const customer = await tx.one(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${found.customer.id} FOR UPDATE
  `);
  // A concurrent delivery of the same key may have committed while we waited for the lock.
  const replayAfterLock = await replayOf(tx, input);
  if (replayAfterLock !== null) return replayAfterLock;
  if (customer.loyaltyStatus === "blocked") return { ok: false, reason: "customer_blocked" };

  const settings = await getTenantSettings(tx, input.tenantId);
  const productName = input.productName ?? null;
  const evaluation = await evaluatePurchaseFor(tx, {
    tenantId: input.tenantId,
    customer,
    amountKobo: input.amountKobo,
    productName,
    now: input.now,
    timezone: settings.timezone,
  });
  const buyerPoints = sumPoints(evaluation.awards.filter((award) => award.beneficiary === "customer"));
  const referrerPoints = sumPoints(evaluation.awards.filter((award) => award.beneficiary === "referrer"));

  const purchase = await tx.maybeOne(sql.type(purchaseRecordSchema)`
    INSERT INTO purchases (
      tenant_id, customer_id, amount_ngn, product_name, source, logged_by_user_id, logged_via,
      points_awarded, idempotency_key, metadata
    ) VALUES (
      ${input.tenantId}, ${customer.id}, ${input.amountKobo}, ${productName}, ${input.source},
      ${input.loggedByUserId}, ${input.loggedVia}, ${buyerPoints}, ${input.idempotencyKey},
      ${sql.jsonb({ referrerPoints, evaluatedAt: input.now.toISOString() })}
    )
    ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING ${purchaseColumns}
  `);
  if (purchase === null) {
    // The same key was used concurrently for another phone number: the first one wins.
    const raced = await replayOf(tx, input);
    if (raced === null) throw new Error("purchase idempotency conflict without a stored purchase");
    return raced;
  }

  const expiresAt =
    settings.points_expiry_days === undefined ? null : new Date(input.now.getTime() + settings.points_expiry_days * DAY_MS);
  const year = localDateInTimeZone(input.now, settings.timezone).year;
  for (const award of evaluation.awards) {
    const beneficiaryId = award.beneficiary === "referrer" ? customer.referredByCustomerId : customer.id;
    if (beneficiaryId === null) continue;
    await creditPoints(tx, {
      tenantId: input.tenantId,
      customerId: beneficiaryId,
      type: "earned",
      points: award.points,
      expiresAt,
      description: award.description,
      metadata: {
        source: award.source,
        sourceId: award.sourceId,
        sourceName: award.sourceName,
        ...(award.source === "rule" ? { ruleType: award.ruleType } : { campaignType: award.campaignType }),
        ...(award.source === "rule" && award.ruleType === "birthday" ? { birthdayYear: String(year) } : {}),
        beneficiary: award.beneficiary,
        ...(award.beneficiary === "referrer" ? { referredCustomerId: customer.id } : {}),
        purchaseAmountKobo: input.amountKobo,
      },
      purchaseId: purchase.id,
      campaignId: award.source === "campaign" ? award.sourceId : null,
      createdByUserId: input.loggedByUserId,
    });
  }

  const updated = await tx.one(sql.type(customerRecordSchema)`
    UPDATE customers SET
      total_purchases = COALESCE(total_purchases, 0) + 1,
      total_spent_ngn = COALESCE(total_spent_ngn, 0) + ${input.amountKobo},
      last_purchase_at = GREATEST(last_purchase_at, ${sql.timestamp(input.now)})
    WHERE id = ${customer.id}
    RETURNING ${customerColumns}
  `);
  const { balance } = await getBalance(tx, customer.id);
  return {
    ok: true,
    created: true,
    purchase,
    customer: updated,
    customerCreated: found.created,
    awards: evaluation.awards,
    referrerPoints,
    balance,
    skipped: evaluation.skipped,
  };
}

async function replayOf(tx: Tx, input: LogPurchaseInput): Promise<LogPurchaseResult | null> {
  if (input.idempotencyKey === null) return null;
  const purchase = await tx.maybeOne(sql.type(purchaseRecordSchema)`
    SELECT ${purchaseColumns} FROM purchases
    WHERE tenant_id = ${input.tenantId} AND idempotency_key = ${input.idempotencyKey}
  `);
  if (purchase === null) return null;
  const customer = await tx.one(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${purchase.customerId}
  `);
  const referrerPoints = await tx.oneFirst(sql.type(pointsRow)`
    SELECT COALESCE(sum(points), 0) AS points FROM points_transactions
    WHERE purchase_id = ${purchase.id} AND customer_id <> ${purchase.customerId} AND transaction_type = 'earned'
  `);
  const { balance } = await getBalance(tx, customer.id);
  return {
    ok: true,
    created: false,
    purchase,
    customer,
    customerCreated: false,
    awards: [],
    referrerPoints,
    balance,
    skipped: [],
  };
}

function sumPoints(awards: readonly Award[]): number {
  return awards.reduce((sum, award) => sum + award.points, 0);
}
