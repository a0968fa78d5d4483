import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "../customers/customerRecord.ts";
import { findOrCreateCustomer } from "../customers/findOrCreateCustomer.ts";
import { lotsInsert, type Lot } from "../ledger/creditLots.ts";
import { getBalance } from "../ledger/getBalance.ts";
import { tierReached, type Tier } from "../lifecycle/tiers.ts";
import type { Award, SkippedSource } from "../rules/evaluatePurchase.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { evaluatePurchaseFor } from "./evaluatePurchaseFor.ts";
import { loadPurchaseContext } from "./loadPurchaseContext.ts";
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
  /** Matched by rules with a `product_categories` condition; chat-logged purchases have none. */
  productCategory?: string | null;
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
      /**
       * The VIP tier this purchase moved the buyer up to, recorded on them in this transaction,
       * so it is reported once: the caller sends the "you moved up" message. Null otherwise.
       */
      tierUp: Tier | null;
    }
  | { ok: false; reason: "invalid_amount" | "plan_limit" | "customer_blocked" };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Logs a purchase and awards its points, all on the caller's tenant transaction:
 * finds or creates the customer and locks their row (one statement for an existing customer),
 * so one customer's purchases and redemptions serialise; replays an idempotency key already
 * seen; evaluates the tenant's rules and campaigns; inserts the purchase together with one
 * `earned` lot per award (a referral award credits the referrer); and updates the customer's
 * totals, reading the new balance in the same statement. Lots expire after the tenant's
 * `points_expiry_days`. The hot statements are prepared (parsed and planned once per
 * connection).
 *
 * Idempotency: everything that decides the purchase is read after the customer lock is held,
 * in a statement of its own, so a delivery of the same key that waited for the lock sees the
 * purchase the first one committed. Deliveries of one key for two phone numbers lock different
 * rows; the unique key on the insert makes the later one wait and then replay the first.
 */
export async function logPurchase(tx: Tx, input: LogPurchaseInput): Promise<LogPurchaseResult> {
  if (!Number.isSafeInteger(input.amountKobo) || input.amountKobo <= 0) return { ok: false, reason: "invalid_amount" };

  const buyer = await lockBuyer(tx, input);
  if (!buyer.ok) return buyer.result;
  const { customer } = buyer;

  const context = await loadPurchaseContext(tx, {
    tenantId: input.tenantId,
    customer,
    idempotencyKey: input.idempotencyKey,
    now: input.now,
  });
  if (context.replayPurchaseId !== null) {
    const replay = await replayOf(tx, input);
    if (replay === null) throw new Error("idempotency key seen without a stored purchase");
    return replay;
  }
  if (customer.loyaltyStatus === "blocked") return { ok: false, reason: "customer_blocked" };

  const productName = input.productName ?? null;
  const productCategory = input.productCategory?.trim() || null;
  const evaluation = evaluatePurchaseFor({
    context,
    customer,
    amountKobo: input.amountKobo,
    productName,
    productCategory,
    now: input.now,
  });
  const buyerPoints = sumPoints(evaluation.awards.filter((award) => award.beneficiary === "customer"));
  const referrerPoints = sumPoints(evaluation.awards.filter((award) => award.beneficiary === "referrer"));

  const { settings } = context;
  const expiresAt =
    settings.points_expiry_days === undefined
      ? null
      : new Date(input.now.getTime() + settings.points_expiry_days * DAY_MS);
  const year = localDateInTimeZone(input.now, settings.timezone).year;
  const lots = evaluation.awards.flatMap((award): Lot[] => {
    const beneficiaryId = award.beneficiary === "referrer" ? customer.referredByCustomerId : customer.id;
    if (beneficiaryId === null) return [];
    return [
      {
        customerId: beneficiaryId,
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
        campaignId: award.source === "campaign" ? award.sourceId : null,
      },
    ];
  });

  // The purchase, its lots and the buyer's totals in one statement: the lots and totals are
  // written only when the purchase row is (not when its idempotency key conflicts). The new
  // balance is the statement's snapshot of the balance row plus the buyer's lots: the balance
  // trigger's update is not visible inside the statement that fires it, and the buyer's row
  // lock keeps debits out until commit.
  const written = await tx.maybeOne(sql.prepared("logPurchase.write", writtenPurchaseRow)`
    WITH purchase AS (
      INSERT INTO purchases (
        tenant_id, customer_id, amount_ngn, product_name, product_category, source, logged_by_user_id, logged_via,
        points_awarded, idempotency_key, metadata
      ) VALUES (
        ${input.tenantId}, ${customer.id}, ${input.amountKobo}, ${productName}, ${productCategory}, ${input.source},
        ${input.loggedByUserId}, ${input.loggedVia}, ${buyerPoints}, ${input.idempotencyKey},
        ${sql.jsonb({ referrerPoints, evaluatedAt: input.now.toISOString() })}
      )
      ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
      RETURNING ${purchaseColumns}
    ), lots AS (
      ${lotsInsert({
        tenantId: input.tenantId,
        type: "earned",
        purchaseId: sql.fragment`purchase.id`,
        from: sql.fragment`purchase`,
        createdByUserId: input.loggedByUserId,
        lots,
      })}
    ), buyer AS (
      UPDATE customers SET
        total_purchases = COALESCE(total_purchases, 0) + 1,
        total_spent_ngn = COALESCE(total_spent_ngn, 0) + purchase.amount_ngn,
        last_purchase_at = GREATEST(last_purchase_at, ${sql.timestamp(input.now)}),
        -- Win-back: a purchase makes an inactive customer active again (blocked stays blocked).
        loyalty_status = CASE WHEN customers.loyalty_status = 'inactive' THEN 'active' ELSE customers.loyalty_status END
      FROM purchase
      WHERE customers.id = purchase.customer_id
      RETURNING customers.id, total_purchases, total_spent_ngn, last_purchase_at
    )
    SELECT
      purchase.*,
      buyer.total_purchases AS buyer_total_purchases,
      buyer.total_spent_ngn AS buyer_total_spent_ngn,
      buyer.last_purchase_at AS buyer_last_purchase_at,
      COALESCE((SELECT current_balance FROM customer_points_balance WHERE customer_id = buyer.id), 0) + ${buyerPoints}::bigint AS balance
    FROM purchase, buyer
  `);
  if (written === null) {
    // The same key was used concurrently for another phone number: the first one wins.
    const raced = await replayOf(tx, input);
    if (raced === null) throw new Error("purchase idempotency conflict without a stored purchase");
    return raced;
  }
  const { purchase, balance } = written;
  // Tiers go by points ever earned; the buyer's row is locked, so the move is recorded (and
  // reported) by exactly one purchase.
  const tierUp = tierReached(settings.tiers, context.lifetimeEarned + buyerPoints, customer.tierName);
  if (tierUp !== null) {
    await tx.query(sql.type(noRows)`
      UPDATE customers SET tier_name = ${tierUp.name}, tier_reached_at = ${sql.timestamp(input.now)}
      WHERE id = ${customer.id}
    `);
  }
  const updated: Customer = {
    ...customer,
    ...written.buyerTotals,
    ...(tierUp === null ? {} : { tierName: tierUp.name }),
  };

  return {
    ok: true,
    created: true,
    purchase,
    customer: updated,
    customerCreated: buyer.created,
    awards: evaluation.awards,
    referrerPoints,
    balance,
    skipped: evaluation.skipped,
    tierUp,
  };
}

