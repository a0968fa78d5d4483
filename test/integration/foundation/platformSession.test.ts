import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabasePool, roundTripsOf } from "../../../src/db/pool.ts";
import { sql, type Tx } from "../../../src/db/sql.ts";
import { APP_ROLE, onPlatform, PLATFORM_ROLE, withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { createTestPool, createTestTenant, testDatabaseUrl } from "../../helpers/testContext.ts";

const whoRow = z.object({ role: z.string(), tenant: z.string() });

async function who(tx: Pick<Tx, "one">) {
  return tx.one(sql.type(whoRow)`SELECT current_user AS role, current_setting('app.current_tenant', true) AS tenant`);
}

/** One connection, so every transaction below reuses the session the one before left. */
let pool: DatabasePool;
let owner: DatabasePool;

beforeAll(async () => {
  pool = await createDatabasePool(testDatabaseUrl(), { maxPoolSize: 1, platformSession: true });
  owner = await createTestPool();
});

afterAll(async () => {
  await pool.end();
  await owner.end();
});

describe("a platform-session pool (the app's)", () => {
  it("when a connection starts, then it is the platform role with no tenant, before any statement of ours", async () => {
    expect(await who(pool)).toEqual({ role: PLATFORM_ROLE, tenant: "" });
  });

  it("when a tenant transaction commits or fails, then the next transaction on the connection is back on the platform path", async () => {
    const tenant = await createTestTenant(owner);

    expect(await withTenant(pool, tenant.id, (tx) => who(tx))).toEqual({ role: APP_ROLE, tenant: tenant.id });
    expect(await withPlatform(pool, (tx) => who(tx))).toEqual({ role: PLATFORM_ROLE, tenant: "" });

    await expect(
      withTenant(pool, tenant.id, async () => {
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await withPlatform(pool, (tx) => who(tx))).toEqual({ role: PLATFORM_ROLE, tenant: "" });
  });

  it("when a pool is made without it (owner work), then withPlatform still switches to the platform role", async () => {
    expect(await withPlatform(owner, (tx) => who(tx))).toEqual({ role: PLATFORM_ROLE, tenant: "" });
    expect((await who(owner)).role).not.toBe(PLATFORM_ROLE);
  });

  it("when one statement runs through onPlatform, then it runs as the platform role with no transaction around it: one round trip", async () => {
    const before = { ...roundTripsOf(pool) };

    const seen = await onPlatform(pool, (db) =>
      db.one(sql.type(whoRow.extend({ in_transaction: z.boolean() }))`
        SELECT current_user AS role, current_setting('app.current_tenant', true) AS tenant,
          now() <> statement_timestamp() AS in_transaction`),
    );

    expect(seen).toEqual({ role: PLATFORM_ROLE, tenant: "", in_transaction: false });
    expect(roundTripsOf(pool)).toEqual({ statements: before.statements + 1, transactions: before.transactions });
  });

  it("when a transaction runs two statements, then the pool counts them and the transaction (its BEGIN and COMMIT)", async () => {
    const before = { ...roundTripsOf(pool) };

    await withPlatform(pool, async (tx) => {
      await who(tx);
      await who(tx);
    });

    expect(roundTripsOf(pool)).toEqual({ statements: before.statements + 2, transactions: before.transactions + 1 });
  });

  it("when onPlatform is given a pool made without it, then it switches to the platform role in a transaction", async () => {
    expect(await onPlatform(owner, (db) => who(db))).toEqual({ role: PLATFORM_ROLE, tenant: "" });
  });
});
