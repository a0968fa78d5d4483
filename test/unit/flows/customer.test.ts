import { describe, expect, it } from "vitest";
import {
  CUSTOMER_FLOW_VERSION,
  runCustomerFlow,
  type CustomerEvent,
  type CustomerIntent,
  type CustomerReward,
} from "../../../flows/customer.ts";
import { createConversation, optionIdsOf, wordsOf } from "./conversationDriver.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const REWARDS: CustomerReward[] = [
  { id: "r-lunch", name: "Free lunch", pointsRequired: 500 },
  { id: "r-coffee", name: "Free coffee", pointsRequired: 100 },
  { id: "r-cake", name: "Slice of cake", pointsRequired: 200 },
];

function fakeEngine(
  overrides: Partial<Record<CustomerIntent["type"], (intent: CustomerIntent) => CustomerEvent | null>> = {},
) {
  return (intent: CustomerIntent): CustomerEvent | null => {
    const override = overrides[intent.type];
    if (override) return override(intent);
    switch (intent.type) {
      case "getBalance":
        return {
          type: "BALANCE",
          balance: 1250,
          expiring: { points: 120, expiresAt: "2026-03-31T23:30:00.000Z" },
          timezone: "Africa/Lagos",
        };
      case "listRewards":
        return { type: "REWARDS", balance: 300, rewards: REWARDS };
      case "redeem":
        return { type: "REDEEMED", code: "ABCD2345", rewardName: "Free coffee", pointsDeducted: 100, balance: 200 };
      case "getHistory":
        return {
          type: "HISTORY",
          entries: [
            {
              points: 50,
              transactionType: "earned",
              description: "Purchase ₦5,000.00",
              createdAt: "2026-02-28T23:30:00.000Z",
            },
          ],
          timezone: "Africa/Lagos",
        };
      case "getReferral":
        return { type: "REFERRAL", link: "https://wa.me/2348000000000?text=JOIN%20MAMA%20REF42", code: "REF42" };
      case "listVendors":
        return {
          type: "VENDORS",
          vendors: [
            { tenantId: "t1", name: "Mama Put", active: true },
            { tenantId: "t2", name: "Chicken Republic Ikeja", active: false },
          ],
        };
      case "switchVendor":
        return { type: "VENDOR_SWITCHED", vendorName: "Chicken Republic Ikeja" };
      case "setOptIn":
        return { type: "OPT_CHANGED", optedIn: intent.optedIn };
      case "fileClaim":
        return { type: "CLAIM_FILED", amountKobo: intent.amountKobo };
      case "setBirthday":
        return { type: "BIRTHDAY_SAVED", day: intent.day, month: intent.month };
      case "declineBirthday":
        return { type: "BIRTHDAY_DECLINED" };
      case "reply":
        return null;
    }
  };
}

function customerChat(engine = fakeEngine(), persisted: unknown = null) {
  return createConversation(
    runCustomerFlow,
    engine,
    (text, now): CustomerEvent => ({ type: "TEXT", text, now }),
    persisted,
  );
}

