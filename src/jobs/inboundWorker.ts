import type { Job } from "bullmq";
import { handleInbound, type EngineDeps } from "../conversation/handleInbound.ts";
import { enqueueOutbound, inboundJobSchema } from "./messageQueues.ts";
import type { JobQueue } from "./queueFactory.ts";

/**
 * The inbound worker: one job per stored inbound message. The engine handles the sender's
 * pending messages in one transaction; after commit, the replies it wrote to the outbox are
 * queued (a failure here is repaired by the sweeper).
 */
export function createInboundProcessor(deps: EngineDeps & { outbound: JobQueue }) {
  return async (job: Job): Promise<number> => {
    const { messageId } = inboundJobSchema.parse(job.data);
    const stopTimer = deps.metrics.engineDuration.startTimer();
    const outboxIds = await handleInbound(deps, messageId);
    stopTimer();
    try {
      await enqueueOutbound(deps.outbound, outboxIds);
    } catch (err) {
      deps.log.warn({ err, messageId, count: outboxIds.length }, "outbound enqueue failed; the sweeper will retry");
    }
    return outboxIds.length;
  };
}
