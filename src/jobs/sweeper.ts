import type { DatabasePool } from "slonik";
import { findStranded } from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { enqueueInbound, enqueueOutbound } from "./messageQueues.ts";
import type { JobQueue } from "./queueFactory.ts";

/**
 * Queues again what was stored but never queued (Redis down after a commit, a crash between
 * commit and enqueue): outbox rows still `queued` and inbound rows not processed, older than
 * `olderThanMs`. Job ids are the row ids, so a row that still has a job gets no second one,
 * and workers skip rows already handled.
 */
export function createSweeper(deps: {
  pool: DatabasePool;
  inbound: JobQueue;
  outbound: JobQueue;
  log: Logger;
  metrics: Metrics;
  olderThanMs?: number;
}): { start(intervalMs?: number): void; stop(): void; sweepOnce(): Promise<{ inbound: number; outbound: number }> } {
  const olderThanMs = deps.olderThanMs ?? 30_000;
  let running = false;

  async function sweepOnce(): Promise<{ inbound: number; outbound: number }> {
    const stranded = await withPlatform(deps.pool, (tx) => findStranded(tx, olderThanMs, 500));
    await enqueueInbound(deps.inbound, stranded.inbound);
    await enqueueOutbound(deps.outbound, stranded.outbound);
    deps.metrics.sweeperRequeued.inc({ direction: "inbound" }, stranded.inbound.length);
    deps.metrics.sweeperRequeued.inc({ direction: "outbound" }, stranded.outbound.length);
    if (stranded.inbound.length + stranded.outbound.length > 0) {
      deps.log.info({ inbound: stranded.inbound.length, outbound: stranded.outbound.length }, "sweeper queued stranded rows");
    }
    return { inbound: stranded.inbound.length, outbound: stranded.outbound.length };
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
