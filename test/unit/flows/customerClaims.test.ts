import { describe, expect, it } from "vitest";
import { runCustomerFlow, type CustomerEvent, type CustomerIntent } from "../../../flows/customer.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { createConversation, wordsOf } from "./conversationDriver.ts";

/** The customer flow's receipt-photo steps, pure: the engine's answers are played here. */
const NOW = "2026-03-01T10:00:00.000Z";
const PHOTO = { type: "PHOTO", mediaId: "1234567890", mimeType: "image/jpeg", now: NOW } as const;

function chat(
  answer: (intent: Extract<CustomerIntent, { type: "fileClaim" }>) => CustomerEvent,
  speaker = createSpeaker("en"),
) {
  return createConversation(
    (snapshot, event: CustomerEvent) => runCustomerFlow(snapshot, event, { idleTimeoutMs: 30 * 60_000, speaker }),
    (intent: CustomerIntent) => (intent.type === "fileClaim" ? answer(intent) : null),
    (text, now): CustomerEvent => ({ type: "TEXT", text, now }),
  );
}
const filed = (intent: { amountKobo: number }): CustomerEvent => ({
  type: "CLAIM_FILED",
  amountKobo: intent.amountKobo,
});

describe("customer flow: receipt photos", () => {
  it("when the caption is an amount, then the claim is filed at once with it", () => {
    const result = chat(filed).send({ ...PHOTO, caption: "₦5,000.50" });
    expect(result.requests).toEqual([
      { type: "fileClaim", mediaId: "1234567890", mimeType: "image/jpeg", amountKobo: 500_050 },
    ]);
    expect(result.replies.map(wordsOf)).toEqual([
      "Your receipt for ₦5,000.50 has been sent for review. We'll message you when the shop approves it.",
    ]);
  });

  it("when there is no amount, then it is asked, re-asked with an example, and the photo kept for the answer", () => {
    const conversation = chat(filed);
    const asked = conversation.send({ ...PHOTO, caption: "my receipt" });
    expect(asked.requests).toEqual([]);
    expect(wordsOf(asked.replies[0]!)).toMatch(/How much did you spend\?/);
    expect(wordsOf(conversation.say("plenty").replies[0]!)).toMatch(/for example 5000 or ₦5,000/);
    const done = conversation.say("5,000");
    expect(done.requests).toEqual([
      { type: "fileClaim", mediaId: "1234567890", mimeType: "image/jpeg", amountKobo: 500_000 },
    ]);
  });

  it("when the customer sends CANCEL or another command instead, then nothing is filed", () => {
    const cancelled = chat(filed);
    cancelled.send({ ...PHOTO, caption: null });
    const cancel = cancelled.say("CANCEL");
    expect(cancel.requests).toEqual([]);
    expect(wordsOf(cancel.replies[0]!)).toMatch(/cancelled/i);
    const balance = chat(filed);
    balance.send({ ...PHOTO, caption: null });
    expect(balance.say("BALANCE").requests).toEqual([{ type: "getBalance" }]);
    // The photo was forgotten: an amount now is not a claim.
    expect(balance.say("5000").requests).toEqual([]);
  });

  it("when wrong answers run out, then the customer is told to send the photo again with its amount", () => {
    const conversation = chat(filed);
    conversation.send({ ...PHOTO, caption: null });
    for (let i = 0; i < 3; i += 1) conversation.say("no idea");
    const gaveUp = conversation.say("still no idea");
    expect(gaveUp.requests).toEqual([]);
    expect(wordsOf(gaveUp.replies[0]!)).toMatch(/Send the receipt photo again with the amount as its caption/);
  });

  it("when the engine refuses the claim, then each reason is said, with the vendor's limit", () => {
    const over = chat(() => ({ type: "CLAIM_REFUSED", reason: "over_max_amount", limit: 10_000_000 })).send({
      ...PHOTO,
      caption: "200000",
    });
    expect(wordsOf(over.replies[0]!)).toMatch(/Receipts over ₦100,000.00 cannot be claimed/);
    const daily = chat(() => ({ type: "CLAIM_REFUSED", reason: "daily_limit", limit: 3 })).send({
      ...PHOTO,
      caption: "5000",
    });
    expect(wordsOf(daily.replies[0]!)).toMatch(/You have sent 3 receipts today/);
    const large = chat(() => ({ type: "CLAIM_REFUSED", reason: "too_large" })).send({ ...PHOTO, caption: "5000" });
    expect(wordsOf(large.replies[0]!)).toMatch(/over 5 MB/);
  });

  it("when a voice note or sticker arrives, then the customer hears what the bot understands, in their language", () => {
    const result = chat(filed, createSpeaker("yo")).send({ type: "OTHER_MEDIA", now: NOW });
    expect(result.requests).toEqual([]);
    expect(wordsOf(result.replies[0]!)).toBe(createSpeaker("yo").say("claims.customer.mediaNotUnderstood"));
  });
});
