import { describe, expect, it } from "vitest";
import { STAFF_FLOW_VERSION, runStaffFlow, type StaffEvent, type StaffIntent } from "../../../flows/staff.ts";
import { createConversation, optionIdsOf, wordsOf } from "./conversationDriver.ts";

const NOW = "2026-03-01T10:00:00.000Z";

function fakeEngine(overrides: Partial<Record<StaffIntent["type"], (intent: StaffIntent) => StaffEvent | null>> = {}) {
  return (intent: StaffIntent): StaffEvent | null => {
    const override = overrides[intent.type];
    if (override) return override(intent);
    switch (intent.type) {
      case "checkPin":
        return intent.pin === "1234" ? { type: "PIN_OK", staffName: "Ada" } : { type: "PIN_BAD", attemptsLeft: 4 };
      case "previewPurchase":
        return {
          type: "PURCHASE_PREVIEW",
          customerPhoneMasked: "234801***678",
          amountKobo: intent.amountKobo,
          points: 50,
          isNewCustomer: false,
        };
      case "logPurchase":
        return { type: "PURCHASE_LOGGED", points: 50, balance: 350, customerPhoneMasked: "234801***678" };
      case "lookupRedemption":
        return intent.code === "ABCD2345"
          ? {
              type: "REDEMPTION_FOUND",
              code: "ABCD2345",
              rewardName: "Free coffee",
              status: "pending",
              customerName: "Bola",
            }
          : { type: "REDEMPTION_NOT_FOUND" };
      case "fulfilRedemption":
        return { type: "REDEMPTION_FULFILLED", code: intent.code };
      case "holdNewPin":
        return { type: "NEW_PIN_HELD" };
      case "setNewPin":
        return intent.pin === "4821" ? { type: "PIN_SET", staffName: "Tunde" } : { type: "PIN_MISMATCH" };
      case "findUndoablePurchase":
        return {
          type: "UNDO_FOUND",
          purchaseId: "p-1",
          amountKobo: 500000,
          customerPhoneMasked: "234801***678",
          points: 50,
        };
      case "undoPurchase":
        return {
          type: "UNDO_DONE",
          amountKobo: 500000,
          customerPhoneMasked: "234801***678",
          pointsReversed: 30,
          pointsShortfall: 20,
        };
      case "reviewClaims":
      case "endStaffSession":
      case "reply":
        return null;
    }
  };
}

function staffChat(engine = fakeEngine()) {
  const chat = createConversation(runStaffFlow, engine, (text, now): StaffEvent => ({ type: "TEXT", text, now }));
  let staffCommands = 0;
  return {
    say: chat.say,
    send: chat.send,
    /** The engine saw STAFF from a known staff phone; it counts as one of the person's messages. */
    staff() {
      staffCommands += 1;
      return chat.send({ type: "STAFF_START", vendorName: "Mama Put" });
    },
    get personMessages() {
      return chat.personMessages + staffCommands;
    },
    get snapshot() {
      return chat.snapshot;
    },
  };
}

function signedIn() {
  const chat = staffChat();
  chat.staff();
  chat.say("1234");
  return chat;
}