type LockedBuyer = { ok: true; customer: Customer; created: boolean } | { ok: false; result: LogPurchaseResult };

/**
 * The buyer's customer row, locked. An existing customer takes one statement. Before a
 * customer is created, an idempotency key already used is replayed: a replay for a phone
 * number the first delivery did not name must not leave a new customer behind.
 */
async function lockBuyer(tx: Tx, input: LogPurchaseInput): Promise<LockedBuyer> {
  const existing = await tx.maybeOne(sql.prepared("logPurchase.lockBuyer", customerRecordSchema)`
    SELECT ${customerColumns} FROM customers
    WHERE phone_number = ${input.customerPhone} AND deleted_at IS NULL
    FOR UPDATE
  `);
  if (existing !== null) return { ok: true, customer: existing, created: false };
  const replay = await replayOf(tx, input);
  if (replay !== null) return { ok: false, result: replay };
  const found = await findOrCreateCustomer(tx, {
    tenantId: input.tenantId,
    phone: input.customerPhone,
    optedIn: false,
    now: input.now,
    lock: true,
  });
  return found.ok ? { ok: true, customer: found.customer, created: found.created } : { ok: false, result: found };
}

/** The written purchase, the buyer's new totals and new balance. */
const writtenPurchaseRow = z
  .looseObject({
    buyer_total_purchases: z.number().int(),
    buyer_total_spent_ngn: z.number().int(),
    buyer_last_purchase_at: z.date().nullable(),
    balance: z.number().int(),
  })
  .transform((row) => ({
    purchase: purchaseRecordSchema.parse(row),
    buyerTotals: {
      totalPurchases: row.buyer_total_purchases,
      totalSpentKobo: row.buyer_total_spent_ngn,
      lastPurchaseAt: row.buyer_last_purchase_at,
    } satisfies Partial<Customer>,
    balance: row.balance,
  }));

const recordedReferrerPoints = z.object({ referrerPoints: z.number().int().nonnegative() });

const replayedPurchaseRow = z.looseObject({ metadata: z.unknown() }).transform((row) => {
  const recorded = recordedReferrerPoints.safeParse(row.metadata);
  return {
    purchase: purchaseRecordSchema.parse(row),
    referrerPoints: recorded.success ? recorded.data.referrerPoints : null,
  };
});

const pointsRow = z.object({ points: z.number().int() });

async function replayOf(tx: Tx, input: LogPurchaseInput): Promise<LogPurchaseResult | null> {
  if (input.idempotencyKey === null) return null;
  const replayed = await tx.maybeOne(sql.type(replayedPurchaseRow)`
    SELECT ${purchaseColumns}, metadata FROM purchases
    WHERE tenant_id = ${input.tenantId} AND idempotency_key = ${input.idempotencyKey}
  `);
  if (replayed === null) return null;
  const { purchase } = replayed;
  const customer = await tx.one(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${purchase.customerId}
  `);
  // logPurchase records the referrer's points on the purchase; the ledger answers for a
  // purchase written without that record.
  const referrerPoints =
    replayed.referrerPoints ??
    (await tx.oneFirst(sql.type(pointsRow)`
      SELECT COALESCE(sum(points), 0) AS points FROM points_transactions
      WHERE purchase_id = ${purchase.id} AND customer_id <> ${purchase.customerId} AND transaction_type = 'earned'
    `));
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
    tierUp: null,
  };
}

function sumPoints(awards: readonly Award[]): number {
  return awards.reduce((sum, award) => sum + award.points, 0);
}
