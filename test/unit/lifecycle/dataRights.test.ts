import { describe, expect, it } from "vitest";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import type { Contact } from "../../../src/db/contacts.ts";
import {
  ERASE_CONFIRM_MS,
  dataRightsCommandOf,
  isEraseAwaitingAnswer,
  myDataMessages,
} from "../../../src/conversation/handleDataRights.ts";
import type { PersonalDataHeld } from "../../../src/domain/dataPortability/describePersonalData.ts";

describe("dataRightsCommandOf", () => {
  it("when MY DATA or DELETE MY DATA is typed in any case and spacing, then it is read", () => {
    expect(dataRightsCommandOf("my data")).toBe("MY_DATA");
    expect(dataRightsCommandOf("  My   Data. ")).toBe("MY_DATA");
    expect(dataRightsCommandOf("delete my data!")).toBe("DELETE_MY_DATA");
  });

  it("when the words are part of something else, then it is not a command", () => {
    for (const text of ["my data please", "DELETE", "data", "delete my data now", "", null]) {
      expect(dataRightsCommandOf(text), String(text)).toBeNull();
    }
  });
});

describe("isEraseAwaitingAnswer", () => {
  const contact = (asked: Date | null) => ({ data_erase_requested_at: asked }) as Contact;
  const now = new Date("2026-12-04T10:00:00Z");

  it("when the question was asked less than 10 minutes ago, then the answer is awaited; later or never, not", () => {
    expect(isEraseAwaitingAnswer(contact(new Date(now.getTime() - ERASE_CONFIRM_MS + 1000)), now)).toBe(true);
    expect(isEraseAwaitingAnswer(contact(new Date(now.getTime() - ERASE_CONFIRM_MS)), now)).toBe(false);
    expect(isEraseAwaitingAnswer(contact(null), now)).toBe(false);
  });
});

describe("myDataMessages", () => {
  const vendor = (n: number): PersonalDataHeld => ({
    businessName: `Mama Put Kitchen and Grill Number ${n}`,
    vendorCode: `V${n}`,
    name: "Adaeze Chukwuemeka-Okonkwo",
    email: null,
    birthDate: "1990-02-28",
    marketing: n % 2 === 0,
    balance: 99_999_999,
    purchases: 12_345,
    ledgerRows: 20_000,
    messages: 54_321,
    joinedAt: new Date("2025-01-15T12:00:00Z"),
  });

  it("when nothing is held, then one message says so", () => {
    expect(myDataMessages(createSpeaker("en"), [])).toEqual([
      { kind: "text", body: "We hold no loyalty data for your number." },
    ]);
  });

  it("when one vendor holds data, then the block shows every field held", () => {
    const [message] = myDataMessages(createSpeaker("en"), [vendor(2)]);
    expect(message).toEqual({
      kind: "text",
      body: [
        "This is what we hold about your number, shop by shop:",
        "",
        "*Mama Put Kitchen and Grill Number 2* (joined 15 Jan 2025)",
        "Name: Adaeze Chukwuemeka-Okonkwo",
        "Birthday: 28 February",
        "12,345 purchases, 99,999,999 points, 54,321 messages",
        "Offers and news: on",
        "",
        "Send DELETE MY DATA to erase it.",
      ].join("\n"),
    });
  });

  it("when many vendors hold data, in the longest language, then it is split into texts within WhatsApp's limit, nothing lost", () => {
    for (const language of ["en", "pcm", "yo", "ha", "ig"] as const) {
      const messages = myDataMessages(
        createSpeaker(language),
        Array.from({ length: 30 }, (_, n) => vendor(n)),
      );
      expect(messages.length).toBeGreaterThan(1);
      const bodies = messages.map((message) => (message.kind === "text" ? message.body : ""));
      for (const body of bodies) expect(body.length).toBeLessThanOrEqual(1000);
      for (let n = 0; n < 30; n += 1) expect(bodies.join("\n").includes(`Grill Number ${n}*`)).toBe(true);
    }
  });
});
