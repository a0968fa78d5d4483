import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { startRuntime, type Runtime } from "../../../src/runtime.ts";
import {
  createCapturingLogger,
  createTestPool,
  createTestTenant,
  randomPhone,
  testConfig,
  testDatabaseUrl,
  type TestTenant,
} from "../../helpers/testContext.ts";
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from "../../helpers/testDatabase.ts";
import type { DatabasePool } from "slonik";

/**
 * Least privilege (issue #13): the app's login role is a member of loyaltylaas_runtime only. A
 * test connects as such a login and proves each denial, then runs the app as it.
 */
const LOGIN = `llrt_${process.pid}`;
let owner: DatabasePool;
let runtimeUrl: string;
let tenantA: TestTenant;
let tenantB: TestTenant;
let phoneA: string;
let phoneB: string;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a fresh connection as the runtime login, then closes it. */
async function asRuntime<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: runtimeUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`DROP ROLE IF EXISTS ${LOGIN}`);
  await admin(`CREATE ROLE ${LOGIN} LOGIN IN ROLE loyaltylaas_runtime`);
  const url = new URL(testDatabaseUrl());
  url.username = LOGIN;
  runtimeUrl = url.toString();
  owner = await createTestPool();
  tenantA = await createTestTenant(owner);
  tenantB = await createTestTenant(owner);
  phoneA = randomPhone();
  phoneB = randomPhone();
  await withPlatform(owner, async (tx) => {
    await tx.query(
      sql.type(
        z.object({}).loose(),
      )`INSERT INTO contacts (phone_number, active_tenant_id) VALUES (${phoneA}, ${tenantA.id}), (${phoneB}, ${tenantB.id})`,
    );
  });
});

afterAll(async () => {
  await owner.end();
  await admin(`DROP ROLE IF EXISTS ${LOGIN}`);
});

describe("the runtime login role", { timeout: 60_000 }, () => {
  it("when its attributes are read, then it is no superuser, bypasses no RLS, creates nothing and inherits no table rights", async () => {
    const row = await asRuntime(
      async (c) =>
        (
          await c.query(
            "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user",
          )
        ).rows[0],
    );
    expect(row).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    await asRuntime(async (c) => {
      await expect(c.query("SELECT count(*) FROM customers")).rejects.toThrow(/permission denied/);
      await expect(c.query("SELECT count(*) FROM platform_admins")).rejects.toThrow(/permission denied/);
      await expect(c.query("CREATE TABLE sneaky (id int)")).rejects.toThrow(/permission denied/);
      await expect(c.query("ALTER TABLE customers DISABLE ROW LEVEL SECURITY")).rejects.toThrow(
        /must be owner|permission denied/,
      );
    });
  });

  it("when it tries to become the owner or a superuser, then SET ROLE is refused; the app and platform roles are allowed", async () => {
    await asRuntime(async (c) => {
      await expect(c.query("SET ROLE postgres")).rejects.toThrow(/permission denied/);
      await c.query("SET ROLE loyaltylaas_app");
      await c.query("RESET ROLE");
      await c.query("SET ROLE loyaltylaas_platform");
      await c.query("RESET ROLE");
    });
  });

  it("when it works as a tenant, then platform_admins, tokens, login counters and other tenants' contacts are out of reach", async () => {
    await asRuntime(async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('role', 'loyaltylaas_app', true), set_config('app.current_tenant', $1, true)", [
        tenantA.id,
      ]);
      for (const table of ["platform_admins", "tenant_whatsapp_numbers", "login_failures", "pgmigrations"]) {
        await c.query("SAVEPOINT s");
        await expect(c.query(`SELECT * FROM ${table}`), table).rejects.toThrow(/permission denied/);
        await c.query("ROLLBACK TO SAVEPOINT s");
      }
      const contacts = (
        await c.query("SELECT phone_number FROM contacts WHERE phone_number = ANY($1)", [[phoneA, phoneB]])
      ).rows;
      expect(contacts).toEqual([{ phone_number: phoneA }]);
      const changed = await c.query("UPDATE contacts SET whatsapp_name = 'x' WHERE phone_number = $1", [phoneB]);
      expect(changed.rowCount).toBe(0);
      await c.query("ROLLBACK");
    });
  });

  it("when the app runs with the runtime login as DATABASE_URL, then platform and tenant work both succeed", async () => {
    const runtime: Runtime = await startRuntime({
      config: testConfig({ REDIS_URL: TEST_REDIS_URL, DATABASE_URL: runtimeUrl }),
      log: createCapturingLogger("silent").log,
      databaseUrl: runtimeUrl,
      role: "web",
      host: "127.0.0.1",
      queuePrefix: `{lp${process.pid}_${Date.now()}}`,
    });
    try {
      const tenants = await withPlatform(runtime.pool, (tx) =>
        tx.anyFirst(
          sql.type(
            z.object({ id: z.uuid() }),
          )`SELECT id FROM tenants WHERE id = ANY(${sql.array([tenantA.id, tenantB.id], "uuid")})`,
        ),
      );
      expect([...tenants].sort()).toEqual([tenantA.id, tenantB.id].sort());
      const visible = await withTenant(runtime.pool, tenantA.id, (tx) =>
        tx.anyFirst(sql.type(z.object({ id: z.uuid() }))`SELECT id FROM tenants`),
      );
      expect(visible).toEqual([tenantA.id]);
      expect((await fetch(`${runtime.url}/readyz`)).status).toBe(200);
    } finally {
      await runtime.stop();
    }
  });
});
