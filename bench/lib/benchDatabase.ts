import { migrate } from "../../src/db/migrate.ts";
import { createLogger } from "../../src/logger.ts";
import { createEmptyDatabase, dropDatabase } from "../../test/helpers/testDatabase.ts";

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A fresh, migrated database of the bench's own (`loyaltylaas_bench_<name>_<pid>`). */
export async function createBenchDatabase(benchName: string): Promise<BenchDatabase> {
  const name = `loyaltylaas_bench_${benchName}_${process.pid}`;
  const url = await createEmptyDatabase(name);
  await migrate(url, createLogger("silent"));
  return { name, url, drop: () => dropDatabase(name) };
}
