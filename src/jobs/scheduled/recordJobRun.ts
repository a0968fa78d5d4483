import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withPlatform } from "../../db/withTenant.ts";

export type JobRun = {
  jobType: string;
  /** The BullMQ job id: its retries update one background_jobs row. */
  queueJobId: string;
  payload: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
};

const idRow = z.object({ id: z.string() });
const jsonValue = z.json();

/**
 * Runs `fn` and records the run in background_jobs: `processing` with its attempt and start
 * time, then `completed` with the result, or the error with `retrying` (attempts left) or
 * `failed`. The error is thrown on, so BullMQ retries.
 */
export async function recordJobRun<T>(pool: DatabasePool, run: JobRun, fn: () => Promise<T>): Promise<T> {
  const id = await withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(idRow)`
      INSERT INTO background_jobs (job_type, queue_job_id, status, payload, attempts, max_attempts, scheduled_at, started_at)
      VALUES (${run.jobType}, ${run.queueJobId}, 'processing', ${sql.jsonb(jsonValue.parse(run.payload))},
              ${run.attempt}, ${run.maxAttempts}, now(), clock_timestamp())
      ON CONFLICT (job_type, queue_job_id) WHERE queue_job_id IS NOT NULL DO UPDATE SET
        status = 'processing', attempts = EXCLUDED.attempts, started_at = EXCLUDED.started_at,
        completed_at = NULL, error_message = NULL
      RETURNING id
    `),
  );
  try {
    const result = await fn();
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(idRow)`
        UPDATE background_jobs SET status = 'completed', result = ${sql.jsonb(jsonValue.parse(result ?? null))}, completed_at = clock_timestamp()
        WHERE id = ${id} RETURNING id
      `),
    );
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const status = run.attempt < run.maxAttempts ? "retrying" : "failed";
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(idRow)`
        UPDATE background_jobs SET status = ${status}, error_message = ${message.slice(0, 2000)}, completed_at = clock_timestamp()
        WHERE id = ${id} RETURNING id
      `),
    );
    throw err;
  }
}
