import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createQueueFactory } from "../../../src/queues/queueFactory.ts";
import { createLogger } from "../../../src/logger.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";
import { testDatabaseUrl } from "../../helpers/testContext.ts";

describe("queue round trip", () => {
  it.each([
    ["redis", TEST_REDIS_URL],
    ["postgres", undefined],
  ])(
    "when a job is added on the %s backend, then a worker processes it once and its result is stored",
    async (kind, redisUrl) => {
      const prefix = `{test-${randomUUID()}}`;
      const queues = createQueueFactory({
        redisUrl,
        databaseUrl: testDatabaseUrl(),
        log: createLogger("silent"),
        prefix,
      });
      expect(queues.kind).toBe(kind);
      const name = `roundtrip-${randomUUID()}`;
      const seen: unknown[] = [];
      const done = new Promise<void>((resolve) => {
        queues.worker(name, async (job) => {
          seen.push(job.data);
          resolve();
          return { doubled: Number(job.data.n) * 2 };
        });
      });
      const queue = queues.queue(name);
      await queue.add("double", { n: 21 }, { jobId: "job-1" });
      await queue.add("double", { n: 21 }, { jobId: "job-1" }); // same id: idempotent enqueue
      await done;
      await new Promise((r) => setTimeout(r, 300));
      const job = await queue.getJob("job-1");
      expect(seen).toEqual([{ n: 21 }]);
      expect(job?.returnvalue).toEqual({ doubled: 42 });
      await queue.obliterate({ force: true });
      await queues.close();
    },
  );
});
