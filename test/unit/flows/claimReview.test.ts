import { describe, expect, it } from "vitest";
import {
  claimAge,
  runClaimReviewFlow,
  type ClaimReviewEvent,
  type ClaimReviewIntent,
  type ReviewableClaim,
} from "../../../flows/claimReview.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { createConversation, wordsOf } from "./conversationDriver.ts";

/** The claim review sub-flow, pure: listing, opening, approving, rejecting, leaving. */
const NOW = "2026-03-01T10:00:00.000Z";
const CLAIMS: ReviewableClaim[] = [
  { id: "c1", customerPhoneMasked: "234803***567", amountKobo: 500_000, createdAt: "2026-03-01T09:55:00.000Z" },
  { id: "c2", customerPhoneMasked: "234805***111", amountKobo: 120_000, createdAt: "2026-02-27T10:00:00.000Z" },
];

function review(
  overrides: Partial<Record<ClaimReviewIntent["type"], (intent: ClaimReviewIntent) => ClaimReviewEvent | null>> = {},
) {
  let pending = [...CLAIMS];
  const engine = (intent: ClaimReviewIntent): ClaimReviewEvent | null => {
    const override = overrides[intent.type];
    if (override) return override(intent);
    switch (intent.type) {
      case "listPendingClaims":
        return { type: "CLAIMS_LISTED", claims: pending, total: pending.length };
      case "openClaim": {
        const claim = pending.find((c) => c.id === intent.claimId);
        return claim
          ? { type: "CLAIM_OPENED", claim, imageShown: true }
          : { type: "REVIEW_FAILED", reason: "not_found" };
      }
      case "approveClaim":
        pending = pending.filter((c) => c.id !== intent.claimId);
        return { type: "CLAIM_APPROVED", amountKobo: 500_000, customerPhoneMasked: "234803***567", points: 50 };
      case "rejectClaim":
        pending = pending.filter((c) => c.id !== intent.claimId);
        return { type: "CLAIM_REJECTED", reason: intent.reason };
      case "leaveClaimReview":
      case "reply":
        return null;
    }
  };
  const conversation = createConversation(
    (snapshot, event: ClaimReviewEvent) => runClaimReviewFlow(snapshot, event, { speaker: createSpeaker("en") }),
    engine,
    (text, now): ClaimReviewEvent => ({ type: "TEXT", text, now }),
  );
  return conversation;
}

describe("claim review flow", () => {
  it("when started, then pending claims are listed, numbered, masked, in naira with their age", () => {
    const result = review().send({ type: "START", now: NOW });
    expect(result.requests).toEqual([{ type: "listPendingClaims" }]);
    expect(result.replies.map(wordsOf)).toEqual([
      [
        "Receipt claims waiting: 2. Reply with a number to open one, or CANCEL to close claims.",
        "1. 234803***567, ₦5,000.00, 5 minutes ago",
        "2. 234805***111, ₦1,200.00, 2 days ago",
      ].join("\n"),
    ]);
  });

  it("when a number is chosen and APPROVE sent, then that claim is approved and the list comes back", () => {
    const chat = review();
    chat.send({ type: "START", now: NOW });
    expect(chat.say("1").requests).toEqual([{ type: "openClaim", claimId: "c1", number: 1 }]);
    const approved = chat.say("approve");
    expect(approved.requests).toEqual([{ type: "approveClaim", claimId: "c1" }, { type: "listPendingClaims" }]);
    expect(wordsOf(approved.replies[0]!)).toBe(
      "Approved: ₦5,000.00 logged for 234803***567, +50 points. The customer has been told.",
    );
    expect(wordsOf(approved.replies[1]!)).toMatch(/^Receipt claims waiting: 1\./);
  });

  it("when REJECT comes with a reason, or the reason after, then the claim is rejected with it", () => {
    const inline = review();
    inline.send({ type: "START", now: NOW });
    inline.say("2");
    expect(inline.say("REJECT   not our shop ").requests[0]).toEqual({
      type: "rejectClaim",
      claimId: "c2",
      reason: "not our shop",
    });
    const asked = review();
    asked.send({ type: "START", now: NOW });
    asked.say("1");
    expect(asked.say("REJECT").requests).toEqual([]);
    expect(asked.say("x".repeat(500)).requests[0]).toEqual({
      type: "rejectClaim",
      claimId: "c1",
      reason: "x".repeat(200),
    });
  });

  it("when the claim is gone or decided by someone else, then the reviewer is told and sees the list again", () => {
    const chat = review({ approveClaim: () => ({ type: "REVIEW_FAILED", reason: "already_reviewed" }) });
    chat.send({ type: "START", now: NOW });
    chat.say("1");
    const result = chat.say("APPROVE");
    expect(wordsOf(result.replies[0]!)).toBe("That claim was already reviewed by someone else.");
    expect(result.requests).toContainEqual({ type: "listPendingClaims" });
  });

  it("when the number is not on the list, then it is asked again; CANCEL closes; a host command is handed back", () => {
    const chat = review();
    chat.send({ type: "START", now: NOW });
    expect(chat.say("7").replies.map(wordsOf)).toEqual([
      "Reply with a claim's number from the list, for example 1, or CANCEL to close claims.",
    ]);
    expect(chat.say("APPROVE").requests).toEqual([]);
    expect(chat.say("LOG 08031234567 5000").requests).toEqual([
      { type: "leaveClaimReview", handBack: "LOG 08031234567 5000" },
    ]);
    const closing = review();
    closing.send({ type: "START", now: NOW });
    const closed = closing.say("CANCEL");
    expect(closed.requests).toEqual([{ type: "leaveClaimReview", handBack: null }]);
    expect(wordsOf(closed.replies[0]!)).toBe("Claims closed. Send MENU for your menu.");
  });

  it("when nothing waits or the reviewer may not review, then the review ends at once", () => {
    const none = review({ listPendingClaims: () => ({ type: "CLAIMS_LISTED", claims: [], total: 0 }) }).send({
      type: "START",
      now: NOW,
    });
    expect(none.requests).toEqual([{ type: "listPendingClaims" }, { type: "leaveClaimReview", handBack: null }]);
    const refused = review({ listPendingClaims: () => ({ type: "NOT_PERMITTED" }) }).send({ type: "START", now: NOW });
    expect(refused.replies.map(wordsOf)).toEqual(["Your account may not review receipt claims. Ask the owner."]);
    expect(refused.requests).toContainEqual({ type: "leaveClaimReview", handBack: null });
  });

  it("when the stored snapshot is missing or unreadable, then a message approves nothing", () => {
    const result = runClaimReviewFlow(
      { flow: "claimReview", version: 99, state: {} },
      { type: "TEXT", text: "APPROVE", now: NOW },
    );
    expect(result.intents).toEqual([]);
  });

  it("when ages are told, then minutes, hours and days are used", () => {
    const en = createSpeaker("en");
    expect(claimAge(en, "2026-03-01T09:59:30.000Z", NOW)).toBe("0 minutes ago");
    expect(claimAge(en, "2026-03-01T07:00:00.000Z", NOW)).toBe("3 hours ago");
    expect(claimAge(en, "2026-02-28T09:00:00.000Z", NOW)).toBe("1 day ago");
  });
});