describe("staff flow", () => {
  it("when a staff member logs a first purchase, then it takes four messages, and the next one two", () => {
    const chat = staffChat();
    const start = chat.staff();
    expect(start.replies[0]?.body).toMatch(/enter your PIN/i);

    const pin = chat.say("1234");
    expect(pin.requests).toEqual([{ type: "checkPin", pin: "1234" }]);
    expect(pin.replies.map(wordsOf).join("\n")).not.toContain("1234");
    expect(optionIdsOf(pin.replies[0])).toEqual(["LOG", "VERIFY", "EXIT"]);

    const preview = chat.say("LOG 0801 234 5678 5,000");
    expect(preview.requests).toEqual([{ type: "previewPurchase", customerPhone: "2348012345678", amountKobo: 500000 }]);
    expect(preview.replies[0]?.body).toBe("Log ₦5,000.00 for 234801***678 (+50 points)? YES / NO");

    const logged = chat.say("YES");
    expect(logged.requests).toEqual([{ type: "logPurchase", customerPhone: "2348012345678", amountKobo: 500000 }]);
    expect(logged.replies[0]?.body).toContain("Recorded ₦5,000.00 for 234801***678");
    expect(chat.personMessages).toBe(4);

    chat.say("log 08031234567 N2,500.50");
    const second = chat.say("y");
    expect(second.requests).toEqual([{ type: "logPurchase", customerPhone: "2348031234567", amountKobo: 250050 }]);
    expect(chat.personMessages).toBe(6);
  });

  it("when the PIN is stored in the snapshot, then it is not: the PIN only travels in the checkPin intent", () => {
    const chat = staffChat();
    chat.staff();
    chat.say("1234");
    expect(chat.snapshot).toMatchObject({ flow: "staff", state: { value: "menu" } });
    expect(JSON.stringify(chat.snapshot)).not.toContain("1234");
  });

  it("when the PIN is wrong, then the attempts left are shown and the PIN is asked again", () => {
    const chat = staffChat();
    chat.staff();
    const bad = chat.say("9999");
    expect(bad.replies[0]?.body).toMatch(/4 tries left/);
    expect(bad.replies[0]?.body).not.toContain("9999");
    expect(chat.say("1234").replies[0]?.body).toMatch(/Hi Ada/);
  });

  it("when the PIN is not 4 to 6 digits, then it is re-asked with an example three times, then the session ends", () => {
    const chat = staffChat();
    chat.staff();
    for (const wrong of ["12", "abcd", "1234567"]) {
      const again = chat.say(wrong);
      expect(again.requests).toEqual([]);
      expect(again.replies[0]?.body).toContain("for example 1234");
    }
    const giveUp = chat.say("12a4");
    expect(giveUp.requests).toEqual([{ type: "endStaffSession" }]);
  });

  it("when the PIN is locked, then the staff member is told how long to wait and the session ends", () => {
    const chat = staffChat(fakeEngine({ checkPin: () => ({ type: "PIN_LOCKED", until: "2026-03-01T10:15:00.000Z" }) }));
    chat.staff();
    const locked = chat.say("1111");
    expect(locked.replies[0]?.body).toMatch(/try again in 15 minutes/);
    expect(locked.requests).toContainEqual({ type: "endStaffSession" });
  });

  it("when LOG is sent alone, then phone, amount and confirmation are asked step by step", () => {
    const chat = signedIn();
    expect(chat.say("LOG").replies[0]?.body).toMatch(/phone number\? For example 0801 234 5678/);
    expect(chat.say("0801 234 5678").replies[0]?.body).toMatch(/How much/);
    const preview = chat.say("₦5,000");
    expect(preview.requests).toEqual([{ type: "previewPurchase", customerPhone: "2348012345678", amountKobo: 500000 }]);
    expect(chat.say("YES").requests).toEqual([
      { type: "logPurchase", customerPhone: "2348012345678", amountKobo: 500000 },
    ]);
  });

  it("when LOG has only a phone, then the amount is asked for", () => {
    const chat = signedIn();
    expect(chat.say("LOG 0801 234 5678").replies[0]?.body).toMatch(/How much/);
    expect(chat.say("5000").requests).toEqual([
      { type: "previewPurchase", customerPhone: "2348012345678", amountKobo: 500000 },
    ]);
  });

  it("when a wrong amount is typed three times, then it is re-asked with an example, and the fourth goes back to the staff menu", () => {
    const chat = signedIn();
    chat.say("LOG 0801 234 5678");
    for (const wrong of ["lots", "-5", "0"]) {
      expect(chat.say(wrong).replies[0]?.body).toMatch(/For example 5000/);
    }
    const giveUp = chat.say("five thousand");
    expect(giveUp.requests).toEqual([]);
    expect(optionIdsOf(giveUp.replies[0])).toEqual(["LOG", "VERIFY", "EXIT"]);
  });

  it("when the staff member says NO at the confirmation, then nothing is logged", () => {
    const chat = signedIn();
    chat.say("LOG 0801 234 5678 5000");
    const no = chat.say("NO");
    expect(no.requests).toEqual([]);
    expect(no.replies[0]?.body).toMatch(/Not logged/);
  });

  it("when the preview fails, then the reason is shown with the staff menu", () => {
    const chat = staffChat(
      fakeEngine({ previewPurchase: () => ({ type: "PURCHASE_FAILED", reason: "customer_blocked" }) }),
    );
    chat.staff();
    chat.say("1234");
    const failed = chat.say("LOG 0801 234 5678 5000");
    expect(failed.replies[0]?.body).toBe("Can't log that purchase: This customer's membership is on hold.");
  });

  it("when VERIFY <code> is sent and confirmed, then the redemption is looked up and fulfilled", () => {
    const chat = signedIn();
    const found = chat.say("verify abcd-2345");
    expect(found.requests).toEqual([{ type: "lookupRedemption", code: "ABCD2345" }]);
    expect(found.replies[0]?.body).toContain("Code ABCD2345: Free coffee for Bola");
    const done = chat.say("YES");
    expect(done.requests).toEqual([{ type: "fulfilRedemption", code: "ABCD2345" }]);
    expect(done.replies[0]?.body).toMatch(/marked as given/);
  });

  it("when the code is unknown or already used, then the staff member is told and nothing is fulfilled", () => {
    const chat = staffChat(
      fakeEngine({
        lookupRedemption: (intent) =>
          intent.type === "lookupRedemption" && intent.code === "USED1234"
            ? {
                type: "REDEMPTION_FOUND",
                code: "USED1234",
                rewardName: "Free coffee",
                status: "fulfilled",
                customerName: null,
              }
            : { type: "REDEMPTION_NOT_FOUND" },
      }),
    );
    chat.staff();
    chat.say("1234");
    expect(chat.say("VERIFY ZZZZ9999").replies[0]?.body).toMatch(/No redemption/);
    expect(chat.say("VERIFY USED1234").replies[0]?.body).toMatch(/is fulfilled/);
    expect(chat.say("YES").requests).toEqual([]);
  });

  it("when CANCEL is sent in a step, then the staff menu comes back; from the staff menu, the session ends", () => {
    const chat = signedIn();
    chat.say("LOG");
    const cancelled = chat.say("cancel");
    expect(cancelled.requests).toEqual([]);
    expect(optionIdsOf(cancelled.replies[0])).toEqual(["LOG", "VERIFY", "EXIT"]);
    expect(chat.say("CANCEL").requests).toEqual([{ type: "endStaffSession" }]);
  });

  it("when EXIT or DONE is sent, then the session ends", () => {
    expect(signedIn().say("EXIT").requests).toEqual([{ type: "endStaffSession" }]);
    expect(signedIn().say("done").requests).toEqual([{ type: "endStaffSession" }]);
  });

  it("when unknown text is sent in session, then the staff menu with an example comes back", () => {
    const reply = signedIn().say("hello?");
    expect(reply.replies[0]?.body).toMatch(/didn't understand.*LOG 0801 234 5678 5000/);
    expect(optionIdsOf(reply.replies[0])).toEqual(["LOG", "VERIFY", "EXIT"]);
  });

  it("when a command arrives before the PIN was checked, then nothing is done and the session ends", () => {
    const chat = staffChat();
    chat.staff();
    const result = runStaffFlow(
      {
        flow: "staff",
        version: STAFF_FLOW_VERSION,
        state: { value: "checkingPin", context: JSON.parse(JSON.stringify(chat.snapshot)).state.context },
      },
      { type: "TEXT", text: "LOG 0801 234 5678 5000", now: NOW },
    );
    expect(result.intents.some((intent) => intent.type === "previewPurchase")).toBe(false);
    expect(result.intents).toContainEqual({ type: "endStaffSession" });
  });

  it.each([
    ["missing", null],
    ["garbage", "{not json"],
    ["another flow's", { flow: "customer", version: STAFF_FLOW_VERSION, state: { value: "menu", context: {} } }],
    ["an older version's", { flow: "staff", version: STAFF_FLOW_VERSION - 1, state: { value: "menu", context: {} } }],
    [
      "an unknown state's",
      {
        flow: "staff",
        version: STAFF_FLOW_VERSION,
        state: {
          value: "nowhere",
          context: {
            retries: 0,
            vendorName: null,
            staffName: "Ada",
            customerPhone: null,
            amountKobo: null,
            preview: null,
            code: null,
            lastActivityAt: null,
          },
        },
      },
    ],
  ])(
    "when the snapshot is %s, then the staff member is signed out and asked to send STAFF, never trusted",
    (_, persisted) => {
      const result = runStaffFlow(persisted, { type: "TEXT", text: "LOG 0801 234 5678 5000", now: NOW });
      expect(result.intents).toEqual([
        { type: "reply", message: { kind: "text", body: expect.stringMatching(/Send STAFF/) } },
        { type: "endStaffSession" },
      ]);
      expect(result.snapshot).toMatchObject({
        flow: "staff",
        version: STAFF_FLOW_VERSION,
        state: { value: "signedOut" },
      });
    },
  );

  it("when the staff chat was idle for over 10 minutes, then the PIN is needed again", () => {
    const chat = signedIn();
    const late = chat.say("LOG 0801 234 5678 5000", "2026-03-01T10:11:00.000Z");
    expect(late.requests).toEqual([{ type: "endStaffSession" }]);
  });

  it("when STAFF comes long after the last message, then the PIN step does not time out", () => {
    const chat = staffChat();
    chat.say("hello", "2026-03-01T08:00:00.000Z");
    chat.staff();
    expect(chat.say("1234", "2026-03-01T10:00:00.000Z").requests).toEqual([{ type: "checkPin", pin: "1234" }]);
  });

  it("when a non-text message arrives, then the staff member is told only text is read", () => {
    const result = runStaffFlow(null, { type: "NON_TEXT", now: NOW });
    expect(result.intents).toEqual([
      { type: "reply", message: { kind: "text", body: "I can only read text messages." } },
    ]);
  });

  it("when a staff member added in the owner chat sends STAFF, then they choose a PIN typed twice and are signed in", () => {
    const chat = staffChat();
    const welcome = chat.send({ type: "STAFF_START", vendorName: "Mama Put", needsPin: true });
    expect(wordsOf(welcome.replies[0] ?? { kind: "text", body: "" })).toMatch(/Choose your staff PIN/);
    const first = chat.say("4821");
    expect(first.requests).toEqual([{ type: "holdNewPin", pin: "4821" }]);
    expect(first.replies.map(wordsOf).join("\n")).toMatch(/same PIN again/);
    expect(JSON.stringify(first.snapshot)).not.toContain("4821");
    const second = chat.say("4821");
    expect(second.requests).toEqual([{ type: "setNewPin", pin: "4821" }]);
    expect(wordsOf(second.replies[0] ?? { kind: "text", body: "" })).toMatch(/PIN is saved. Hi Tunde/);
    expect(JSON.stringify(second.snapshot)).not.toContain("4821");
    expect(chat.say("LOG 0801 234 5678 5000").requests).toEqual([
      { type: "previewPurchase", customerPhone: "2348012345678", amountKobo: 500000 },
    ]);
  });

  it("when the second PIN differs, then the staff member chooses again and is not signed in", () => {
    const chat = staffChat();
    chat.send({ type: "STAFF_START", vendorName: "Mama Put", needsPin: true });
    chat.say("4821");
    const mismatch = chat.say("1111");
    expect(mismatch.replies.map(wordsOf).join("\n")).toMatch(/two PINs were different/);
    expect(mismatch.snapshot).toMatchObject({ state: { value: "choosingPin" } });
    expect(chat.say("abc").replies.map(wordsOf).join("\n")).toMatch(/4 to 6 digits/);
    expect(chat.say("LOG 0801 234 5678 5000").requests).toEqual([]);
  });

  it("when a signed-in staff member sends UNDO and YES, then their last purchase is found, confirmed and undone", () => {
    const chat = signedIn();
    const asked = chat.say("undo");
    expect(asked.requests).toEqual([{ type: "findUndoablePurchase" }]);
    expect(optionIdsOf(asked.replies[0])).toEqual(["YES", "NO"]);
    expect(wordsOf(asked.replies[0] ?? { kind: "text", body: "" })).toMatch(/Undo ₦5,000\.00 for 234801\*\*\*678/);
    const done = chat.say("YES");
    expect(done.requests).toEqual([{ type: "undoPurchase", purchaseId: "p-1" }]);
    expect(wordsOf(done.replies[0] ?? { kind: "text", body: "" })).toMatch(
      /Undone: ₦5,000\.00.*30 points taken back \(20 were already spent\)/,
    );
  });

  it("when there is nothing to undo or the staff member says NO, then nothing is voided", () => {
    const none = staffChat(
      fakeEngine({
        checkPin: () => ({ type: "PIN_OK", staffName: "Ada" }),
        findUndoablePurchase: () => ({ type: "UNDO_NONE" }),
      }),
    );
    none.staff();
    none.say("1234");
    expect(none.say("UNDO").replies.map(wordsOf).join("\n")).toMatch(/Nothing to undo/);
    const chat = signedIn();
    chat.say("UNDO");
    const no = chat.say("no");
    expect(no.requests).toEqual([]);
    expect(no.replies.map(wordsOf).join("\n")).toMatch(/Not undone/);
  });

  it("when someone not signed in sends UNDO, then the session ends and nothing is looked up", () => {
    const result = runStaffFlow(null, { type: "TEXT", text: "UNDO", now: NOW });
    expect(result.intents).toEqual([
      { type: "reply", message: { kind: "text", body: expect.stringMatching(/Send STAFF/) } },
      { type: "endStaffSession" },
    ]);
  });
});
