import { describe, expect, it } from "vitest";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { OWNER_FLOW_VERSION, runOwnerFlow, type OwnerEvent, type OwnerIntent } from "../../../flows/owner.ts";
import { parseOwnerCommand } from "../../../flows/parsers/parseOwnerCommand.ts";
import { createConversation, optionIdsOf, wordsOf } from "./conversationDriver.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const WEEK = { purchases: 30, amountKobo: 15_000_000, points: 600, newCustomers: 12, redemptions: 5 };

const PURCHASES = Array.from({ length: 10 }, (_, i) => ({
  id: `p-${i + 1}`,
  amountKobo: (i + 1) * 100_000,
  phoneMasked: `234801***67${i}`,
  points: (i + 1) * 10,
  at: `1 Mar, 10:0${String(i)}`,
  by: i % 2 === 0 ? "Tunde" : null,
}));

function fakeEngine(overrides: Partial<Record<OwnerIntent["type"], (intent: OwnerIntent) => OwnerEvent | null>> = {}) {
  return (intent: OwnerIntent): OwnerEvent | null => {
    const override = overrides[intent.type];
    if (override) return override(intent);
    switch (intent.type) {
      case "checkPin":
        return intent.pin === "2468" ? { type: "PIN_OK", ownerName: "Ada" } : { type: "PIN_BAD", attemptsLeft: 4 };
      case "getToday":
        return {
          type: "TODAY_STATS",
          today: { purchases: 1, amountKobo: 500_000, points: 50, newCustomers: 1, redemptions: 0 },
          week: WEEK,
        };
      case "listRewards":
        return {
          type: "REWARDS_LISTED",
          rewards: [
            { id: "r-1", name: "Free drink", points: 100, active: true },
            { id: "r-2", name: "Jollof", points: 300, active: false },
          ],
        };
      case "addReward":
        return { type: "REWARD_ADDED", name: intent.name, points: intent.points };
      case "pauseReward":
        return { type: "REWARD_PAUSED", name: "Free drink" };
      case "setRate":
        return { type: "RATE_SET", points: intent.pointsPer100, previous: 1 };
      case "addStaff":
        return { type: "STAFF_ADDED", name: intent.name, phoneMasked: "234803***567" };
      case "listStaff":
        return {
          type: "STAFF_LISTED",
          staff: [{ id: "s-1", name: "Tunde", phoneMasked: "234803***567", role: "staff", pinSet: false }],
        };
      case "removeStaff":
        return { type: "STAFF_REMOVED", name: "Tunde" };
      case "previewBroadcast":
        return { type: "BROADCAST_PREVIEW", audience: 42, used: 1, limit: 5 };
      case "sendBroadcast":
        return { type: "BROADCAST_SENT", audience: 42 };
      case "listRecentPurchases":
        return { type: "RECENT_PURCHASES", purchases: PURCHASES };
      case "voidPurchase":
        return {
          type: "PURCHASE_VOIDED",
          amountKobo: 300_000,
          phoneMasked: "234801***672",
          reversed: 20,
          shortfall: 10,
          balance: 0,
        };
      case "showQr":
        return { type: "QR_SHOWN", link: "https://wa.me/15550000000?text=JOIN%20MAMA" };
      case "showPlan":
        return {
          type: "PLAN_SHOWN",
          plan: "Free Trial",
          status: "trial",
          endsAt: "2 Jan 2027",
          lines: [{ kind: "customers", used: 12, limit: 50 }],
          payLink: null,
        };
      case "createLoginLink":
        return { type: "LOGIN_LINK", url: "http://127.0.0.1:3000/dashboard/login#tok" };
      case "endOwnerSession":
      case "reply":
        return null;
    }
  };
}

function ownerChat(engine = fakeEngine()) {
  const chat = createConversation(runOwnerFlow, engine, (text, now): OwnerEvent => ({ type: "TEXT", text, now }));
  return {
    ...chat,
    start: () => chat.send({ type: "OWNER_START", vendorName: "Mama Put" }),
  };
}

function signedIn(engine = fakeEngine()) {
  const chat = ownerChat(engine);
  chat.start();
  chat.say("2468");
  return chat;
}

