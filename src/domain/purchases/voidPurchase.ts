import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { debitPoints } from "../ledger/debitPoints.ts";
import { getBalance } from "../ledger/getBalance.ts";
import { purchaseDetailColumns, purchaseDetailSchema, type PurchaseDetail } from "./purchaseDetail.ts";

/** The longest reason a void may carry (the API and the chat both cut or refuse longer ones). */
export const VOID_REASON_MAX = 500;

export type VoidPurchaseInput = {
  tenantId: string;
  purchaseId: string;
  reason: string;
  /** The vendor user voiding it; null for the system. */
  userId: string | null;
  now: Date;
};

/** What was taken back from one customer who earned points from the purchase. */
export type VoidReversal = {
  customerId: string;
  /** Points this purchase gave them. */
  earned: number;
  /** Points taken back (at most their balance). */
  reversed: number;
  /** Points that could not be taken back because they were already spent or expired. */
  shortfall: number;
  /** Their balance afterwards. */
  balance: number;
};

export type VoidPurchaseResult =
  | {
      ok: true;
      /** The purchase, now voided. */
      purchase: PurchaseDetail;
      /** The buyer's reversal (its numbers are also on the purchase). */
      buyer: VoidReversal;
      /** A referrer who earned from this purchase, if any. */
      referrer: VoidReversal | null;
    }
  | { ok: false; reason: "not_found" | "already_voided" | "invalid_reason" };

const earnedRow = z.object({ customer_id: z.string(), points: z.number().int(), lot_ids: z.array(z.string()) });

/**
 * Voids a purchase, on the caller's tenant transaction: every customer who earned points from it
 * (the buyer, and a referrer) loses those points as far as their balance allows — a balance never
 * goes negative, so what they already spent is recorded as the shortfall — through one `adjusted`
 * ledger row each (balance = sum of ledger rows still holds), taken from the purchase's own lots
 * first. The buyer's totals forget the purchase, the purchase row records the void, and an audit
 * row (`purchase.voided`) says who and why. Telling the customer is the caller's (an outbox row on
 * the same transaction): the chat and the API send it differently.
 *
 * Concurrency: the purchase row is locked first, so two voids of one purchase serialise and the
 * second sees `already_voided`; each customer row is then locked (debitPoints), in id order.
 */
export async function voidPurchase(tx: Tx, input: VoidPurchaseInput): Promise<VoidPurchaseResult> {
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > VOID_REASON_MAX) return { ok: false, reason: "invalid_reason" };
  const before = await tx.maybeOne(sql.type(purchaseDetailSchema)`
    SELECT ${purchaseDetailColumns} FROM purchases p JOIN customers c ON c.id = p.customer_id
    WHERE p.id = ${input.purchaseId}
    FOR UPDATE OF p
  `);
  if (before === null) return { ok: false, reason: "not_found" };
  if (before.voidedAt !== null) return { ok: false, reason: "already_voided" };

  const earned = await tx.any(sql.type(earnedRow)`
    SELECT customer_id, sum(points)::int AS points, array_agg(id::text) AS lot_ids
    FROM points_transactions
    WHERE purchase_id = ${before.id} AND transaction_type = 'earned'
    GROUP BY customer_id
    ORDER BY customer_id
  `);
  const reversals: VoidReversal[] = [];
  for (const row of earned) {
    reversals.push(await takeBack(tx, input, before, row));
  }
  const buyer = reversals.find((r) => r.customerId === before.customerId) ?? {
    customerId: before.customerId,
    earned: 0,
    reversed: 0,
    shortfall: 0,
    balance: (await getBalance(tx, before.customerId)).balance,
  };
  const referrer = reversals.find((r) => r.customerId !== before.customerId) ?? null;

  await tx.query(sql.type(z.object({ id: z.string() }))`
    UPDATE customers SET
      total_purchases = GREATEST(COALESCE(total_purchases, 0) - 1, 0),
      total_spent_ngn = GREATEST(COALESCE(total_spent_ngn, 0) - ${before.amountKobo}, 0)
    WHERE id = ${before.customerId}
    RETURNING id
  `);
  const purchase = await tx.one(sql.type(purchaseDetailSchema)`
    WITH voided AS (
      UPDATE purchases SET
        voided_at = ${sql.timestamp(input.now)},
        voided_by_user_id = ${input.userId},
        void_reason = ${reason},
        points_reversed = ${buyer.reversed},
        points_shortfall = ${buyer.shortfall},
        updated_at = now()
      WHERE id = ${before.id}
      RETURNING *
    )
    SELECT ${purchaseDetailColumns} FROM voided p JOIN customers c ON c.id = p.customer_id
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "purchase.voided",
    entityType: "purchase",
    entityId: before.id,
    oldValues: { pointsAwarded: before.pointsAwarded, amountKobo: before.amountKobo },
    newValues: {
      reason,
      pointsReversed: buyer.reversed,
      pointsShortfall: buyer.shortfall,
      balance: buyer.balance,
      ...(referrer === null
        ? {}
        : {
            referrer: {
              customerId: referrer.customerId,
              pointsReversed: referrer.reversed,
              pointsShortfall: referrer.shortfall,
            },
          }),
    },
  });
  return { ok: true, purchase, buyer, referrer };
}

async function takeBack(
  tx: Tx,
  input: VoidPurchaseInput,
  purchase: PurchaseDetail,
  row: z.infer<typeof earnedRow>,
): Promise<VoidReversal> {
  // The customer row is locked before the balance is read, so the amount taken cannot race a
  // redemption (debitPoints locks it again, which is free in the same transaction).
  await tx.query(
    sql.type(z.object({ id: z.string() }))`SELECT id FROM customers WHERE id = ${row.customer_id} FOR UPDATE`,
  );
  const { balance } = await getBalance(tx, row.customer_id);
  const take = Math.max(0, Math.min(row.points, balance));
  if (take === 0)
    return { customerId: row.customer_id, earned: row.points, reversed: 0, shortfall: row.points, balance };
  const debit = await debitPoints(tx, {
    tenantId: input.tenantId,
    customerId: row.customer_id,
    type: "adjusted",
    points: take,
    description: `Purchase voided: ${input.reason.trim()}`.slice(0, 1000),
    metadata: {
      reason: "purchase_voided",
      purchaseId: purchase.id,
      voidReason: input.reason.trim(),
      earned: row.points,
    },
    purchaseId: purchase.id,
    createdByUserId: input.userId,
    preferLotIds: row.lot_ids,
  });
  // The balance row and the open lots always agree; a debit refused here means they do not.
  if (!debit.ok) throw new Error(`void of purchase ${purchase.id}: open lots hold fewer points than the balance`);
  return {
    customerId: row.customer_id,
    earned: row.points,
    reversed: take,
    shortfall: row.points - take,
    balance: debit.balance,
  };
}
