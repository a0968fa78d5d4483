import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.ts";
import { createLogger } from "../../../src/logger.ts";
import { createEmptyDatabase, dropDatabase } from "../../helpers/testDatabase.ts";

const DATABASE = `loyaltylaas_migrations_${process.pid}`;
const seedTables = [...readFileSync("sql/0001_seed_schema.sql", "utf8").matchAll(/^CREATE TABLE (\w+)/gm)].map(
  (m) => m[1],
);

afterAll(async () => {
  await dropDatabase(DATABASE);
});

describe("migrations", () => {
  it("when applied to an empty database and again, then the second run is a no-op and every seed table exists", async () => {
    const url = await createEmptyDatabase(DATABASE);
    const log = createLogger("silent");
    const first = await migrate(url, log);
    expect(first).toEqual(["0001_seed_schema", "0002_departures", ...first.slice(2)]);
    const second = await migrate(url, log);
    expect(second).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      const tables = rows.map((r) => r.table_name);
      expect(seedTables.length).toBe(18);
      expect(tables).toEqual(expect.arrayContaining(seedTables.filter((t) => t !== undefined)));
      const plans = await client.query<{ slug: string }>("SELECT slug FROM subscription_plans ORDER BY price_ngn");
      expect(plans.rows.map((r) => r.slug)).toEqual(["trial", "starter", "growth", "pro"]);
      const admins = await client.query("SELECT 1 FROM platform_admins");
      expect(admins.rowCount).toBe(0);
      const pin = await client.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'vendor_users' AND column_name LIKE 'staff_pin%'",
      );
      expect(pin.rows.map((r) => r.column_name)).toEqual(["staff_pin_hash"]);
    } finally {
      await client.end();
    }
  });
});
