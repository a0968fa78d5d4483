import type { TestProject } from "vitest/node";
import { dropDatabase, prepareTestDatabase, TEST_DATABASE } from "./testDatabase.ts";
import { forgetClaimedPhones } from "./uniquePhone.ts";

/** Creates and migrates this run's test database, and drops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = await prepareTestDatabase();
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(TEST_DATABASE);
    forgetClaimedPhones(TEST_DATABASE);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
