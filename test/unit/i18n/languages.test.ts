import { describe, expect, it } from "vitest";
import { MESSAGE_KEYS } from "../../../flows/i18n/catalog.ts";
import { CATALOGS } from "../../../flows/i18n/catalogs/index.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGES, type Language } from "../../../flows/i18n/languages.ts";
import type { OutMessage } from "../../../flows/types.ts";
import { optionIdsOf, wordsOf } from "../flows/conversationDriver.ts";
import { ORDINARY, customerScript, staffScript } from "./scriptedChats.ts";

/** Messages whose words are the same in some languages (names, "Menu", numbers) prove nothing about the language. */
function distinctiveEnglish(): string[] {
  return MESSAGE_KEYS.map((key) => CATALOGS.en[key]).filter(
    (message) => message.length > 25 && !message.startsWith("{"),
  );
}

function bodies(messages: OutMessage[]): string[] {
  return messages.map((message) => message.body);
}

describe.each(LANGUAGES)("a conversation in %s", (language: Language) => {
  const say = createSpeaker(language);
  const customer = customerScript(language, ORDINARY);
  const staff = staffScript(language, ORDINARY);

  it("when a customer joins, checks the balance and redeems, then every reply is in that language", () => {
    const [welcome, offer, menu, balance] = customer;
    expect(welcome?.body).toBe(say.say("customer.welcome.new", { vendor: "Mama Put" }));
    expect(offer?.body).toBe(say.say("language.prompt"));
    expect(optionIdsOf(offer)).toEqual(["LANGUAGE en", "LANGUAGE pcm", "LANGUAGE yo", "LANGUAGE ha", "LANGUAGE ig"]);
    expect(menu?.body).toBe(say.say("customer.menu.prompt"));
    expect(wordsOf(menu ?? { kind: "text", body: "" })).toContain(say.say("customer.menu.balance.title"));
    expect(balance?.body.split("\n")[0]).toBe(say.say("customer.balance.total", { points: 500 }));
    const code = bodies(customer).find((body) => body.includes("ABCD2345"));
    expect(code?.split("\n")[0]).toBe(
      say.say("customer.redeem.done", { code: "ABCD2345", reward: "x", points: 1, balance: 0 }).split("\n")[0],
    );
    expect(bodies(customer)).toContain(say.say("customer.menu.notUnderstood"));
  });

  it("when a staff member signs in, logs a purchase and verifies a code, then every reply is in that language", () => {
    expect(staff[0]?.body).toBe(say.say("staff.start", { vendor: "Mama Put" }));
    expect(staff[1]?.body).toBe(say.say("staff.signedIn", { name: "Kemi" }));
    expect(staff[1]?.kind === "buttons" ? staff[1].buttons.map((b) => b.title) : []).toEqual([
      say.say("staff.menu.log"),
      say.say("staff.menu.verify"),
      say.say("staff.menu.exit"),
    ]);
    expect(bodies(staff)).toContain(
      say.say("staff.log.done", { amount: say.naira(500_000), customer: "234801***678", points: 50, balance: 500 }),
    );
    expect(bodies(staff)).toContain(say.say("staff.verify.done", { code: "ABCD2345" }));
    expect(bodies(staff)).toContain(say.say("staff.ended"));
  });

  it("when the replies are read, then none carries an English sentence unless the language is English", () => {
    if (language === "en") return;
    const english = distinctiveEnglish();
    for (const words of [...customer, ...staff].map(wordsOf)) {
      for (const sentence of english) expect(words, "an English sentence in the reply").not.toContain(sentence);
    }
  });

  it("when buttons are tapped, then their ids are the same in every language", () => {
    const english = [...customerScript("en", ORDINARY), ...staffScript("en", ORDINARY)].map(optionIdsOf);
    expect([...customer, ...staff].map(optionIdsOf)).toEqual(english);
  });
});
