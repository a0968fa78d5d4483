import type { Job } from "bullmq";
import { handleInbound, type EngineDeps } from "../conversation/handleInbound.ts";
import { claimSenderOnly } from "../db/contacts.ts";
import { findInboundMessage, insertOutboxMessage, markInboundUnprocessable } from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import { inboundJobSchema } from "./messageQueues.ts";
import type { ReplyHandOff } from "./replyHandOff.ts";
import { createSpeaker } from "../../flows/i18n/createSpeaker.ts";
import { findContactLanguage } from "../db/contactLanguage.ts";

/**
 * The inbound worker: one job per stored inbound message. The engine handles the sender's
 * pending messages in one transaction; after commit, the replies it wrote to the outbox are
 * handed to this process's reply sender (replyHandOff.ts; a failure here is repaired by the
 * sweeper). A message that fails on every attempt is
 * set aside with an apology, so one bad message never blocks the sender's chat.
 */
export function createInboundProcessor(deps: EngineDeps & { replies: ReplyHandOff }) {
  return async (job: Job): Promise<number> => {
    const { messageId } = inboundJobSchema.parse(job.data);
    const stopTimer = deps.metrics.engineDuration.startTimer();
    let outboxIds: string[];
    try {
      outboxIds = await handleInbound(deps, messageId);
    } catch (err) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastAttempt) throw err;
      deps.log.error({ err, messageId }, "inbound message failed on every attempt; set aside");
      outboxIds = await setAside(messageId, err instanceof Error ? err.message : String(err));
    } finally {
      stopTimer();
    }
    try {
      await deps.replies.handOff(outboxIds);
    } catch (err) {
      deps.log.warn({ err, messageId, count: outboxIds.length }, "replies could not be handed off or queued; the sweeper will queue them");
    }
    return outboxIds.length;
  };

  async function setAside(messageId: string, reason: string): Promise<string[]> {
    return withPlatform(deps.pool, async (tx) => {
      // Hold the sender, as the engine does, so a claim running now either sees this message
      // set aside or is known to have waited for it (and reads the sender's messages again).
      await claimSenderOnly(tx, messageId);
      const row = await findInboundMessage(tx, messageId);
      if (row === null || row.processed_at !== null) return [];
      await markInboundUnprocessable(tx, messageId, reason);
      const replyId = await insertOutboxMessage(tx, {
        tenantId: row.tenant_id,
        customerId: null,
        contactPhone: row.contact_phone,
        businessPhoneNumberId: row.business_phone_number_id,
        // In the sender's own language if they chose one (a vendor's default needs the routing that failed).
        message: { kind: "text", body: createSpeaker((await findContactLanguage(tx, row.contact_phone)) ?? "en").say("platform.somethingWentWrong") },
        triggeredBy: "chat:engine_error",
      });
      return [replyId];
    });
  }
}
