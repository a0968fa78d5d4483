import { createSpeaker } from "../../flows/i18n/createSpeaker.ts";
import { findContactLanguage } from "../db/contactLanguage.ts";
import { BackendTerminatedError, BackendTerminatedUnexpectedlyError, ConnectionError } from "slonik";
import { handleInbound, type DrainOptions, type Drained } from "../conversation/handleInbound.ts";
import type { EngineDeps } from "../conversation/engineTypes.ts";
import { InboundMessageError } from "../conversation/inboundMessageError.ts";
import { readLockedContact } from "../db/contacts.ts";
import { recordInboundFailure, setAsideInboundMessage } from "../db/inboxDrain.ts";
import { insertOutboxMessage } from "../db/whatsappMessages.ts";
import { onPlatform, withPlatform } from "../db/withTenant.ts";
import type { ReplyHandOff } from "./replyHandOff.ts";

/** Attempts at a message before it is set aside (the poison-message rule). */
export const INBOUND_ATTEMPTS = 5;
/** How often an idle worker looks at the inbox anyway, in case a notification was lost. */
export const INBOUND_POLL_MS = 1_000;
/** Pause of a drain loop after a failure that is not a message's own (the database is away). */
const FAILURE_PAUSE_MS = 500;

export type InboundDrainer = {
  /** Starts polling; `wake` (on a notification) starts a drain at once. */
  start(): void;
  /** Asks for a drain now (a NOTIFY for a number this process serves). */
  wake(): void;
  /** Runs one drain to its end and hands off its replies (tests, and the loops). */
  drainOnce(): Promise<Drained>;
  /** Stops polling and waits for the running drains to end. */
  stop(): Promise<void>;
};

/**
 * The inbound worker: drain loops over the inbox (conversation/handleInbound.ts), up to
 * `concurrency` at once. A wake-up (NOTIFY) or the one-second poll starts one loop; a loop drains
 * until a claim finds nobody waiting, and a drain that claimed a full batch starts another loop
 * beside it, so the number of loops follows the backlog. After each commit the replies go to
 * this process's reply sender (replyHandOff.ts; a failure there is repaired by the sweeper).
 *
 * A message that fails rolls its drain back; the attempt is counted on the message, which waits
 * out a backoff (its sender is not claimed meanwhile, so the other senders of the batch are
 * drained again at once without it). On the fifth failure it is set aside with an apology, and
 * its sender's later messages are handled.
 */
export function createInboundDrainer(
  deps: EngineDeps & { replies: ReplyHandOff; concurrency: number; options: () => DrainOptions },
): InboundDrainer {
  let loops = 0;
  let wanted = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<void>>();

  async function drainOnce(): Promise<Drained> {
    const step = await drainStep();
    return step === "failed" ? { senders: 0, handled: 0, skipped: 0, outboxIds: [], afterCommit: [] } : step;
  }

  /** One drain; "failed" when a message failed (counted on it): the others are drained again at once. */
  async function drainStep(): Promise<Drained | "failed"> {
    const options = deps.options();
    const stopTimer = deps.metrics.engineDuration.startTimer();
    let drained: Drained;
    try {
      drained = await handleInbound(deps, options);
    } catch (err) {
      if (!(err instanceof InboundMessageError)) throw err;
      await countFailure(err, options.leaseId);
      return "failed";
    } finally {
      stopTimer();
    }
    await handOff(drained.outboxIds);
    for (const task of drained.afterCommit) {
      await task().catch((err: unknown) =>
        deps.log.warn({ err }, "after-commit work failed; the scheduled scans will pick it up"),
      );
    }
    return drained;
  }

  async function handOff(outboxIds: readonly string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    try {
      await deps.replies.handOff(outboxIds);
    } catch (err) {
      deps.log.warn(
        { err, count: outboxIds.length },
        "replies could not be handed off or queued; the sweeper will queue them",
      );
    }
  }

  async function countFailure(err: InboundMessageError, leaseId: number | null): Promise<void> {
    const { messageId } = err;
    // A lost connection is not the message's fault: the drain is simply run again.
    if (
      err.cause instanceof ConnectionError ||
      err.cause instanceof BackendTerminatedError ||
      err.cause instanceof BackendTerminatedUnexpectedlyError
    ) {
      throw err;
    }
    const failure = await onPlatform(deps.pool, (db) => recordInboundFailure(db, messageId, err.message));
    if (failure === null) return;
    if (failure.attempts < INBOUND_ATTEMPTS) {
      deps.log.warn(
        { err: err.cause, messageId, attempts: failure.attempts },
        "inbound message failed; will try again",
      );
      return;
    }
    deps.log.error({ err: err.cause, messageId }, "inbound message failed on every attempt; set aside");
    const replyIds = await withPlatform(deps.pool, async (tx) => {
      // Hold the sender, as a drain does, so no drain handles their messages meanwhile.
      await readLockedContact(tx, failure.contactPhone);
      const row = await setAsideInboundMessage(tx, messageId, err.message);
      if (row === null) return [];
      const replyId = await insertOutboxMessage(tx, {
        tenantId: row.tenant_id,
        customerId: null,
        contactPhone: row.contact_phone,
        businessPhoneNumberId: row.business_phone_number_id,
        // In the sender's own language if they chose one (a vendor's default needs the routing that failed).
        message: {
          kind: "text",
          body: createSpeaker((await findContactLanguage(tx, row.contact_phone)) ?? "en").say(
            "platform.somethingWentWrong",
          ),
        },
        triggeredBy: "chat:engine_error",
        claimedBy: leaseId,
      });
      return [replyId];
    });
    await handOff(replyIds);
  }

  function startLoop(): void {
    if (stopping || loops >= deps.concurrency) return;
    loops += 1;
    const loop = (async () => {
      try {
        for (;;) {
          if (stopping) return;
          wanted = false;
          let drained: Drained | "failed";
          try {
            drained = await drainStep();
          } catch (err) {
            deps.log.warn({ err }, "inbound drain failed; trying again shortly");
            await new Promise((resolve) => setTimeout(resolve, FAILURE_PAUSE_MS));
            continue;
          }
          if (drained === "failed") continue;
          if (drained.senders >= deps.options().maxSenders) startLoop();
          if (drained.senders === 0 && !wanted) return;
        }
      } finally {
        loops -= 1;
      }
    })();
    running.add(loop);
    void loop.finally(() => running.delete(loop));
  }

  return {
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => startLoop(), INBOUND_POLL_MS);
      timer.unref();
      startLoop();
    },
    wake() {
      wanted = true;
      startLoop();
    },
    drainOnce,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await Promise.all([...running]);
    },
  };
}
