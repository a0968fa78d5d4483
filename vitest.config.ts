import { defineConfig } from "vitest/config";

/**
 * Two projects in one run: every test on Redis queues, and the end-to-end suites (webhook,
 * conversations, broadcasts) again on BullMQ's PostgreSQL backend, the deployment without Redis.
 */
export default defineConfig({
  test: {
    globalSetup: ["test/helpers/globalSetup.ts"],
    // A conversation test is a chain of steps, each waiting up to 30 s for its replies (repliesTo):
    // the step, not the whole test, is what times out first, with a description of where it stalled.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    // Integration files share one migrated database; each test makes its own tenant and data.
    sequence: { concurrent: false },
    projects: [
      { extends: true, test: { name: "redis-queues", include: ["test/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "postgres-queues",
          include: [
            "test/integration/webhook/**/*.test.ts",
            "test/integration/conversation/**/*.test.ts",
            "test/integration/jobs/broadcasts.test.ts",
          ],
          // The core scenario names both backends itself.
          exclude: ["test/integration/conversation/coreScenario.test.ts"],
          env: { TEST_QUEUE_BACKEND: "postgres" },
        },
      },
    ],
  },
});
