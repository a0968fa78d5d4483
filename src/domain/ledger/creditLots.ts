import type { FragmentSqlToken } from "slonik";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { newTimeOrderedId } from "./newTimeOrderedId.ts";

const jsonValue = z.json();

/** One lot of a batch: who gets how many points, until when, and why. */
export type Lot = {
  customerId: string;
  /** A positive integer. */
  points: number;
  /** When the lot's unspent rest expires; null never expires. */
  expiresAt: Date | null;
  description: string;
  /** Why the points were given (rule, campaign, reason): the customer's history explains every point. */
  metadata: Record<string, unknown>;
  campaignId?: string | null;
};

export type CreditLotsInput = {
  tenantId: string;
  type: "earned" | "reversed" | "adjusted";
  purchaseId?: string | null;
  rewardRedemptionId?: string | null;
  createdByUserId?: string | null;
  /** Written in this order (their `created_at` and ids ascend in this order). */
  lots: readonly Lot[];
};

/**
 * Adds several lots in one statement, each one ledger row exactly as `creditPoints` writes it
 * (`points_remaining = points`; the balance rows move by trigger, row by row, in the same
 * transaction). Credits never lock the customer row: they cannot make a balance short.
 * @throws RangeError when a lot's `points` is not a positive integer (a caller bug); nothing is
 * written then.
 */
export async function creditLots(tx: Tx, input: CreditLotsInput): Promise<void> {
  if (input.lots.length === 0) return;
  await tx.query(sql.prepared("creditLots", noRows)`
    ${lotsInsert({ ...input, purchaseId: sql.fragment`${input.purchaseId ?? null}::uuid` })}
  `);
}

export type LotsInsertInput = Omit<CreditLotsInput, "purchaseId"> & {
  /** The purchase the lots belong to: a uuid expression, e.g. a column of a CTE in the same statement. */
  purchaseId: FragmentSqlToken;
  /** Extra FROM items the expressions refer to (e.g. that CTE); rows are written once per row they yield. */
  from?: FragmentSqlToken;
};

/**
 * The `INSERT … SELECT` that writes lots as ledger rows, for a statement that writes them
 * together with the row they belong to (a purchase, as a data-modifying CTE): one round trip.
 * Its text does not depend on the values, so it can be part of a prepared statement.
 * @throws RangeError when a lot's `points` is not a positive integer (a caller bug).
 */
export function lotsInsert(input: LotsInsertInput): FragmentSqlToken {
  for (const lot of input.lots) {
    if (!Number.isSafeInteger(lot.points) || lot.points <= 0) {
      throw new RangeError(`credit points must be a positive integer, got ${lot.points}`);
    }
  }
  const rows = input.lots.map((lot) => ({
    id: newTimeOrderedId(),
    customer_id: lot.customerId,
    points: lot.points,
    expires_at: lot.expiresAt?.toISOString() ?? null,
    description: lot.description,
    metadata: jsonValue.parse(lot.metadata),
    campaign_id: lot.campaignId ?? null,
  }));
  // jsonb_to_recordset yields the lots in array order, so created_at (clock_timestamp(), per
  // row) ascends with them, as it did when each lot was its own statement.
  return sql.fragment`
    INSERT INTO points_transactions (
      id, tenant_id, customer_id, transaction_type, points, points_remaining, expires_at,
      description, metadata, purchase_id, reward_redemption_id, campaign_id, created_by_user_id, created_at
    )
    SELECT
      l.id, ${input.tenantId}::uuid, l.customer_id, ${input.type}::text, l.points, l.points, l.expires_at,
      l.description, l.metadata, ${input.purchaseId}, ${input.rewardRedemptionId ?? null}::uuid, l.campaign_id,
      ${input.createdByUserId ?? null}::uuid, clock_timestamp()
    FROM ${input.from ?? sql.fragment`(SELECT) AS one`},
      jsonb_to_recordset(${sql.jsonb(rows)})
        AS l(id uuid, customer_id uuid, points bigint, expires_at timestamptz, description text, metadata jsonb, campaign_id uuid)
  `;
}
