import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { ledgerColumns, ledgerEntrySchema, type LedgerEntry } from "./ledgerEntry.ts";

export type DebitPointsInput = {
  tenantId: string;
  customerId: string;
  type: "redeemed" | "adjusted";
  /** A positive integer: how many points to take. The row is written with `-points`. */
  points: number;
  description: string;
  metadata: Record<string, unknown>;
  purchaseId?: string | null;
  rewardRedemptionId?: string | null;
  campaignId?: string | null;
  createdByUserId?: string | null;
  /**
   * Lots to spend before any other (a voided purchase takes back its own lots first, so the
   * customer keeps the points they earned elsewhere with their own expiry); then first-in first-out.
   */
  preferLotIds?: readonly string[];
};

/** How much one debit took from one lot; a refund restores lots with their expiry. */
export type ConsumedLot = { lotId: string; points: number; expiresAt: string | null };

export type DebitPointsResult =
  | { ok: true; entry: LedgerEntry; consumed: ConsumedLot[]; balance: number }
  | { ok: false; reason: "insufficient_points"; balance: number };

const openLot = z.object({ id: z.string(), points_remaining: z.number().int(), expires_at: z.date().nullable() });

const customerIdRow = z.object({ id: z.string() });

const jsonValue = z.json();

/**
 * Takes points from a customer, spending their open lots first-in first-out (soonest expiry
 * first, never-expiring lots last, then oldest), and writes one negative ledger row naming
 * the lots it consumed (`metadata.consumedLots`).
 *
 * Concurrency: the customer row is locked first (`FOR UPDATE`), so two debits of one customer
 * serialise and the second sees what the first left. Lots are then locked too, so a debit and
 * the expiry job never spend the same points. Lock order everywhere: reward → customer → lots.
 *
 * @returns `insufficient_points` (nothing written) when the open lots hold fewer points.
 * @throws RangeError when `points` is not a positive integer; Error when the customer is not
 * visible in this tenant.
 */
export async function debitPoints(tx: Tx, input: DebitPointsInput): Promise<DebitPointsResult> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) {
    throw new RangeError(`debit points must be a positive integer, got ${input.points}`);
  }
  await lockCustomer(tx, input.customerId);

  const lots = await tx.any(sql.type(openLot)`
    SELECT id, points_remaining, expires_at
    FROM points_transactions
    WHERE tenant_id = ${input.tenantId} AND customer_id = ${input.customerId}
      AND points_remaining > 0 AND expired = false
    ORDER BY id = ANY(${sql.array(input.preferLotIds ?? [], "uuid")}::uuid[]) DESC, expires_at ASC NULLS LAST, created_at ASC, id ASC
    FOR UPDATE
  `);
  const available = lots.reduce((sum, lot) => sum + lot.points_remaining, 0);
  if (available < input.points) {
    return { ok: false, reason: "insufficient_points", balance: available };
  }

  const consumed: ConsumedLot[] = [];
  let owed = input.points;
  for (const lot of lots) {
    if (owed === 0) break;
    const take = Math.min(owed, lot.points_remaining);
    consumed.push({ lotId: lot.id, points: take, expiresAt: lot.expires_at?.toISOString() ?? null });
    owed -= take;
  }
  await tx.query(sql.type(noRows)`
    UPDATE points_transactions AS t
    SET points_remaining = t.points_remaining - c.take
    FROM unnest(${sql.array(
      consumed.map((c) => c.lotId),
      "uuid",
    )}::uuid[], ${sql.array(
      consumed.map((c) => c.points),
      "int8",
    )}::int8[]) AS c(id, take)
    WHERE t.id = c.id
  `);

  const entry = await tx.one(sql.type(ledgerEntrySchema)`
    INSERT INTO points_transactions (
      tenant_id, customer_id, transaction_type, points, description, metadata,
      purchase_id, reward_redemption_id, campaign_id, created_by_user_id, created_at
    ) VALUES (
      ${input.tenantId}, ${input.customerId}, ${input.type}, ${-input.points}, ${input.description},
      ${sql.jsonb(jsonValue.parse({ ...input.metadata, consumedLots: consumed }))},
      ${input.purchaseId ?? null}, ${input.rewardRedemptionId ?? null}, ${input.campaignId ?? null},
      ${input.createdByUserId ?? null}, clock_timestamp()
    )
    RETURNING ${ledgerColumns}
  `);
  return { ok: true, entry, consumed, balance: available - input.points };
}

async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  const found = await tx.maybeOneFirst(sql.type(customerIdRow)`
    SELECT id FROM customers WHERE id = ${customerId} FOR UPDATE
  `);
  if (found === null) throw new Error(`customer ${customerId} not found in this tenant`);
}
