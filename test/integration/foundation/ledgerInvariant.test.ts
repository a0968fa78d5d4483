import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql, type Tx } from "../../../src/db/sql.ts";
import { withTenant } from "../../../src/db/withTenant.ts";
import { createTestPool, createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";

let pool: DatabasePool;
let tenant: TestTenant;

beforeAll(async () => {
  pool = await createTestPool();
  tenant = await createTestTenant(pool);
});
afterAll(async () => {
  await pool.end();
});

async function newCustomer(tx: Tx): Promise<string> {
  return tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
    INSERT INTO customers (tenant_id, phone_number) VALUES (${tenant.id}, ${randomPhone()}) RETURNING id`);
}

async function insertRow(tx: Tx, customerId: string, type: string, points: number): Promise<void> {
  await tx.query(sql.type(z.object({ id: z.uuid() }))`
    INSERT INTO points_transactions (tenant_id, customer_id, transaction_type, points)
    VALUES (${tenant.id}, ${customerId}, ${type}, ${points}) RETURNING id`);
}

async function balanceAndSum(tx: Tx, customerId: string) {
  return tx.one(sql.type(
    z.object({ balance: z.number(), total: z.number(), earned: z.number(), redeemed: z.number(), expired: z.number() }),
  )`
    SELECT b.current_balance AS balance,
           (SELECT COALESCE(sum(points), 0) FROM points_transactions WHERE customer_id = ${customerId}) AS total,
           b.total_points_earned AS earned, b.total_points_redeemed AS redeemed, b.total_points_expired AS expired
    FROM customer_points_balance b WHERE b.customer_id = ${customerId}`);
}

describe("ledger invariant in the database", () => {
  it("when earned, redeemed, expired, adjusted and reversed rows are mixed, then the balance equals their sum", async () => {
    const result = await withTenant(pool, tenant.id, async (tx) => {
      const customerId = await newCustomer(tx);
      const rows: Array<[string, number]> = [
        ["earned", 100],
        ["redeemed", -30],
        ["earned", 50],
        ["expired", -20],
        ["adjusted", -10],
        ["reversed", 30],
        ["adjusted", 7],
        ["redeemed", -100],
      ];
      for (const [type, points] of rows) {
        await insertRow(tx, customerId, type, points);
        const state = await balanceAndSum(tx, customerId);
        expect(state.balance).toBe(state.total);
      }
      return balanceAndSum(tx, customerId);
    });
    expect(result).toEqual({ balance: 27, total: 27, earned: 150, redeemed: 130, expired: 20 });
  });

  it("when a debit would make the balance negative, then it is refused and nothing is written", async () => {
    const customerId = await withTenant(pool, tenant.id, async (tx) => {
      const id = await newCustomer(tx);
      await insertRow(tx, id, "earned", 40);
      return id;
    });
    await expect(withTenant(pool, tenant.id, (tx) => insertRow(tx, customerId, "redeemed", -41))).rejects.toMatchObject(
      {
        constraint: "customer_points_balance_not_negative",
      },
    );
    await expect(withTenant(pool, tenant.id, (tx) => insertRow(tx, customerId, "adjusted", -41))).rejects.toThrow();
    const state = await withTenant(pool, tenant.id, (tx) => balanceAndSum(tx, customerId));
    expect(state).toMatchObject({ balance: 40, total: 40 });
  });

  it("when a row's sign contradicts its type, then it is refused", async () => {
    await expect(
      withTenant(pool, tenant.id, async (tx) => insertRow(tx, await newCustomer(tx), "earned", -5)),
    ).rejects.toMatchObject({ constraint: "points_transactions_sign" });
    await expect(
      withTenant(pool, tenant.id, async (tx) => insertRow(tx, await newCustomer(tx), "redeemed", 5)),
    ).rejects.toMatchObject({ constraint: "points_transactions_sign" });
  });

  it("when the application changes or deletes a ledger row, then it is refused (append-only)", async () => {
    const customerId = await withTenant(pool, tenant.id, async (tx) => {
      const id = await newCustomer(tx);
      await insertRow(tx, id, "earned", 10);
      return id;
    });
    await expect(
      withTenant(pool, tenant.id, (tx) =>
        tx.query(
          sql.type(
            z.object({}).loose(),
          )`UPDATE points_transactions SET points = 1000 WHERE customer_id = ${customerId}`,
        ),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      withTenant(pool, tenant.id, (tx) =>
        tx.query(sql.type(z.object({}).loose())`DELETE FROM points_transactions WHERE customer_id = ${customerId}`),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    // The owner is bound too: only the lot bookkeeping may move.
    await expect(
      pool.query(
        sql.type(z.object({}).loose())`UPDATE points_transactions SET points = 1000 WHERE customer_id = ${customerId}`,
      ),
    ).rejects.toThrow(/append-only/);
    await pool.query(
      sql.type(
        z.object({}).loose(),
      )`UPDATE points_transactions SET points_remaining = 0, expired = true WHERE customer_id = ${customerId}`,
    );
  });
});
