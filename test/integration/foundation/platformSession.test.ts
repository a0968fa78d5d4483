import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabasePool } from "../../../src/db/pool.ts";
import { sql, type Tx } from "../../../src/db/sql.ts";
import { APP_ROLE, PLATFORM_ROLE, withPlatform, withTenant } from "../../../src/db/withTenant.ts";
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
});
