import {
  CLAIMS_PER_LIST,
  runClaimReviewFlow,
  type ClaimReviewEvent,
  type ClaimReviewIntent,
  type ReviewableClaim,
} from "../../flows/claimReview.ts";
import type { Speaker } from "../../flows/i18n/createSpeaker.ts";
import { storeMedia } from "../db/media.ts";
import type { Tx } from "../db/sql.ts";
import type { ClaimRecord } from "../domain/claims/claimRecord.ts";
import { countPendingClaims } from "../domain/claims/countPendingClaims.ts";
import { listClaims } from "../domain/claims/listClaims.ts";
import { mayReviewClaims } from "../domain/claims/mayReviewClaims.ts";
import { reviewClaim } from "../domain/claims/reviewClaim.ts";
import { maskPhone, type Logger } from "../logger.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import { receiptStoreFor } from "./claimMedia.ts";
import type { EngineDeps } from "./engineTypes.ts";

/** One turn of a claim review: the replies, and what the host does next. */
export type ClaimReviewTurn = {
  replies: OutMessage[];
  /** The review's snapshot to keep for the next message; null when the review is over. */
  snapshot: unknown;
  /** When the review ended on one of the host's commands: that text, for the host flow to read now. */
  handBack: string | null;
  /** Customer notices already written to the outbox (for the engine to hand to the sender). */
  outboxIds: string[];
};

/**
 * Runs the claim review sub-flow (flows/claimReview.ts) for a signed-in reviewer of the tenant
 * whose transaction `tx` is in: the staff chat calls it on `CLAIMS` (event START) and with every
 * message while a review is open; owner mode can do the same with the owner's user id. Every
 * step re-checks that the reviewer may log purchases; claims are read and decided under the
 * tenant's RLS, so a number can only ever reach this tenant's claims, and `reviewClaim` locks the
 * claim so a second APPROVE (or a second reviewer) has no second effect.
 */
export async function runClaimReview(
  deps: EngineDeps,
  tx: Tx,
  input: {
    tenantId: string;
    reviewerUserId: string;
    speaker: Speaker;
    snapshot: unknown;
    event: ClaimReviewEvent;
    now: Date;
    log: Logger;
  },
): Promise<ClaimReviewTurn> {
  const { tenantId, reviewerUserId, now, log } = input;
  const images: OutMessage[] = [];
  const outboxIds: string[] = [];
  let left = false;
  let handBack: string | null = null;
  const defaultPhoneNumberId = deps.config.whatsapp.phoneNumberId ?? "sandbox";

  const execute = async (intent: ClaimReviewIntent): Promise<ClaimReviewEvent | null> => {
    if (intent.type === "reply") return null;
    if (intent.type === "leaveClaimReview") {
      left = true;
      handBack = intent.handBack;
      return null;
    }
    if (!(await mayReviewClaims(tx, reviewerUserId))) {
      log.info({ tenantId, reviewerUserId }, "claim review refused: may not log purchases");
      return { type: "NOT_PERMITTED" };
    }
    switch (intent.type) {
      case "listPendingClaims": {
        const rows = await listClaims(tx, { status: "pending", after: null, limit: CLAIMS_PER_LIST });
        return {
          type: "CLAIMS_LISTED",
          claims: rows.slice(0, CLAIMS_PER_LIST).map(reviewable),
          total: await countPendingClaims(tx),
        };
      }
      case "openClaim": {
        const [claim] = await listClaims(tx, { id: intent.claimId, after: null, limit: 1 });
        if (claim === undefined) return { type: "REVIEW_FAILED", reason: "not_found" };
        if (claim.status !== "pending") return { type: "REVIEW_FAILED", reason: "already_reviewed" };
        const image = await receiptImage(deps, tx, claim, intent.number, input.speaker, log);
        if (image !== null) images.push(image);
        return { type: "CLAIM_OPENED", claim: reviewable(claim), imageShown: image !== null };
      }
      case "approveClaim": {
        const result = await reviewClaim(tx, {
          tenantId,
          claimId: intent.claimId,
          reviewerUserId,
          now,
          defaultPhoneNumberId,
          decision: "approve",
        });
        if (!result.ok) return { type: "REVIEW_FAILED", reason: result.reason };
        outboxIds.push(...result.outboxIds);
        deps.metrics.ledgerRows.inc({ type: "earned" });
        log.info({ tenantId, claimId: result.claim.id, points: result.pointsAwarded }, "claim approved in chat");
        return {
          type: "CLAIM_APPROVED",
          amountKobo: result.claim.amountKobo,
          customerPhoneMasked: maskPhone(result.claim.customerPhone),
          points: result.pointsAwarded,
        };
      }
      case "rejectClaim": {
        const result = await reviewClaim(tx, {
          tenantId,
          claimId: intent.claimId,
          reviewerUserId,
          now,
          defaultPhoneNumberId,
          decision: "reject",
          reason: intent.reason,
        });
        if (!result.ok) return { type: "REVIEW_FAILED", reason: result.reason };
        outboxIds.push(...result.outboxIds);
        log.info({ tenantId, claimId: result.claim.id }, "claim rejected in chat");
        return { type: "CLAIM_REJECTED", reason: intent.reason };
      }
    }
  };

  const flowReplies: OutMessage[] = [];
  let snapshot: unknown = input.snapshot;
  let result = runClaimReviewFlow(snapshot, input.event, { speaker: input.speaker });
  const pending = [...result.intents];
  for (let steps = 0; pending.length > 0; ) {
    const intent = pending.shift();
    if (intent === undefined) break;
    if (intent.type === "reply") {
      // The receipt photo goes before the words about it.
      flowReplies.push(...images.splice(0), intent.message);
      continue;
    }
    const event = await execute(intent);
    if (event === null) continue;
    steps += 1;
    if (steps > 20) throw new Error("claim review did not settle");
    result = runClaimReviewFlow(result.snapshot, event, { speaker: input.speaker });
    pending.push(...result.intents);
  }
  snapshot = result.snapshot;
  return { replies: [...flowReplies, ...images], snapshot: left ? null : snapshot, handBack, outboxIds };
}

function reviewable(claim: ClaimRecord): ReviewableClaim {
  return {
    id: claim.id,
    customerPhoneMasked: maskPhone(claim.customerPhone),
    amountKobo: claim.amountKobo,
    createdAt: claim.createdAt.toISOString(),
  };
}

/**
 * The receipt as an image message for the reviewer (stored as the tenant's medium, which the
 * sender uploads to WhatsApp), or null when it cannot be shown (WebP, missing from the store).
 */
async function receiptImage(
  deps: EngineDeps,
  tx: Tx,
  claim: ClaimRecord,
  number: number,
  speaker: Speaker,
  log: Logger,
): Promise<OutMessage | null> {
  if (claim.receiptMimeType !== "image/jpeg" && claim.receiptMimeType !== "image/png") return null;
  const stored = await receiptStoreFor(deps.config).get(claim.receiptKey);
  if (stored === null) {
    log.warn({ tenantId: claim.tenantId, claimId: claim.id }, "receipt photo missing from the store");
    return null;
  }
  const mediaId = await storeMedia(tx, {
    tenantId: claim.tenantId,
    purpose: "receipt",
    mimeType: claim.receiptMimeType,
    bytes: stored.bytes,
  });
  return {
    kind: "image",
    mediaId,
    caption: speaker.say("claims.staff.receiptCaption", { number, amount: speaker.naira(claim.amountKobo) }),
  };
}
