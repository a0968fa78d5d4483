import type { DatabasePool } from "slonik";
import { applyParkedStatusCallbacks } from "../conversation/applyStatusCallbacks.ts";
import { dropStaleParkedStatusCallbacks } from "../db/parkedStatusCallbacks.ts";
import { findStranded } from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { requeueStranded } from "./messageQueues.ts";
import type { JobQueue } from "./queueFactory.ts";

/** What one sweep did: rows queued again, and parked status callbacks applied or dropped. */
export type SweepResult = { inbound: number; outbound: number; parkedStatusesApplied: number; parkedStatusesDropped: number };

/** A parked status callback that found no message in a day was not for one of ours. */
const PARKED_STATUS_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Queues again what was stored but never queued (Redis down after a commit, a crash between
 * commit and enqueue), or whose job ended while the row was still unhandled: outbox rows still
 * `queued` (or claimed by a worker that died) and inbound rows not processed, older than
 * `olderThanMs`. Job ids are the row ids, so a row whose job is still waiting or running gets no
 * second one, and workers skip rows already handled. Also applies status callbacks that arrived
 * before their message's wamid was recorded (parked by the webhook), once it is.
 */
export function createSweeper(deps: {
  pool: DatabasePool;
  inbound: JobQueue;
  outbound: JobQueue;
  log: Logger;
  metrics: Metrics;
  olderThanMs?: number;
}): { start(intervalMs?: number): void; stop(): void; sweepOnce(): Promise<SweepResult> } {
  const olderThanMs = deps.olderThanMs ?? 30_000;
  let running = false;

  async function sweepOnce(): Promise<SweepResult> {
    const stranded = await withPlatform(deps.pool, (tx) => findStranded(tx, olderThanMs, 500));
    const parked = await withPlatform(deps.pool, async (tx) => ({
      applied: await applyParkedStatusCallbacks(tx),
      dropped: await dropStaleParkedStatusCallbacks(tx, PARKED_STATUS_TTL_MS),
    }));
    if (parked.applied + parked.dropped > 0) {
      deps.log.info({ applied: parked.applied, dropped: parked.dropped }, "sweeper handled parked status callbacks");
    }
    await requeueStranded(deps, stranded);
    deps.metrics.sweeperRequeued.inc({ direction: "inbound" }, stranded.inbound.length);
    deps.metrics.sweeperRequeued.inc({ direction: "outbound" }, stranded.outbound.length);
    if (stranded.inbound.length + stranded.outbound.length > 0) {
      deps.log.info({ inbound: stranded.inbound.length, outbound: stranded.outbound.length }, "sweeper queued stranded rows");
    }
    return {
      inbound: stranded.inbound.length,
      outbound: stranded.outbound.length,
      parkedStatusesApplied: parked.applied,
      parkedStatusesDropped: parked.dropped,
    };
  }

  let timer: NodeJS.Timeout | undefined;
  return {
    sweepOnce,
    /** Sweeps every `intervalMs` (workers run this; a web-only process only sweeps on demand). */
    start(intervalMs = 15_000) {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        if (running) return;
        running = true;
        sweepOnce()
          .catch((err: unknown) => deps.log.warn({ err }, "sweep failed"))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
