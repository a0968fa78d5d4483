import { randomUUID } from "node:crypto";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { createLogger } from "../../../src/logger.ts";
import { createMessageQueues } from "../../../src/queues/messageQueues.ts";
import { createQueueFactory, type QueueFactory } from "../../../src/queues/queueFactory.ts";
import { runScheduledJob, type ScheduledJobDeps } from "../../../src/jobs/scheduled/runScheduledJob.ts";
import { SCHEDULED_QUEUE } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { testDatabaseUrl } from "../../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";

export const PHONE_NUMBER_ID = "109876543210987";

/**
 * Job dependencies on a Redis queue namespace of the test's own with no workers, so jobs the
 * code under test enqueues stay put and can be inspected.
 */
export function createJobHarness(pool: DatabasePool): {
  deps: ScheduledJobDeps;
  queues: QueueFactory;
  run(name: string, data: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
} {
  const log = createLogger("silent");
  const queues = createQueueFactory({
    redisUrl: TEST_REDIS_URL,
    databaseUrl: testDatabaseUrl(),
    log,
    prefix: `{tjobs${randomUUID().slice(0, 8)}}`,
  });
  const { outbound } = createMessageQueues(queues);
  const deps: ScheduledJobDeps = {
    pool,
    log,
    outbound,
    scheduled: queues.queue(SCHEDULED_QUEUE),
    defaultPhoneNumberId: PHONE_NUMBER_ID,
  };
  return {
    deps,
    queues,
    run: (name, data) =>
      runScheduledJob(deps, { name, data, id: `${name}-${randomUUID()}`, attempt: 1, maxAttempts: 3 }),
    async close() {
      await deps.outbound.obliterate({ force: true });
      await deps.scheduled.obliterate({ force: true });
      await queues.close();
    },
  };
}

/** A vendor user of the tenant (adjustments and audit rows name one). */
export async function addVendorUser(pool: DatabasePool, tenantId: string): Promise<string> {
  return withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO vendor_users (tenant_id, email, password_hash, full_name, role)
      VALUES (${tenantId}, ${`owner-${randomUUID()}@example.com`}, 'x', 'Owner', 'owner') RETURNING id`),
  );
}

const jobRow = z.object({
  job_type: z.string(),
  status: z.string().nullable(),
  attempts: z.number().nullable(),
  result: z.unknown(),
  error_message: z.string().nullable(),
  started_at: z.date().nullable(),
  completed_at: z.date().nullable(),
  payload: z.unknown(),
});

/** background_jobs rows of a job type whose payload names the tenant. */
export async function jobRuns(pool: DatabasePool, jobType: string, tenantId: string) {
  return withPlatform(pool, (tx) =>
    tx.any(sql.type(jobRow)`
      SELECT job_type, status, attempts, result, error_message, started_at, completed_at, payload
      FROM background_jobs WHERE job_type = ${jobType} AND payload->>'tenantId' = ${tenantId}
      ORDER BY created_at
    `),
  );
}
