import { randomInt } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import type { Logger } from "../logger.ts";

/** The channel the webhook NOTIFYs when it stores inbound messages; the payload lists their numbers. */
export const INBOUND_CHANNEL = "loyaltylaas_inbound";

/** First key of every worker lease's advisory lock (the second is the lease id). */
export const WORKER_LEASE_NAMESPACE = 1414;

const RECONNECT_DELAY_MS = 1_000;

export type WorkerSession = {
  /** This worker's lease: held as a session advisory lock for as long as the process lives. */
  leaseId: number;
  close(): Promise<void>;
};

const lockedRow = z.object({ locked: z.boolean() });

/**
 * A worker process's own PostgreSQL session, outside the pool, for two things that belong to a
 * session rather than a transaction:
 * - LISTEN on the inbound channel: the webhook NOTIFYs once per stored batch (its payload names
 *   the numbers the messages arrived on), and `onInbound` is called with them;
 * - the worker's lease: a session advisory lock `(WORKER_LEASE_NAMESPACE, leaseId)` that reply
 *   claims record (`claimed_by`), so a claim whose worker died is seen as soon as PostgreSQL
 *   ends that worker's session (kill -9, lost network), not after a timer.
 * A lost connection is opened again every second (the lease taken again with the same id when it
 * is free); meanwhile the drain's polling covers lost notifications.
 */
export async function openWorkerSession(
  databaseUrl: string,
  log: Logger,
  onInbound: (phoneNumberIds: readonly string[]) => void,
): Promise<WorkerSession> {
  let leaseId = randomInt(1, 2 ** 31 - 1);
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "loyaltylaas-worker" });
    next.on("error", (err) => log.warn({ err }, "worker session error"));
    next.on("notification", (message) => {
      if (message.channel !== INBOUND_CHANNEL) return;
      onInbound((message.payload ?? "").split(",").filter((id) => id !== ""));
    });
    next.on("end", () => {
      if (client === next) client = undefined;
      if (!closed) scheduleReconnect();
    });
    await next.connect();
    try {
      for (let tries = 0; ; tries += 1) {
        const result = await next.query("SELECT pg_try_advisory_lock($1::int, $2::int) AS locked", [
          WORKER_LEASE_NAMESPACE,
          leaseId,
        ]);
        if (lockedRow.parse(result.rows[0]).locked) break;
        if (tries > 10) throw new Error("no free worker lease id");
        leaseId = randomInt(1, 2 ** 31 - 1);
      }
      await next.query(`LISTEN ${INBOUND_CHANNEL}`);
    } catch (err) {
      await next.end().catch(() => undefined);
      throw err;
    }
    client = next;
  }

  function scheduleReconnect(): void {
    if (retry !== undefined || closed) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect()
        .then(() => log.info({ leaseId }, "worker session reconnected"))
        .catch((err: unknown) => {
          log.warn({ err }, "worker session could not reconnect; trying again");
          scheduleReconnect();
        });
    }, RECONNECT_DELAY_MS);
    retry.unref();
  }

  await connect();
  return {
    get leaseId() {
      return leaseId;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