describe("customer flow", () => {
  it("when the customer redeems, then it takes three messages and ends with a code", () => {
    const chat = customerChat();
    const list = chat.say("REDEEM");
    expect(list.requests).toEqual([{ type: "listRewards" }]);
    expect(optionIdsOf(list.replies[0])).toEqual(["1", "2"]);
    expect(wordsOf(list.replies[0]!)).toContain("1. Free coffee");

    const confirm = chat.say("1");
    expect(confirm.requests).toEqual([]);
    expect(wordsOf(confirm.replies[0]!)).toContain("Redeem Free coffee for 100 points? YES / NO");
    expect(optionIdsOf(confirm.replies[0])).toEqual(["YES", "NO"]);

    const done = chat.say("yes");
    expect(done.requests).toEqual([{ type: "redeem", rewardId: "r-coffee" }]);
    expect(wordsOf(done.replies[0]!)).toContain("Show this code at the till: ABCD2345");
    expect(chat.personMessages).toBe(3);
  });

  it("when the redemption fails, then the reason is explained", () => {
    const chat = customerChat(fakeEngine({ redeem: () => ({ type: "REDEEM_FAILED", reason: "out_of_stock" }) }));
    chat.say("REDEEM");
    chat.say("2");
    const failed = chat.say("YES");
    expect(failed.requests).toEqual([{ type: "redeem", rewardId: "r-cake" }]);
    expect(wordsOf(failed.replies[0]!)).toMatch(/out of stock/);
  });

  it("when the customer says NO at the confirmation, then nothing is redeemed and the menu comes back", () => {
    const chat = customerChat();
    chat.say("REDEEM");
    chat.say("1");
    const no = chat.say("no");
    expect(no.requests).toEqual([]);
    expect(no.replies[0]?.kind).toBe("list");
    expect(optionIdsOf(no.replies[0])).toContain("BALANCE");
  });

  it("when nothing is affordable, then REDEEM says how many points are missing", () => {
    const chat = customerChat(fakeEngine({ listRewards: () => ({ type: "REWARDS", balance: 50, rewards: REWARDS }) }));
    const reply = chat.say("REDEEM");
    expect(wordsOf(reply.replies[0]!)).toContain("Free coffee: 50 more points");
    expect(chat.say("1").replies[0]?.body).toMatch(/didn't understand/);
  });

  it("when a wrong number is typed three times, then the step is re-asked with an example each time, and the fourth goes back to the menu", () => {
    const chat = customerChat();
    chat.say("REDEEM");
    for (const wrong of ["9", "banana", "0"]) {
      const again = chat.say(wrong);
      expect(again.replies[0]?.body).toContain("for example 1");
      expect(optionIdsOf(again.replies[0])).toEqual(["1", "2"]);
    }
    const giveUp = chat.say("nope nope");
    expect(giveUp.replies[0]?.body).toMatch(/start again/);
    expect(optionIdsOf(giveUp.replies[0])).toContain("REDEEM");
    expect(chat.say("1").replies[0]?.body).toMatch(/didn't understand/);
  });

  it("when CANCEL is sent in the middle of a redemption, then the menu comes back and nothing is redeemed", () => {
    const chat = customerChat();
    chat.say("REDEEM");
    chat.say("1");
    const cancel = chat.say("cancel");
    expect(cancel.requests).toEqual([]);
    expect(cancel.replies[0]?.body).toMatch(/cancelled/i);
    expect(chat.say("YES").replies[0]?.body).toMatch(/didn't understand/);
  });

  it("when another command is sent during a step, then that command runs", () => {
    const chat = customerChat();
    chat.say("REDEEM");
    const balance = chat.say("balance");
    expect(balance.requests).toEqual([{ type: "getBalance" }]);
  });

  it("when unknown text is sent, then a short help menu comes back", () => {
    const reply = customerChat().say("what is this?");
    expect(reply.replies).toHaveLength(1);
    expect(reply.replies[0]?.kind).toBe("list");
    expect(reply.replies[0]?.body).toMatch(/didn't understand/);
  });

  it("when MENU or HELP is sent, then the menu lists every command as a row the customer can type", () => {
    const reply = customerChat().say(" help! ");
    expect(optionIdsOf(reply.replies[0])).toEqual([
      "BALANCE",
      "REWARDS",
      "REDEEM",
      "HISTORY",
      "REFER",
      "VENDORS",
      "STOP",
      "START",
    ]);
  });

  it("when POINTS is sent, then the balance and the soonest expiring points with a local date are shown", () => {
    const reply = customerChat().say("Points");
    expect(reply.requests).toEqual([{ type: "getBalance" }]);
    expect(wordsOf(reply.replies[0]!)).toContain("You have 1,250 points.");
    // 23:30 UTC on 31 March is already 1 April in Lagos.
    expect(wordsOf(reply.replies[0]!)).toContain("120 of them expire on 1 Apr 2026.");
  });

  it("when REWARDS is sent, then affordable ones are numbered first and the next ones show what is missing", () => {
    const words = wordsOf(customerChat().say("rewards").replies[0]!);
    expect(words).toMatch(/1\. Free coffee \(100 points\)\n2\. Slice of cake \(200 points\)/);
    expect(words).toContain("Free lunch: 200 more points");
  });

  it("when HISTORY and REFER are sent, then entries and the referral link are shown", () => {
    const chat = customerChat();
    expect(wordsOf(chat.say("history").replies[0]!)).toContain("1 Mar 2026: +50 (Purchase ₦5,000.00)");
    const refer = wordsOf(chat.say("refer").replies[0]!);
    expect(refer).toContain("https://wa.me/2348000000000?text=JOIN%20MAMA%20REF42");
    expect(refer).toContain("REF42");
  });

  it("when VENDORS is sent and a number is picked, then the vendor is switched", () => {
    const chat = customerChat();
    const list = chat.say("vendors");
    expect(list.requests).toEqual([{ type: "listVendors" }]);
    expect(optionIdsOf(list.replies[0])).toEqual(["1", "2"]);
    const switched = chat.say("2");
    expect(switched.requests).toEqual([{ type: "switchVendor", tenantId: "t2" }]);
    expect(switched.replies[0]?.body).toContain("Chicken Republic Ikeja");
  });

  it("when the current vendor is picked, then nothing is switched", () => {
    const chat = customerChat();
    chat.say("vendors");
    const same = chat.say("1");
    expect(same.requests).toEqual([]);
    expect(same.replies[0]?.body).toMatch(/already/);
  });

  it("when STOP and START are sent, then the opt-in changes and the customer is told", () => {
    const chat = customerChat();
    const stop = chat.say("STOP");
    expect(stop.requests).toEqual([{ type: "setOptIn", optedIn: false }]);
    expect(stop.replies[0]?.body).toMatch(/START/);
    expect(chat.say("start").requests).toEqual([{ type: "setOptIn", optedIn: true }]);
  });

  it("when more than ten rewards are affordable, then they are paged with a MORE row and a number on another page still works", () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      id: `r${index + 1}`,
      name: `Reward number ${index + 1}`,
      pointsRequired: index + 1,
    }));
    const chat = customerChat(fakeEngine({ listRewards: () => ({ type: "REWARDS", balance: 1000, rewards: many }) }));
    const first = chat.say("REDEEM");
    expect(optionIdsOf(first.replies[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "MORE"]);
    const second = chat.say("MORE");
    expect(optionIdsOf(second.replies[0])).toEqual(["10", "11", "12", "MORE"]);
    expect(chat.say("11").replies[0]?.body).toContain("Redeem Reward number 11 for 11 points?");
  });

  it("when a non-text message arrives, then the customer is told only text is read and gets the menu", () => {
    const result = runCustomerFlow(null, { type: "NON_TEXT", now: NOW });
    expect(result.intents).toHaveLength(1);
    expect(result.intents[0]).toMatchObject({
      type: "reply",
      message: { kind: "list", body: expect.stringMatching(/only read text/) },
    });
  });

  it("when the engine reports a join, then the greeting and the menu are sent", () => {
    const result = runCustomerFlow(null, {
      type: "JOINED",
      vendorName: "Mama Put",
      greeting: "Jollof every Friday!",
      isNew: true,
      timezone: "Africa/Lagos",
    });
    const replies = result.intents.filter((intent) => intent.type === "reply");
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatchObject({
      message: { kind: "text", body: expect.stringContaining("Jollof every Friday!") },
    });
    expect(replies[1]).toMatchObject({ message: { kind: "list" } });
  });

  it.each([
    ["missing", null],
    ["garbage", { hello: "world" }],
    ["another flow's", { flow: "staff", version: CUSTOMER_FLOW_VERSION, state: {} }],
    [
      "an older version's",
      { flow: "customer", version: CUSTOMER_FLOW_VERSION - 1, state: { value: "confirmingRedeem", context: {} } },
    ],
    [
      "an unknown state's",
      {
        flow: "customer",
        version: CUSTOMER_FLOW_VERSION,
        state: {
          value: "gone",
          context: {
            retries: 0,
            page: 0,
            balance: 0,
            rewards: [],
            selectedReward: null,
            vendors: [],
            lastActivityAt: null,
          },
        },
      },
    ],
    [
      "a bad context's",
      {
        flow: "customer",
        version: CUSTOMER_FLOW_VERSION,
        state: { value: "confirmingRedeem", context: { retries: "x" } },
      },
    ],
  ])("when the snapshot is %s, then the customer starts fresh at the menu", (_, persisted) => {
    const result = runCustomerFlow(persisted, { type: "TEXT", text: "YES", now: NOW });
    expect(result.intents).toEqual([
      {
        type: "reply",
        message: expect.objectContaining({ kind: "list", body: expect.stringMatching(/didn't understand/) }),
      },
    ]);
    expect(result.snapshot).toMatchObject({
      flow: "customer",
      version: CUSTOMER_FLOW_VERSION,
      state: { value: "menu" },
    });
  });

  it("when the customer was idle for over 30 minutes in a step, then the step is forgotten", () => {
    const chat = customerChat();
    chat.say("REDEEM", "2026-03-01T10:00:00.000Z");
    chat.say("1", "2026-03-01T10:01:00.000Z");
    const late = chat.say("YES", "2026-03-01T10:40:00.000Z");
    expect(late.requests).toEqual([]);
    expect(late.replies[0]?.body).toMatch(/didn't understand/);
  });

  it("when the engine passes a shorter idle timeout, then a step idle longer than it is forgotten", () => {
    const chat = customerChat();
    chat.say("REDEEM", "2026-03-01T10:00:00.000Z");
    chat.say("1", "2026-03-01T10:01:00.000Z");
    const fiveMinutes = { idleTimeoutMs: 5 * 60 * 1000 };
    const inTime = runCustomerFlow(
      chat.snapshot,
      { type: "TEXT", text: "YES", now: "2026-03-01T10:05:00.000Z" },
      fiveMinutes,
    );
    expect(inTime.intents).toContainEqual(expect.objectContaining({ type: "redeem" }));
    const late = runCustomerFlow(
      chat.snapshot,
      { type: "TEXT", text: "YES", now: "2026-03-01T10:07:00.000Z" },
      fiveMinutes,
    );
    expect(late.intents.some((intent) => intent.type === "redeem")).toBe(false);
    expect(JSON.stringify(late.intents)).toMatch(/didn't understand/);
  });

  it("when the snapshot is saved, then it is plain JSON that restores to the same step", () => {
    const chat = customerChat();
    chat.say("REDEEM");
    const stored = JSON.parse(JSON.stringify(chat.snapshot));
    const next = runCustomerFlow(stored, { type: "TEXT", text: "1", now: NOW });
    expect(next.snapshot.state).toMatchObject({ value: "confirmingRedeem" });
  });

  it("when a whole conversation runs, then every reply fits WhatsApp's limits", () => {
    const chat = customerChat();
    for (const text of [
      "hi",
      "balance",
      "rewards",
      "redeem",
      "x",
      "2",
      "maybe",
      "yes",
      "history",
      "refer",
      "vendors",
      "2",
      "stop",
      "start",
      "??",
    ]) {
      chat.say(text);
    }
    expect(chat.everyReply.length).toBeGreaterThan(10);
  });
});

describe("customer flow: birthday", () => {
  it("when the customer sends BIRTHDAY and then a date, then it is saved and confirmed in words", () => {
    const chat = customerChat();
    const asked = chat.say("BIRTHDAY");
    expect(asked.requests).toEqual([]);
    expect(wordsOf(asked.replies[0]!)).toContain("When is your birthday?");
    const saved = chat.say("29 February");
    expect(saved.requests).toEqual([{ type: "setBirthday", day: 29, month: 2 }]);
    expect(wordsOf(saved.replies[0]!)).toBe("Thank you! Your birthday is saved: 29 February. Send MENU for more.");
  });

  it("when BIRTHDAY comes with the date, then it is saved at once", () => {
    const chat = customerChat();
    expect(chat.say("birthday 14/03").requests).toEqual([{ type: "setBirthday", day: 14, month: 3 }]);
  });

  it("when the date cannot be read, then the question is asked again with an example, and CANCEL leaves", () => {
    const chat = customerChat();
    chat.say("BIRTHDAY");
    const again = chat.say("31 April");
    expect(again.requests).toEqual([]);
    expect(wordsOf(again.replies[0]!)).toContain("for example 14 March or 14/03");
    const cancelled = chat.say("CANCEL");
    expect(cancelled.requests).toEqual([]);
    expect(optionIdsOf(cancelled.replies[0])).toContain("BALANCE");
    // Back at the menu, a date is not taken as a birthday any more.
    expect(chat.say("14 March").requests).toEqual([]);
  });

  it("when a command comes instead of a date, then the command is answered", () => {
    const chat = customerChat();
    chat.say("BIRTHDAY");
    expect(chat.say("BALANCE").requests).toEqual([{ type: "getBalance" }]);
  });

  it("when the engine asks the birthday question and the customer says no, then the no is recorded", () => {
    const chat = customerChat();
    chat.say("MENU");
    const asked = chat.send({ type: "ASK_BIRTHDAY" });
    expect(wordsOf(asked.replies[0]!)).toContain("Reply NO if you would rather not.");
    const no = chat.say("no");
    expect(no.requests).toEqual([{ type: "declineBirthday" }]);
    expect(wordsOf(no.replies[0]!)).toBe("No problem, we will not ask again. You can send BIRTHDAY any time.");
  });

  it("when the answer to the birthday question is YES or a date, then the date is asked for or saved", () => {
    const yes = customerChat();
    yes.send({ type: "ASK_BIRTHDAY" });
    expect(wordsOf(yes.say("yes").replies[0]!)).toContain("When is your birthday?");
    expect(yes.say("March 14th").requests).toEqual([{ type: "setBirthday", day: 14, month: 3 }]);

    const date = customerChat();
    date.send({ type: "ASK_BIRTHDAY" });
    expect(date.say("1/1").requests).toEqual([{ type: "setBirthday", day: 1, month: 1 }]);
  });
});

describe("customer flow: tier in BALANCE", () => {
  const balance = (tier: unknown) =>
    customerChat(
      fakeEngine({
        getBalance: () => ({
          type: "BALANCE",
          balance: 300,
          expiring: null,
          timezone: "Africa/Lagos",
          tier: tier as never,
        }),
      }),
    ).say("BALANCE").replies[0];

  it("when the vendor has tiers, then the level and the points to the next follow the balance", () => {
    expect(wordsOf(balance({ name: "Silver", next: { name: "Gold", pointsToGo: 1 } })!)).toBe(
      "You have 300 points.\n⭐ Your level: Silver.\nEarn 1 more point to reach Gold.\nSend REWARDS to see what you can get.",
    );
    expect(wordsOf(balance({ name: null, next: { name: "Silver", pointsToGo: 200 } })!)).toBe(
      "You have 300 points.\nEarn 200 more points to reach Silver.\nSend REWARDS to see what you can get.",
    );
    expect(wordsOf(balance({ name: "Gold", next: null })!)).toContain("That is the top level.");
  });

  it("when the vendor has no tiers, then there are no tier lines", () => {
    expect(wordsOf(balance(null)!)).toBe("You have 300 points.\nSend REWARDS to see what you can get.");
  });
});
