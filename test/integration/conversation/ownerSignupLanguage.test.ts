import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSpeaker, type Speaker } from "../../../flows/i18n/createSpeaker.ts";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { eventually, expectNoSecretsInLogs, randomMobile, stopAndClean } from "../../helpers/conversationKit.ts";
import { recipientOf, startTestApp, textOf, type TestApp } from "../../helpers/testApp.ts";

/**
 * Sign-up (REGISTER) and the owner chat in the person's own language (issue #18): every reply
 * comes from the catalog of the language on their contact row, LANGUAGE switches it without
 * ending the sign-up or the owner session, and the everyday words of each language work.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

const yo = createSpeaker("yo");
const pcm = createSpeaker("pcm");
const ha = createSpeaker("ha");

/** A business name of the test's own (test projects share one database, so codes must differ). */
function uniqueBusiness(): { name: string; code: string } {
  const tag = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
  return { name: `${tag} Kitchen`, code: `${tag}KITCHEN`.slice(0, 12) };
}

const contactRow = z.object({ language: z.string().nullable(), owner_tenant_id: z.uuid().nullable() });
async function contactOf(phone: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(contactRow)`SELECT language, owner_tenant_id FROM contacts WHERE phone_number = ${phone}`),
  );
}

/** The TODAY figures of a business with no purchases yet, in `speaker`'s language. */
function emptyToday(speaker: Speaker): string {
  const period = speaker.say("owner.today.period", {
    purchases: 0,
    amount: speaker.naira(0),
    points: 0,
    customers: 0,
    redemptions: 0,
  });
  return speaker.say("owner.today", { today: period, week: period });
}

/** REWARDS with the one reward the sign-up created, in `speaker`'s language. */
function oneReward(speaker: Speaker): string {
  return [
    speaker.say("owner.rewards.title"),
    speaker.say("owner.rewards.line", { number: 1, reward: "Free small chops", points: 150 }),
    speaker.say("owner.rewards.hint"),
  ].join("\n");
}

/** Sends the summary's YES and waits for the join link and the poster (the poster render is slow). */
async function confirmSignup(phone: string, yes: string): Promise<string[]> {
  const since = app.graph.requests.length;
  await app.sendText(phone, yes);
  const sent = await eventually(async () => {
    const mine = app.graph.requests.slice(since).filter((r) => recipientOf(r) === phone);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    return mine;
  }, 60_000);
  return sent.map((r) => textOf(r.body));
}

// A sign-up is a dozen messages, three slow PIN hashes and a poster render.
describe("sign-up and owner mode in the person's language", { timeout: 120_000 }, () => {
  it("when a Yoruba speaker registers and manages the business, then every reply is Yoruba; LANGUAGE pcm in owner mode switches to Pidgin without ending the session, and the Hausa word for TODAY works", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();

    expect(await app.say(phone, "LANGUAGE yo")).toEqual([yo.say("language.changed")]);
    expect((await app.say(phone, "REGISTER"))[0]).toContain(yo.say("signup.askBusinessName"));
    expect((await app.say(phone, business.name))[0]).toContain(yo.say("signup.askVendorCode", { code: business.code }));
    // "bẹ́ẹ̀ ni" is Yoruba for YES.
    expect((await app.say(phone, "bẹ́ẹ̀ ni"))[0]).toContain(yo.say("signup.askOwnerName", { code: business.code }));
    expect((await app.say(phone, "Ngozi Okafor"))[0]).toContain(yo.say("signup.askPin"));
    expect(await app.say(phone, "4821")).toEqual([yo.say("signup.askPinAgain")]);
    expect((await app.say(phone, "4821"))[0]).toContain(yo.say("signup.askRate"));
    expect((await app.say(phone, "2"))[0]).toContain(yo.say("signup.askReward"));
    const summary = await app.say(phone, "150 Free small chops");
    expect(summary[0]).toContain(
      yo.say("signup.summary", {
        vendor: business.name,
        code: business.code,
        name: "Ngozi Okafor",
        points: 2,
        reward: "Free small chops",
        cost: 150,
      }),
    );
    expect(summary[0]).toContain("[YES|CANCEL]");

    const done = await confirmSignup(phone, "YES");
    const link = /https:\/\/wa\.me\/\S+/.exec(done[0] ?? "")?.[0] ?? "";
    expect(link).toContain(`text=JOIN%20${business.code}`);
    expect(done[0]).toBe(yo.say("signup.registered", { vendor: business.name, code: business.code, link, days: 30 }));
    expect(done[1]).toBe(`image:${yo.say("signup.posterCaption", { code: business.code })}`);

    expect(await app.say(phone, "OWNER")).toEqual([yo.say("owner.askPin", { vendor: business.name })]);
    const signedIn = await app.say(phone, "4821");
    expect(signedIn[0]).toContain(yo.say("owner.signedIn", { name: "Ngozi Okafor" }));
    expect(signedIn[0]).toContain(yo.say("owner.menu.hint"));
    expect(signedIn[0]).toContain("[TODAY|REWARDS|STAFF LIST|VOID|BROADCAST|RATE|QR|PLAN|LOGIN|EXIT]");
    expect((await app.say(phone, "TODAY"))[0]).toContain(emptyToday(yo));
    expect(await app.say(phone, "REWARDS")).toEqual([oneReward(yo)]);

    expect(await app.say(phone, "LANGUAGE pcm")).toEqual([pcm.say("language.changed")]);
    expect(await contactOf(phone)).toMatchObject({ language: "pcm", owner_tenant_id: expect.any(String) });
    expect(await app.say(phone, "REWARDS")).toEqual([oneReward(pcm)]);
    // "yau" is Hausa for "today": every language's words work for everyone.
    expect((await app.say(phone, "yau"))[0]).toContain(emptyToday(pcm));
    expectNoSecretsInLogs(app, ["4821"]);
  });

  it("when someone switches to Hausa in the middle of a sign-up, then the step is asked again in Hausa and the sign-up goes on from there", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    await app.say(phone, "REGISTER");
    expect((await app.say(phone, business.name))[0]).toContain(
      createSpeaker("en").say("signup.askVendorCode", { code: business.code }),
    );

    const switched = await app.say(phone, "LANGUAGE hausa", 2);
    expect(switched[0]).toBe(ha.say("language.changed"));
    // The step's question again, in Hausa.
    expect(switched[1]).toContain(ha.say("signup.askVendorCode", { code: business.code }));
    expect((await app.say(phone, "YES"))[0]).toContain(ha.say("signup.askOwnerName", { code: business.code }));
    // "soke" is Hausa for CANCEL.
    expect(await app.say(phone, "soke")).toEqual([ha.say("signup.cancelled")]);
    expect((await contactOf(phone)).language).toBe("ha");
  });

  it("when a business name starts with a word for LANGUAGE (Ede is a town), then mid-sign-up it is taken as the name", async () => {
    const phone = randomMobile();
    const tag = uniqueBusiness().code.slice(0, 6);
    await app.say(phone, "REGISTER");
    expect((await app.say(phone, `Ede ${tag} Bakery`))[0]).toContain(
      createSpeaker("en").say("signup.askVendorCode", { code: `EDE${tag}BAKE`.slice(0, 12) }),
    );
    expect((await contactOf(phone)).language).toBeNull();
  });
});