const words = (result: { replies: Parameters<typeof wordsOf>[0][] }) => result.replies.map(wordsOf).join("\n");

describe("owner flow", () => {
  it("when the owner sends OWNER and the right PIN, then the owner menu shows every command within WhatsApp's limits", () => {
    const chat = ownerChat();
    expect(words(chat.start())).toBe("Mama Put owner: enter your PIN.");
    const pin = chat.say("2468");
    expect(pin.requests).toEqual([{ type: "checkPin", pin: "2468" }]);
    expect(optionIdsOf(pin.replies[0])).toEqual([
      "TODAY",
      "REWARDS",
      "STAFF LIST",
      "VOID",
      "BROADCAST",
      "RATE",
      "QR",
      "PLAN",
      "LOGIN",
      "EXIT",
    ]);
    expect(words(pin)).toContain("Hi Ada, you're in owner mode");
    expect(JSON.stringify(pin.snapshot)).not.toContain("2468");
  });

  it("when the PIN is wrong, then the owner is told the tries left and no command runs", () => {
    const chat = ownerChat();
    chat.start();
    expect(words(chat.say("1111"))).toBe("That PIN is not right. 4 tries left. Enter your PIN:");
    expect(chat.say("TODAY").requests).toEqual([]);
  });

  it("when the engine reports a lockout, then the session ends with the wait", () => {
    const chat = ownerChat(fakeEngine({ checkPin: () => ({ type: "PIN_LOCKED", until: "2026-03-01T10:15:00.000Z" }) }));
    chat.start();
    const locked = chat.say("1111");
    expect(words(locked)).toBe("Too many wrong PINs. The owner chat is locked; try again in 15 minutes.");
    expect(locked.requests).toEqual([{ type: "checkPin", pin: "1111" }, { type: "endOwnerSession" }]);
  });

  it("when the owner sends TODAY, then today's and the last 7 days' figures are shown", () => {
    const chat = signedIn();
    const today = chat.say("today");
    expect(today.requests).toEqual([{ type: "getToday" }]);
    expect(words(today)).toContain("Today: 1 purchase, ₦5,000.00, 50 points given, 1 new customer, 0 redemptions.");
    expect(words(today)).toContain(
      "Last 7 days: 30 purchases, ₦150,000.00, 600 points given, 12 new customers, 5 redemptions.",
    );
  });

  it("when the owner lists, adds and pauses rewards, then PAUSE REWARD uses the numbers the owner saw", () => {
    const chat = signedIn();
    expect(words(chat.say("REWARDS"))).toContain("2. Jollof: 300 points (paused)");
    expect(chat.say("pause reward 1").requests).toEqual([
      { type: "pauseReward", number: 1, listedIds: ["r-1", "r-2"] },
    ]);
    expect(chat.say("ADD REWARD 500 Free Small Chops").requests).toEqual([
      { type: "addReward", points: 500, name: "Free Small Chops" },
    ]);
    expect(words(chat.say("ADD REWARD lots"))).toContain("for example: ADD REWARD 500 Free drink");
  });

  it("when the owner sends RATE 2 and YES, then the rate is changed only after the confirmation", () => {
    const chat = signedIn();
    const asked = chat.say("RATE 2");
    expect(asked.requests).toEqual([]);
    expect(words(asked)).toContain("Change earning to 2 points per ₦100 spent");
    expect(optionIdsOf(asked.replies[0])).toEqual(["YES", "NO"]);
    const done = chat.say("yes");
    expect(done.requests).toEqual([{ type: "setRate", pointsPer100: 2 }]);
    expect(words(done)).toContain("customers now earn 2 points per ₦100 spent (it was 1 point)");
    chat.say("RATE 5");
    expect(chat.say("NO").requests).toEqual([]);
    expect(words(chat.say("RATE -3"))).toContain("for example: RATE 2");
  });

  it("when the owner adds, lists and removes staff, then REMOVE STAFF uses the listed numbers", () => {
    const chat = signedIn();
    expect(chat.say("ADD STAFF 0803 123 4567 Tunde Bello").requests).toEqual([
      { type: "addStaff", phone: "2348031234567", name: "Tunde Bello" },
    ]);
    expect(words(chat.say("ADD STAFF Tunde"))).toContain("for example: ADD STAFF 0803 123 4567 Tunde");
    expect(words(chat.say("STAFF LIST"))).toContain("1. Tunde (234803***567), PIN not chosen yet");
    expect(chat.say("REMOVE STAFF 1").requests).toEqual([{ type: "removeStaff", number: 1, listedIds: ["s-1"] }]);
  });

  it("when the owner sends BROADCAST <text>, then the audience and allowance are shown and YES sends that text", () => {
    const chat = signedIn();
    const preview = chat.say("BROADCAST Double points this Saturday!");
    expect(preview.requests).toEqual([{ type: "previewBroadcast", text: "Double points this Saturday!" }]);
    expect(words(preview)).toContain(
      "This goes to 42 customers who accept offers. Your plan allows 5 a month and you've sent 1.",
    );
    const sent = chat.say("YES");
    expect(sent.requests).toEqual([{ type: "sendBroadcast", text: "Double points this Saturday!" }]);
    expect(words(sent)).toContain("Sending to 42 customers now.");
  });

  it("when nobody accepts offers, then nothing is offered to send", () => {
    const chat = signedIn(
      fakeEngine({ previewBroadcast: () => ({ type: "BROADCAST_PREVIEW", audience: 0, used: 0, limit: null }) }),
    );
    const preview = chat.say("BROADCAST Hello");
    expect(words(preview)).toContain("no one to send it to");
    expect(chat.say("YES").requests).toEqual([]);
  });

  it("when the owner sends VOID, a number and YES, then that purchase is voided; a wrong number is asked again", () => {
    const chat = signedIn();
    const list = chat.say("VOID");
    expect(list.requests).toEqual([{ type: "listRecentPurchases" }]);
    expect(optionIdsOf(list.replies[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(words(chat.say("11"))).toBe("Reply with a number from 1 to 10, or CANCEL.");
    const confirm = chat.say("3");
    expect(words(confirm)).toContain(
      "Void ₦3,000.00 for 234801***672 (1 Mar, 10:02, by Tunde)? Its 30 points are taken back.",
    );
    const done = chat.say("YES");
    expect(done.requests).toEqual([{ type: "voidPurchase", purchaseId: "p-3" }]);
    expect(words(done)).toContain("20 points taken back; 10 were already spent and could not be. Their balance is 0");
  });

  it("when the owner answers NO or CANCEL while voiding, then nothing is voided", () => {
    const chat = signedIn();
    chat.say("VOID");
    chat.say("2");
    expect(chat.say("NO").requests).toEqual([]);
    chat.say("VOID");
    expect(chat.say("CANCEL").requests).toEqual([]);
  });

  it("when the owner sends QR, PLAN and LOGIN, then each answers with the engine's link or figures", () => {
    const chat = signedIn();
    expect(words(chat.say("QR"))).toContain("https://wa.me/15550000000?text=JOIN%20MAMA");
    expect(words(chat.say("PLAN"))).toContain("Plan: Free Trial (free trial), until 2 Jan 2027.\nCustomers: 12 of 50");
    expect(words(chat.say("LOGIN"))).toContain("http://127.0.0.1:3000/dashboard/login#tok");
  });

  it("when the owner sends EXIT, then the session ends and later commands need OWNER again", () => {
    const chat = signedIn();
    const exit = chat.say("EXIT");
    expect(exit.requests).toEqual([{ type: "endOwnerSession" }]);
    expect(words(exit)).toContain("Owner mode ended");
    expect(chat.say("TODAY").requests).toEqual([{ type: "endOwnerSession" }]);
  });

  it("when the owner chat was idle for over 10 minutes, then the PIN is needed again", () => {
    const chat = signedIn();
    expect(chat.say("TODAY", "2026-03-01T10:11:00.000Z").requests).toEqual([{ type: "endOwnerSession" }]);
  });

  it("when something unknown is typed, then the owner gets the menu again", () => {
    const chat = signedIn();
    const unknown = chat.say("blah");
    expect(words(unknown)).toContain("Sorry, I didn't understand that.");
    expect(optionIdsOf(unknown.replies[0])).toContain("TODAY");
  });

  it.each([
    ["nothing", null],
    ["another flow's", { flow: "staff", version: OWNER_FLOW_VERSION, state: { value: "menu", context: {} } }],
    ["an older version's", { flow: "owner", version: OWNER_FLOW_VERSION - 1, state: { value: "menu", context: {} } }],
  ])("when the snapshot is %s, then a command is refused and the session ends", (_, persisted) => {
    const result = runOwnerFlow(persisted, { type: "TEXT", text: "VOID", now: NOW });
    expect(result.intents).toEqual([
      { type: "reply", message: { kind: "text", body: expect.stringMatching(/Send OWNER/) } },
      { type: "endOwnerSession" },
    ]);
  });

  it("when the engine passes an Igbo speaker, then the replies are Igbo with the same ids, the snapshot keeps no speaker, and an English speaker next answers the same session in English", () => {
    const ig = createSpeaker("ig");
    let speaker = ig;
    const chat = createConversation(
      (snapshot, event: OwnerEvent) => runOwnerFlow(snapshot, event, { speaker }),
      fakeEngine(),
      (text, now): OwnerEvent => ({ type: "TEXT", text, now }),
    );
    expect(words(chat.send({ type: "OWNER_START", vendorName: "Mama Put" }))).toBe(
      ig.say("owner.askPin", { vendor: "Mama Put" }),
    );
    const pin = chat.say("2468");
    expect(words(pin)).toContain(ig.say("owner.signedIn", { name: "Ada" }));
    expect(words(pin)).toContain(ig.say("owner.menu.today.title"));
    expect(optionIdsOf(pin.replies[0])).toContain("TODAY");
    expect(JSON.stringify(pin.snapshot)).not.toContain("speaker");
    expect(words(chat.say("PLAN"))).toContain(ig.say("owner.plan.label.customers"));
    speaker = createSpeaker("en");
    expect(words(chat.say("REWARDS"))).toContain("Your rewards:\n1. Free drink: 100 points");
  });

  it("when a Hausa, Yoruba, Igbo or Pidgin word for TODAY or EXIT is typed, then it reads as that command", () => {
    for (const typed of ["yau", "òní", "taa", "how market today"])
      expect(parseOwnerCommand(typed)).toEqual({ kind: "today" });
    for (const typed of ["fita", "jáde", "pụọ", "comot"]) expect(parseOwnerCommand(typed)).toEqual({ kind: "exit" });
  });
});

describe("owner command parser", () => {
  it.each([
    ["TODAY", { kind: "today" }],
    ["add reward 250 Free coffee", { kind: "addReward", points: 250, name: "Free coffee" }],
    ["ADD REWARD 0 Nothing", { kind: "addRewardHelp" }],
    ["ADD REWARD 99999999 Car", { kind: "addRewardHelp" }],
    ["PAUSE REWARD 2", { kind: "pauseReward", number: 2 }],
    ["PAUSE REWARD two", { kind: "pauseRewardHelp" }],
    ["RATE 1.5", { kind: "rate", points: 1.5 }],
    ["RATE 0", { kind: "rateHelp" }],
    ["RATE 100000", { kind: "rateHelp" }],
    ["ADD STAFF +234 803 123 4567 Ngozi", { kind: "addStaff", phone: "2348031234567", name: "Ngozi" }],
    ["ADD STAFF 12 Ngozi", { kind: "addStaffHelp" }],
    ["STAFF LIST", { kind: "staffList" }],
    ["STAFF", null],
    ["REMOVE STAFF 3", { kind: "removeStaff", number: 3 }],
    ["BROADCAST", { kind: "broadcastHelp" }],
    [`BROADCAST ${"x".repeat(1025)}`, { kind: "broadcastHelp" }],
    ["hello", null],
  ])("when %s is typed, then it reads as %j", (typed, expected) => {
    expect(parseOwnerCommand(typed)).toEqual(expected);
  });
});
