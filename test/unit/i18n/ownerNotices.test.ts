import { describe, expect, it } from "vitest";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { purchaseVoidedNotice } from "../../../src/conversation/purchaseVoidedNotice.ts";
import { staffInviteNotice } from "../../../src/conversation/staffInviteNotice.ts";

describe("notices the owner chat sends to others", () => {
  const yo = createSpeaker("yo");
  const ha = createSpeaker("ha");

  it("when a staff member is added inside their 24-hour window, then the invite is in their language, and a template outside it", () => {
    expect(staffInviteNotice({ vendorName: "Mama Put", insideServiceWindow: true, speaker: yo })).toEqual({
      kind: "text",
      body: yo.say("owner.notice.staffInvite", { vendor: "Mama Put" }),
    });
    expect(staffInviteNotice({ vendorName: "Mama Put", insideServiceWindow: true })).toEqual({
      kind: "text",
      body: "You've been added as staff at Mama Put. Send STAFF here to choose your staff PIN, then log purchases with LOG <phone> <amount>.",
    });
    expect(staffInviteNotice({ vendorName: "Mama Put", insideServiceWindow: false, speaker: yo })).toMatchObject({
      kind: "template",
      bodyParams: ["Mama Put"],
    });
  });

  it("when a purchase is voided, then the customer is told in their language, with the points taken back only when there were some", () => {
    const base = { vendorName: "Mama Put", amountKobo: 500_000, balance: 1_250, insideServiceWindow: true };
    expect(purchaseVoidedNotice({ ...base, pointsReversed: 50, speaker: ha })).toEqual({
      kind: "text",
      body: ha.say("owner.notice.purchaseVoided", {
        amount: ha.naira(500_000),
        vendor: "Mama Put",
        points: 50,
        balance: 1_250,
      }),
    });
    expect(purchaseVoidedNotice({ ...base, pointsReversed: 0 })).toEqual({
      kind: "text",
      body: "A purchase of ₦5,000.00 at Mama Put was cancelled. Your balance is 1,250 points.",
    });
    expect(purchaseVoidedNotice({ ...base, pointsReversed: 1 })).toMatchObject({
      body: "A purchase of ₦5,000.00 at Mama Put was cancelled. 1 point from it was taken back. Your balance is 1,250 points.",
    });
  });
});
