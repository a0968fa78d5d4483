import { describe, expect, it } from "vitest";
import { createSpeaker, type Speaker } from "../../../flows/i18n/createSpeaker.ts";
import {
  isSignupActive,
  normaliseVendorCode,
  runSignupFlow,
  vendorCodeFromName,
  type SignupDetails,
  type SignupEvent,
  type SignupIntent,
} from "../../../flows/signup.ts";
import type { OutMessage } from "../../../flows/types.ts";
import { validateOutMessage } from "../../../flows/validateOutMessage.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const en = createSpeaker("en");

/** The engine's slow hash stood in by one that keeps no digit of the PIN: `4821` → `hash:EICB`. */
function fakeHash(pin: string): string {
  return `hash:${[...pin].map((digit) => String.fromCharCode(65 + Number(digit))).join("")}`;
}

/**
 * Plays the engine for the sign-up flow: codes in `taken` are not free (the next free one is
 * suggested with a digit), a PIN's "hash" is `hash:<pin>`, and `register` answers as `onRegister`
 * says. Every reply is checked against WhatsApp's limits.
 */
function signup(
  options: { taken?: string[]; onRegister?: (details: SignupDetails) => SignupEvent; speaker?: Speaker } = {},
) {
  const taken = new Set(options.taken ?? []);
  let snapshot: unknown = null;
  const registered: SignupDetails[] = [];
  let ended = false;

  function free(code: string): string {
    if (!taken.has(code)) return code;
    for (let n = 2; ; n += 1) if (!taken.has(`${code}${n}`)) return `${code}${n}`;
  }

  function answer(intent: SignupIntent): SignupEvent | null {
    switch (intent.type) {
      case "suggestCode":
        return { type: "CODE_SUGGESTED", code: free(vendorCodeFromName(intent.businessName)) };
      case "checkCode":
        return {
          type: "CODE_CHECKED",
          code: intent.code,
          free: !taken.has(intent.code),
          suggestion: free(intent.code),
        };
      case "hashPin":
        return { type: "PIN_HASHED", hash: fakeHash(intent.pin) };
      case "comparePin":
        return { type: "PIN_COMPARED", same: intent.hash === fakeHash(intent.pin) };
      case "register":
        registered.push(intent.details);
        return options.onRegister?.(intent.details) ?? { type: "REGISTERED" };
      case "endSignup":
        ended = true;
        return null;
      case "reply":
        return null;
    }
  }

  function send(event: SignupEvent): { replies: OutMessage[]; intents: SignupIntent[] } {
    const replies: OutMessage[] = [];
    const intents: SignupIntent[] = [];
    const queue = [event];
    for (let rounds = 0; queue.length > 0; rounds += 1) {
      if (rounds > 20) throw new Error("the flow never waited for the person");
      const next = queue.shift();
      if (next === undefined) break;
      const result = runSignupFlow(snapshot, next, options.speaker === undefined ? {} : { speaker: options.speaker });
      snapshot = JSON.parse(JSON.stringify(result.snapshot));
      for (const intent of result.intents) {
        intents.push(intent);
        if (intent.type === "reply") {
          expect(validateOutMessage(intent.message)).toEqual({ ok: true });
          replies.push(intent.message);
          continue;
        }
        const reply = answer(intent);
        if (reply !== null) queue.push(reply);
      }
    }
    return { replies, intents };
  }

  return {
    start: (now = NOW) => send({ type: "SIGNUP_START", now }),
    say: (text: string, now = NOW) => send({ type: "TEXT", text, now }),
    send,
    registered,
    get snapshot() {
      return snapshot;
    },
    get ended() {
      return ended;
    },
  };
}

function bodyOf(replies: OutMessage[]): string {
  return replies.map((reply) => reply.body).join("\n---\n");
}

function buttonIds(message: OutMessage | undefined): string[] {
  if (message === undefined) return [];
  if (message.kind === "buttons") return message.buttons.map((button) => button.id);
  if (message.kind === "list") return message.sections.flatMap((section) => section.rows.map((row) => row.id));
  return [];
}

