import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./testDatabase.ts";

/** Creates and migrates the shared test database once per run. */
export default async function setup(project: TestProject): Promise<void> {
  const url = await prepareTestDatabase();
  project.provide("databaseUrl", url);
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
