import type { Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { Tx } from "../db/sql.ts";
import { countPendingClaims } from "../domain/claims/countPendingClaims.ts";
import { mayReviewClaims } from "../domain/claims/mayReviewClaims.ts";
import type { Logger } from "../logger.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import type { EngineDeps, PersonMessage } from "./engineTypes.ts";
import { runClaimReview } from "./runClaimReview.ts";

/** What a host chat (staff or owner) does with the message after an open claim review read it. */
export type ReviewFeed = {
  replies: OutMessage[];
  outboxIds: string[];
  /** The review's snapshot to keep; null when it is over (or there was none). */
  review: unknown;
  /**
   * What the host's own flow reads now: the message itself when no review was open, the command
   * that ended the review (handed back), or only the activity when the review kept the message.
   */
  hostEvent: HostEvent;
};

/** The events every host flow (flows/staff.ts, flows/owner.ts) understands. */
export type HostEvent =
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  | { type: "ACTIVE"; now: string };

/**
 * One message of a signed-in reviewer's chat that has a claim review open (flows/claimReview.ts):
 * the review reads it first and may hand it back to the host flow (a command of the host's, such
 * as EXIT or PURCHASE). With no review open the message goes to the host untouched. The staff
 * chat and owner mode both call this, so a review behaves the same in either.
 */
export async function feedClaimReview(
  deps: EngineDeps,
  tx: Tx,
  input: {
    tenantId: string;
    reviewerUserId: string;
    speaker: Speaker;
    review: unknown;
    message: PersonMessage;
    log: Logger;
  },
): Promise<ReviewFeed> {
  const { message } = input;
  const now = message.now.toISOString();
  const event: HostEvent =
    message.text === null ? { type: "NON_TEXT", now } : { type: "TEXT", text: message.text, now };
  if (input.review === null) return { replies: [], outboxIds: [], review: null, hostEvent: event };
  const turn = await runClaimReview(deps, tx, {
    tenantId: input.tenantId,
    reviewerUserId: input.reviewerUserId,
    speaker: input.speaker,
    snapshot: input.review,
    event,
    now: message.now,
    log: input.log,
  });
  return {
    replies: turn.replies,
    outboxIds: turn.outboxIds,
    review: turn.snapshot,
    hostEvent:
      turn.snapshot === null && turn.handBack !== null
        ? { type: "TEXT", text: turn.handBack, now }
        : { type: "ACTIVE", now },
  };
}

/** Opens a claim review (`CLAIMS`) for a signed-in reviewer: its first list of pending claims. */
export async function startClaimReview(
  deps: EngineDeps,
  tx: Tx,
  input: { tenantId: string; reviewerUserId: string; speaker: Speaker; now: Date; log: Logger },
): Promise<Omit<ReviewFeed, "hostEvent">> {
  const turn = await runClaimReview(deps, tx, {
    ...input,
    snapshot: null,
    event: { type: "START", now: input.now.toISOString() },
  });
  return { replies: turn.replies, outboxIds: turn.outboxIds, review: turn.snapshot };
}

/**
 * Told on signing in (staff or owner), when receipt claims wait and this person may decide them:
 * how many, and to send CLAIMS. Null otherwise.
 */
export async function pendingClaimsNotice(
  tx: Tx,
  reviewerUserId: string,
  speaker: Speaker,
): Promise<OutMessage | null> {
  const count = await countPendingClaims(tx);
  if (count === 0 || !(await mayReviewClaims(tx, reviewerUserId))) return null;
  return { kind: "text", body: speaker.say("claims.staff.waiting", { count }) };
}
