import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { withTenant } from "../../../src/db/withTenant.ts";
import { getPlanLimits } from "../../../src/domain/tenants/getPlanLimits.ts";
import { getTenantSettings } from "../../../src/domain/tenants/getTenantSettings.ts";
import { NotFoundError } from "../../../src/errors.ts";
import { createTestPool, createTestTenant } from "../../helpers/testContext.ts";

/** `get…` reads of a tenant: the row or a NotFoundError (STYLE.md), never a plain Error. */
let pool: DatabasePool;

beforeAll(async () => {
  pool = await createTestPool();
});
afterAll(async () => {
  await pool.end();
});

describe("tenant lookups", () => {
  it("when the transaction's own tenant is read, then its settings and plan limits come back", async () => {
    const tenant = await createTestTenant(pool);
    const { settings, limits } = await withTenant(pool, tenant.id, async (tx) => ({
      settings: await getTenantSettings(tx, tenant.id),
      limits: await getPlanLimits(tx, tenant.id),
    }));
    expect(settings.timezone).toBe("Africa/Lagos");
    expect(limits).toHaveProperty("maxCustomers");
  });

  it("when another tenant's id is read inside a tenant's transaction, then both reads throw NotFoundError (RLS hides it)", async () => {
    const mine = await createTestTenant(pool);
    const theirs = await createTestTenant(pool);
    await withTenant(pool, mine.id, async (tx) => {
      await expect(getTenantSettings(tx, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPlanLimits(tx, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  it("when a tenant id that does not exist is read, then both reads throw NotFoundError with a 404 status", async () => {
    const mine = await createTestTenant(pool);
    const missing = randomUUID();
    await withTenant(pool, mine.id, async (tx) => {
      await expect(getTenantSettings(tx, missing)).rejects.toMatchObject({ status: 404, code: "not_found" });
      await expect(getPlanLimits(tx, missing)).rejects.toMatchObject({ status: 404, code: "not_found" });
    });
  });
});
