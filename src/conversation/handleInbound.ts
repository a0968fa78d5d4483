import { findLockedContact, type Contact } from "../db/contacts.ts";
import { finishInboundMessage, type Reply } from "../db/inbox.ts";
import { claimSenders, readClaimedInbox, skipInboundMessages, type ClaimedInbox } from "../db/inboxDrain.ts";
import type { InboxScope } from "../db/inboxScope.ts";
import type { Tx } from "../db/sql.ts";
import { enterPlatform, withPlatform } from "../db/withTenant.ts";
import { maskPhone } from "../logger.ts";
import type { EngineDeps } from "./engineTypes.ts";
import { InboundMessageError } from "./inboundMessageError.ts";
import { platformReplies } from "./platformReplies.ts";
import { routeMessage } from "./routeMessage.ts";

export type DrainOptions = {
  /** The numbers this process serves (INBOUND_PHONE_NUMBER_IDS). */
  scope: InboxScope;
  /** Most senders claimed in one transaction. */
  maxSenders: number;
  /** Most of one sender's messages read in one transaction (the rest wait for the next drain). */
  maxPerSender: number;
  /**
   * Most of one sender's messages handled (not skipped) in one transaction: the other senders of
   * the batch wait for them, so a busy sender cannot make everyone else's answer late.
   */
  maxHandledPerSender: number;
  /** Flood control: a sender's messages past this many in a minute are skipped (INBOUND_SENDER_RATE_PER_MINUTE). */
  senderRatePerMinute: number;
  /** This worker's lease, written on the replies (see workerSession.ts). */
  leaseId: number | null;
};

/** What one drain did; `outboxIds` are the replies it wrote, to hand to the reply sender after commit. */
export type Drained = {
  senders: number;
  handled: number;
  skipped: number;
  outboxIds: string[];
  /** Work to start once the drain's transaction has committed (queueing a broadcast the owner chat sent). */
  afterCommit: (() => Promise<void>)[];
};

/**
 * One drain of the inbox (docs/architecture.md, "How an inbound message travels"), in one
 * transaction: claims up to `maxSenders` senders with unhandled messages (their contact rows, FOR
 * UPDATE SKIP LOCKED: two workers never hold one sender, so a chat is never reordered), then
 * handles each sender's messages in WhatsApp timestamp order: routes them (routeMessage.ts), writes
 * the replies to the outbox and marks them handled. A sender past the flood limit has the excess
 * marked skipped, and is told to slow down once. Returns what was written; the caller hands the
 * replies on after commit.
 * @throws InboundMessageError when a message fails: the whole transaction is rolled back, and the
 *   caller counts the attempt against that message (and sets it aside after the last one).
 */
export async function handleInbound(deps: EngineDeps, options: DrainOptions): Promise<Drained> {
  return withPlatform(deps.pool, async (tx) => {
    const phones = await claimSenders(tx, options.scope, options.maxSenders);
    if (phones.length === 0) return { senders: 0, handled: 0, skipped: 0, outboxIds: [], afterCommit: [] };
    const inboxes = await readClaimedInbox(tx, phones, options.scope, options.maxPerSender);
    const drained: Drained = { senders: phones.length, handled: 0, skipped: 0, outboxIds: [], afterCommit: [] };
    for (const inbox of inboxes) {
      await handleSender(deps, tx, inbox, options, drained);
    }
    return drained;
  });
}

async function handleSender(
  deps: EngineDeps,
  tx: Tx,
  inbox: ClaimedInbox,
  options: DrainOptions,
  drained: Drained,
): Promise<void> {
  // The contact row as the drain read it, until a handled message may have changed it.
  let claimed: Contact | null = inbox.contact;
  let slowedDown = inbox.slowedRecently;
  const skipped: string[] = [];
  let handledHere = 0;
  for (const row of inbox.pending) {
    if (row.recentCount > options.senderRatePerMinute) {
      skipped.push(row.id);
      if (!slowedDown) {
        slowedDown = true;
        const reply: Reply = {
          tenantId: null,
          customerId: null,
          contactPhone: row.contact_phone,
          businessPhoneNumberId: row.business_phone_number_id,
          message: platformReplies.slowDown(),
          triggeredBy: "chat:flood_control",
        };
        drained.outboxIds.push(
          ...(await finishInboundMessage(tx, row.id, { tenantId: null, customerId: null }, [reply], options.leaseId)),
        );
        deps.log.warn(
          { messageId: row.id, phoneMasked: maskPhone(row.contact_phone), recent: row.recentCount },
          "sender over the flood limit; told to slow down",
        );
      }
      continue;
    }
    // The rest are the next drain's (this sender is claimed again, as the one waiting longest).
    if (handledHere >= options.maxHandledPerSender) break;
    handledHere += 1;
    const log = deps.log.child({ messageId: row.id, phoneMasked: maskPhone(row.contact_phone) });
    try {
      // The lock is held; the row may have changed while handling the previous message.
      const contact = claimed ?? (await findLockedContact(tx, row.contact_phone));
      if (contact === null) {
        // DELETE MY DATA earlier in this batch erased the person: their later messages went with
        // it (bodies scrubbed) and are closed unanswered.
        await finishInboundMessage(tx, row.id, { tenantId: null, customerId: null }, [], options.leaseId);
        claimed = null;
        continue;
      }
      const routed =
        claimed !== null && inbox.routing !== null && row.business_phone_number_id === inbox.routing.phoneNumberId
          ? inbox.routing.tenants
          : null;
      claimed = null;
      const handled = await routeMessage(deps, tx, contact, row, routed, log);
      drained.afterCommit.push(...(handled.afterCommit ?? []));
      await enterPlatform(tx);
      const replies: Reply[] = [
        ...handled.replies.map((message) => ({
          tenantId: handled.tenantId,
          customerId: handled.customerId,
          contactPhone: row.contact_phone,
          businessPhoneNumberId: row.business_phone_number_id,
          message,
          triggeredBy: `chat:${handled.route}`,
        })),
        ...(handled.notifications ?? []).map((note) => ({
          tenantId: handled.tenantId,
          customerId: note.customerId,
          contactPhone: note.contactPhone,
          businessPhoneNumberId: row.business_phone_number_id,
          message: note.message,
          triggeredBy: note.triggeredBy,
        })),
      ];
      const routedTo = {
        tenantId: handled.tenantId,
        customerId: handled.customerId,
        conversationState: handled.conversationState,
      };
      drained.outboxIds.push(...(await finishInboundMessage(tx, row.id, routedTo, replies, options.leaseId)));
      drained.outboxIds.push(...(handled.outboxIds ?? []));
      drained.handled += 1;
      deps.metrics.inboundProcessed.inc({ route: handled.route });
      log.info(
        { tenantId: handled.tenantId, route: handled.route, replies: handled.replies.length },
        "message handled",
      );
    } catch (err) {
      throw new InboundMessageError(row.id, err);
    }
  }
  await skipInboundMessages(tx, skipped);
  drained.skipped += skipped.length;
  if (skipped.length > 0) deps.metrics.inboundProcessed.inc({ route: "flood_skipped" }, skipped.length);
}