/** Goes through every step with good answers up to the summary. */
function toSummary(chat: ReturnType<typeof signup>, reward = "100 Free drink") {
  chat.start();
  chat.say("Mama Put's Kitchen");
  chat.say("YES");
  chat.say("Ngozi Okafor");
  chat.say("4821");
  chat.say("4821");
  chat.say("2");
  return chat.say(reward);
}

describe("sign-up flow", () => {
  it("when a vendor answers every step, then the summary shows it and YES asks the engine to register exactly those details", () => {
    const chat = signup();
    expect(bodyOf(chat.start().replies)).toContain("What is your business called?");
    const code = chat.say("Mama Put's Kitchen");
    expect(bodyOf(code.replies)).toContain("I suggest MAMAPUTSKITC");
    expect(buttonIds(code.replies[0])).toEqual(["YES", "CANCEL"]);
    expect(bodyOf(chat.say("yes").replies)).toContain("What is your name (the owner)?");
    expect(bodyOf(chat.say("Ngozi Okafor").replies)).toContain("Choose an owner PIN");
    const pin = chat.say("4821");
    expect(bodyOf(pin.replies)).toContain("Type the same PIN again");
    const rate = chat.say("4821");
    expect(bodyOf(rate.replies)).toContain("for every ₦100");
    expect(buttonIds(rate.replies[0])).toEqual(["1", "2", "5"]);
    expect(bodyOf(chat.say("2").replies)).toContain("first reward");
    const summary = chat.say("100 Free drink");
    expect(bodyOf(summary.replies)).toContain(
      "Business: Mama Put's Kitchen\nVendor code: MAMAPUTSKITC\nOwner: Ngozi Okafor\nEarning: 2 points per ₦100\nFirst reward: Free drink for 100 points",
    );
    expect(buttonIds(summary.replies[0])).toEqual(["YES", "CANCEL"]);

    const done = chat.say("YES");

    expect(chat.registered).toEqual([
      {
        businessName: "Mama Put's Kitchen",
        vendorCode: "MAMAPUTSKITC",
        ownerName: "Ngozi Okafor",
        pinHash: fakeHash("4821"),
        pointsPer100: 2,
        reward: { points: 100, name: "Free drink" },
      },
    ]);
    expect(done.intents.at(-1)).toEqual({ type: "endSignup" });
    expect(chat.snapshot).toBeNull();
  });

  it("when the PIN is typed, then it appears only in the hashing and comparing intents, never in a snapshot", () => {
    const chat = signup();
    chat.start();
    chat.say("Ade Stores");
    chat.say("YES");
    chat.say("Ade");
    const first = chat.say("908172");
    expect(JSON.stringify(chat.snapshot)).not.toContain("908172");
    const second = chat.say("908172");
    expect(JSON.stringify(chat.snapshot)).not.toContain("908172");
    expect(first.intents).toContainEqual({ type: "hashPin", pin: "908172" });
    expect(second.intents).toContainEqual({ type: "comparePin", pin: "908172", hash: fakeHash("908172") });
  });

  it("when the vendor types their own code, then it is normalised and checked, and a taken one is refused with a free suggestion", () => {
    const chat = signup({ taken: ["SUYA"] });
    chat.start();
    chat.say("Suya Spot");
    const taken = chat.say(" suya ");
    expect(bodyOf(taken.replies)).toContain("The code SUYA is already taken. Reply YES to use SUYA2");
    expect(taken.intents).toContainEqual({ type: "checkCode", code: "SUYA" });
    const free = chat.say("suya-spot-1");
    expect(bodyOf(free.replies)).toContain("Your vendor code is SUYASPOT1.");
  });

  it("when the vendor code is not 3 to 20 letters and digits, then it is asked again with an example three times, then the sign-up stops", () => {
    const chat = signup();
    chat.start();
    chat.say("Chinwe Beauty");
    for (const bad of ["AB", "1234", "THIS-CODE-IS-FAR-TOO-LONG-1"]) {
      expect(bodyOf(chat.say(bad).replies)).toContain(
        "3 to 20 letters and digits with at least one letter, for example MAMAPUT1",
      );
    }
    const last = chat.say("!!");
    expect(bodyOf(last.replies)).toContain("Let's stop here. Send REGISTER");
    expect(chat.ended).toBe(true);
    expect(chat.snapshot).toBeNull();
  });

  it("when the two PINs differ, then the PIN is chosen again; after three mismatches the sign-up stops", () => {
    const chat = signup();
    chat.start();
    chat.say("Bola Bakery");
    chat.say("YES");
    chat.say("Bola");
    chat.say("1111");
    expect(bodyOf(chat.say("2222").replies)).toContain("The two PINs don't match");
    chat.say("3333");
    expect(bodyOf(chat.say("3334").replies)).toContain("The two PINs don't match");
    chat.say("5555");
    const good = chat.say("5555");
    expect(bodyOf(good.replies)).toContain("for every ₦100");

    const again = signup();
    again.start();
    again.say("Bola Bakery");
    again.say("YES");
    again.say("Bola");
    for (let n = 0; n < 3; n += 1) {
      again.say("1111");
      again.say("2222");
    }
    again.say("1111");
    const stop = again.say("2222");
    expect(bodyOf(stop.replies)).toContain("Let's stop here");
    expect(again.ended).toBe(true);
  });

  it("when the PIN is not 4 to 6 digits, then it is asked again with an example", () => {
    const chat = signup();
    chat.start();
    chat.say("Bola Bakery");
    chat.say("YES");
    chat.say("Bola");
    expect(bodyOf(chat.say("12").replies)).toContain("A PIN is 4 to 6 digits, for example 4821");
    expect(bodyOf(chat.say("1234567").replies)).toContain("A PIN is 4 to 6 digits");
  });

  it("when the rate and reward are tapped or typed in other forms, then they are read; SKIP leaves the reward out", () => {
    const chat = signup();
    chat.start();
    chat.say("Bola Bakery");
    chat.say("YES");
    chat.say("Bola");
    chat.say("4821");
    chat.say("4821");
    expect(bodyOf(chat.say("0").replies)).toContain("from 1 to 100, for example 1");
    expect(bodyOf(chat.say("lots").replies)).toContain("from 1 to 100");
    chat.say("default");
    expect(bodyOf(chat.say("free cake").replies)).toContain("for example: 100 Free drink");
    expect(bodyOf(chat.say("-5 Free cake").replies)).toContain("points from 1 to 1,000,000");
    expect(bodyOf(chat.say("99999999 Free car").replies)).toContain("points from 1 to 1,000,000");
    const summary = chat.say("skip");
    expect(bodyOf(summary.replies)).toContain("Earning: 1 point per ₦100\nFirst reward: none yet");
    chat.say("YES");
    expect(chat.registered[0]).toMatchObject({ pointsPer100: 1, reward: null });
  });

  it("when the reward is written as '1,500 points - Jollof rice', then the points and name are read", () => {
    const chat = signup();
    const summary = toSummary(chat, "1,500 points - Jollof rice");
    expect(bodyOf(summary.replies)).toContain("First reward: Jollof rice for 1,500 points");
  });

  it("when CANCEL is sent at any step, then the sign-up ends with a reply and nothing is registered", () => {
    const steps = ["Mama Put", "YES", "Ngozi", "4821", "4821", "1", "SKIP"];
    for (let stop = 0; stop <= steps.length; stop += 1) {
      const chat = signup();
      chat.start();
      for (const answer of steps.slice(0, stop)) chat.say(answer);
      const cancelled = chat.say(stop % 2 === 0 ? "CANCEL" : "cancel please");
      expect(bodyOf(cancelled.replies)).toContain("Sign-up cancelled");
      expect(cancelled.intents.at(-1)).toEqual({ type: "endSignup" });
      expect(chat.registered).toEqual([]);
    }
  });

  it("when the summary gets NO, then it is cancelled; an unclear answer asks again", () => {
    const chat = signup();
    toSummary(chat);
    expect(bodyOf(chat.say("maybe").replies)).toContain("Please reply YES to create your programme");
    expect(bodyOf(chat.say("no").replies)).toContain("Sign-up cancelled");
    expect(chat.registered).toEqual([]);
  });

  it("when the code was taken between the check and YES, then the vendor is asked for a code again and can finish", () => {
    let first = true;
    const chat = signup({
      onRegister: () => {
        if (!first) return { type: "REGISTERED" };
        first = false;
        return { type: "REGISTER_FAILED", reason: "code_taken", suggestion: "MAMAPUTSKITC2" };
      },
    });
    toSummary(chat);
    const retry = chat.say("YES");
    expect(bodyOf(retry.replies)).toContain("The code MAMAPUTSKITC is already taken. Reply YES to use MAMAPUTSKITC2");
    expect(chat.registered).toHaveLength(1);
    // Only the code is asked again; then straight back to the summary with the other answers kept.
    const summary = chat.say("YES");
    expect(bodyOf(summary.replies)).toContain("Vendor code: MAMAPUTSKITC2\nOwner: Ngozi Okafor");
    chat.say("YES");
    expect(chat.registered.map((d) => d.vendorCode)).toEqual(["MAMAPUTSKITC", "MAMAPUTSKITC2"]);
    expect(chat.registered[1]).toMatchObject({ ownerName: "Ngozi Okafor", pinHash: fakeHash("4821"), pointsPer100: 2 });
  });

  it("when the registration is refused (already an owner, over a limit), then the sign-up ends without a flow reply", () => {
    const chat = signup({ onRegister: () => ({ type: "REGISTER_FAILED", reason: "already_owner" }) });
    toSummary(chat);
    const refused = chat.say("YES");
    expect(refused.replies).toEqual([]);
    expect(refused.intents.at(-1)).toEqual({ type: "endSignup" });
  });

  it("when a photo arrives mid sign-up, then the step is kept and the person is asked to type", () => {
    const chat = signup();
    chat.start();
    const photo = chat.send({ type: "NON_TEXT", now: NOW });
    expect(bodyOf(photo.replies)).toContain("I can only read text messages");
    expect(bodyOf(chat.say("Mama Put").replies)).toContain("I suggest MAMAPUT");
  });

  it("when the sign-up is idle for over 30 minutes, then it is no longer active and the next message ends it", () => {
    const chat = signup();
    chat.start("2026-03-01T10:00:00.000Z");
    chat.say("Mama Put", "2026-03-01T10:10:00.000Z");
    expect(isSignupActive(chat.snapshot, "2026-03-01T10:39:00.000Z")).toBe(true);
    expect(isSignupActive(chat.snapshot, "2026-03-01T10:41:00.000Z")).toBe(false);
    const late = chat.say("YES", "2026-03-01T10:41:00.000Z");
    expect(bodyOf(late.replies)).toContain("Your sign-up timed out");
    expect(chat.ended).toBe(true);
  });

  it("when the stored snapshot is foreign, outdated or garbage, then it is not active", () => {
    expect(isSignupActive(null, NOW)).toBe(false);
    expect(isSignupActive({ flow: "staff", version: 1, state: { value: "menu", context: {} } }, NOW)).toBe(false);
    expect(isSignupActive({ flow: "signup", version: 999, state: { value: "askingPin", context: {} } }, NOW)).toBe(
      false,
    );
    expect(isSignupActive("nonsense", NOW)).toBe(false);
    expect(
      runSignupFlow(
        {
          flow: "signup",
          version: 1,
          state: {
            value: "nowhere",
            context: {
              retries: 0,
              businessName: null,
              suggestedCode: null,
              vendorCode: null,
              ownerName: null,
              pinHash: null,
              pointsPer100: null,
              reward: null,
              backToSummary: false,
              lastActivityAt: null,
            },
          },
        },
        { type: "TEXT", text: "hi", now: NOW },
      ).snapshot,
    ).toBeNull();
  });

  it("when vendor codes are made or typed, then they are 3 to 20 upper-case letters and digits with a letter", () => {
    expect(vendorCodeFromName("Mama Put's Kitchen")).toBe("MAMAPUTSKITC");
    expect(vendorCodeFromName("Àdùkẹ́ Foods")).toBe("ADUKEFOODS");
    expect(vendorCodeFromName("7")).toBe("V7SHOP");
    expect(vendorCodeFromName("🍗🍗")).toBe("VSHOP");
    expect(normaliseVendorCode("mama put 1")).toBe("MAMAPUT1");
    expect(normaliseVendorCode("12345")).toBeNull();
    expect(normaliseVendorCode("AB")).toBeNull();
    expect(normaliseVendorCode("A".repeat(21))).toBeNull();
    expect(normaliseVendorCode("DROP;TABLE")).toBeNull();
  });

  it("when a business name is too short, has no letter or is too long, then it is asked again with an example", () => {
    const chat = signup();
    chat.start();
    expect(bodyOf(chat.say("A").replies)).toContain("2 to 60 characters, for example: Mama Put Kitchen");
    expect(bodyOf(chat.say("12345").replies)).toContain("2 to 60 characters");
    expect(bodyOf(chat.say("x".repeat(61)).replies)).toContain("2 to 60 characters");
    expect(bodyOf(chat.say("😀").replies)).toContain("Let's stop here");
  });

  it("when the engine passes a Pidgin speaker, then every step and button is Pidgin, the ids stay the same, and the snapshot keeps no speaker", () => {
    const pcm = createSpeaker("pcm");
    const chat = signup({ speaker: pcm });
    const start = chat.start();
    expect(start.replies[0]).toMatchObject({
      kind: "buttons",
      body: pcm.say("signup.askBusinessName"),
      buttons: [{ id: "CANCEL", title: pcm.say("signup.button.cancel") }],
    });
    expect(chat.say("Mama Put Kitchen").replies[0]).toMatchObject({
      body: pcm.say("signup.askVendorCode", { code: "MAMAPUTKITCH" }),
    });
    chat.say("oya");
    chat.say("Ngozi Okafor");
    chat.say("4821");
    expect(chat.say("4821").replies[0]).toMatchObject({
      body: pcm.say("signup.askRate"),
      buttons: [
        { id: "1", title: pcm.say("signup.button.onePoint") },
        { id: "2", title: pcm.say("signup.button.twoPoints") },
        { id: "5", title: pcm.say("signup.button.fivePoints") },
      ],
    });
    chat.say("1");
    expect(chat.say("skip am").replies[0]).toMatchObject({
      body: pcm.say("signup.summaryNoReward", {
        vendor: "Mama Put Kitchen",
        code: "MAMAPUTKITCH",
        name: "Ngozi Okafor",
        points: 1,
      }),
      buttons: [
        { id: "YES", title: pcm.say("signup.button.yes") },
        { id: "CANCEL", title: pcm.say("signup.button.cancel") },
      ],
    });
    expect(JSON.stringify(chat.snapshot)).not.toContain("speaker");
  });

  it("when the engine asks for the step again (REPEAT) at each step, then the same question comes back, nothing is answered for the person, and the step stays", () => {
    const chat = signup();
    const askedAgain = (expected: string) => {
      const repeated = chat.send({ type: "REPEAT", now: NOW });
      expect(repeated.intents).toEqual([{ type: "reply", message: expect.objectContaining({ body: expected }) }]);
    };
    chat.start();
    askedAgain(en.say("signup.askBusinessName"));
    chat.say("Mama Put Kitchen");
    askedAgain(en.say("signup.askVendorCode", { code: "MAMAPUTKITCH" }));
    chat.say("YES");
    askedAgain(en.say("signup.askOwnerName", { code: "MAMAPUTKITCH" }));
    chat.say("Ngozi Okafor");
    askedAgain(en.say("signup.askPin"));
    chat.say("4821");
    askedAgain(en.say("signup.askPinAgain"));
    chat.say("4821");
    askedAgain(en.say("signup.askRate"));
    chat.say("2");
    askedAgain(en.say("signup.askReward"));
    const summary = chat.say("SKIP").replies[0];
    const repeated = chat.send({ type: "REPEAT", now: NOW });
    expect(repeated.replies).toEqual([summary]);
    chat.say("YES");
    expect(chat.registered).toHaveLength(1);
  });
});
