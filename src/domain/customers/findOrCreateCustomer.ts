import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { recordCustomerTurnedAway } from "../subscriptions/recordCustomerTurnedAway.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";
import { generateShortCode } from "./generateShortCode.ts";

export type FindOrCreateCustomerInput = {
  tenantId: string;
  /** WhatsApp id, already normalised (`2348012345678`). */
  phone: string;
  whatsappName?: string | null;
  /** Marketing consent for a new customer (a customer joining by chat: true; one added by staff: false). */
  optedIn: boolean;
  /** A referral code typed with `JOIN <vendor> <code>`; links a new customer to the referrer. */
  referralCode?: string | null;
  now?: Date;
  /**
   * Return the customer row locked `FOR UPDATE` (until the transaction ends), so the caller's
   * writes for this customer serialise with others'. An existing customer is found and locked
   * in one statement; a customer created here is the transaction's own uncommitted row.
   */
  lock?: boolean;
};

export type FindOrCreateCustomerResult =
  | { ok: true; customer: Customer; created: boolean }
  | { ok: false; reason: "plan_limit" };

const REFERRAL_CODE_LENGTH = 6;
const MAX_CODE_ATTEMPTS = 8;

const countRow = z.object({ count: z.number().int() });

const idRow = z.object({ id: z.string() });

/**
 * Finds the tenant's customer by phone, or creates one with a unique referral code. Creation
 * respects the plan's `max_customers` (-1 is unlimited); a per-tenant advisory lock makes the
 * count and the insert atomic, so concurrent joins cannot overshoot the limit. A concurrent
 * creation of the same phone is absorbed (`ON CONFLICT DO NOTHING`, then read).
 * @throws Error when no unique referral code is found after several attempts.
 */
export async function findOrCreateCustomer(
  tx: Tx,
  input: FindOrCreateCustomerInput,
): Promise<FindOrCreateCustomerResult> {
  const lock = input.lock === true;
  const existing = await findActive(tx, input.phone, lock);
  if (existing !== null) return { ok: true, customer: existing, created: false };

  const { maxCustomers } = await getPlanLimits(tx, input.tenantId);
  if (maxCustomers !== null) {
    await tx.query(sql.type(noRows)`
      SELECT pg_advisory_xact_lock(hashtextextended(${`customers:${input.tenantId}`}, 0))
    `);
    const count = await tx.oneFirst(sql.type(countRow)`
      SELECT count(*) AS count FROM customers WHERE tenant_id = ${input.tenantId} AND deleted_at IS NULL
    `);
    if (count >= maxCustomers) {
      const raced = await findActive(tx, input.phone, lock);
      if (raced !== null) return { ok: true, customer: raced, created: false };
      // Counted so the vendor sees what the limit costs (GET /api/v1/subscription).
      await recordCustomerTurnedAway(tx, {
        tenantId: input.tenantId,
        phone: input.phone,
        now: input.now ?? new Date(),
      });
      return { ok: false, reason: "plan_limit" };
    }
  }

  const referrerId = await findReferrer(tx, input.referralCode ?? null);
  const at = sql.timestamp(input.now ?? new Date());
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const created = await tx.maybeOne(sql.type(customerRecordSchema)`
      INSERT INTO customers (tenant_id, phone_number, whatsapp_name, opted_in, opted_in_at, referral_code, referred_by_customer_id)
      VALUES (
        ${input.tenantId}, ${input.phone}, ${input.whatsappName ?? null}, ${input.optedIn},
        ${input.optedIn ? at : null}, ${generateShortCode(REFERRAL_CODE_LENGTH)}, ${referrerId}
      )
      ON CONFLICT DO NOTHING
      RETURNING ${customerColumns}
    `);
    if (created !== null) return { ok: true, customer: created, created: true };
    // Either the phone arrived concurrently or the referral code collided: tell them apart.
    const raced = await tx.maybeOne(sql.type(customerRecordSchema)`
      SELECT ${customerColumns} FROM customers WHERE phone_number = ${input.phone} ${lockClause(lock)}
    `);
    if (raced !== null) return { ok: true, customer: raced, created: false };
  }
  throw new Error("could not generate a unique referral code");
}

async function findActive(tx: Tx, phone: string, lock: boolean): Promise<Customer | null> {
  return tx.maybeOne(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE phone_number = ${phone} AND deleted_at IS NULL ${lockClause(lock)}
  `);
}

function lockClause(lock: boolean) {
  return lock ? sql.fragment`FOR UPDATE` : sql.fragment``;
}

async function findReferrer(tx: Tx, referralCode: string | null): Promise<string | null> {
  if (referralCode === null || referralCode.trim() === "") return null;
  return tx.maybeOneFirst(sql.type(idRow)`
    SELECT id FROM customers WHERE referral_code = ${referralCode.trim().toUpperCase()} AND deleted_at IS NULL
  `);
}
