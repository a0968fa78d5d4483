import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { maskPhone } from "../../../src/logger.ts";
import {
  LANGUAGE_LIST,
  STAFF_MENU_IDS,
  addSpendRule,
  customerOf,
  expectNoSecretsInLogs,
  givePoints,
  randomMobile,
  sentBodiesTo,
  stopAndClean,
} from "../../helpers/conversationKit.ts";
import { addReward, addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

const yo = createSpeaker("yo");
const ha = createSpeaker("ha");
const pcm = createSpeaker("pcm");
const ig = createSpeaker("ig");
const MENU_IDS = "[BALANCE|REWARDS|REDEEM|HISTORY|REFER|VENDORS|STOP|START]";

async function languageOf(phone: string): Promise<string | null> {
  return withPlatform(app.pool, (tx) =>
    tx.maybeOneFirst(
      sql.type(
        z.object({ language: z.string().nullable() }),
      )`SELECT language FROM contacts WHERE phone_number = ${phone}`,
    ),
  );
}

/** A contact row with a chosen language for someone who has not written yet (staff log their purchase first). */
async function chooseLanguageFor(phone: string, language: string): Promise<void> {
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.type(z.object({ phone_number: z.string() }))`
      INSERT INTO contacts (phone_number, language) VALUES (${phone}, ${language})
      ON CONFLICT (phone_number) DO UPDATE SET language = EXCLUDED.language RETURNING phone_number`),
  );
}

describe("choosing a language", () => {
  it("when a new customer taps Yorùbá in the list after JOIN, then the choice is stored and every reply is Yoruba, at every vendor", async () => {
    const first = await createTestTenant(app.pool);
    const second = await createTestTenant(app.pool);
    const phone = randomPhone();

    const joined = await app.say(phone, `JOIN ${first.vendorCode}`, 2);
    expect(joined[1]).toBe(LANGUAGE_LIST);

    // The tap sends the row's id, `LANGUAGE yo`: the same whatever language the list was in.
    const chosen = await app.say(phone, "LANGUAGE yo", 2);
    expect(chosen).toEqual([yo.say("language.changed"), `${yo.say("customer.menu.prompt")} ${MENU_IDS}`]);
    expect(await languageOf(phone)).toBe("yo");

    expect(await app.say(phone, "BALANCE")).toEqual([
      [yo.say("customer.balance.total", { points: 0 }), yo.say("customer.balance.hint")].join("\n"),
    ]);
    // A Yoruba word for points works as BALANCE too.
    expect(await app.say(phone, "pọ́ìǹtì mi")).toEqual([
      [yo.say("customer.balance.total", { points: 0 }), yo.say("customer.balance.hint")].join("\n"),
    ]);

    // The choice follows the person to another vendor, and they are not asked again.
    const elsewhere = await app.say(phone, `JOIN ${second.vendorCode}`, 2);
    expect(elsewhere).toEqual([
      yo.say("customer.welcome.new", { vendor: second.businessName }),
      `${yo.say("customer.menu.prompt")} ${MENU_IDS}`,
    ]);
    expectNoSecretsInLogs(app, [phone]);
  });

  it("when a customer sends LANGUAGE alone, then they get the list; with a name we do not know, the list again and nothing changes", async () => {
    const tenant = await createTestTenant(app.pool);
    const phone = randomPhone();
    await app.say(phone, `JOIN ${tenant.vendorCode}`, 2);
    await app.say(phone, "language pidgin", 2);
    expect(await languageOf(phone)).toBe("pcm");

    expect(await app.say(phone, "LANGUAGE")).toEqual([
      `${pcm.say("language.prompt")} [LANGUAGE en|LANGUAGE pcm|LANGUAGE yo|LANGUAGE ha|LANGUAGE ig]`,
    ]);
    expect(await app.say(phone, `LANGUAGE klingon ${"x".repeat(500)}`)).toEqual([
      `${pcm.say("language.unknown")} [LANGUAGE en|LANGUAGE pcm|LANGUAGE yo|LANGUAGE ha|LANGUAGE ig]`,
    ]);
    expect(await languageOf(phone)).toBe("pcm");

    // Pidgin for "what are my points", and STOP in English, whatever the language.
    expect((await app.say(phone, "wetin be my point"))[0]).toContain(pcm.say("customer.balance.total", { points: 0 }));
    expect(await app.say(phone, "STOP")).toEqual([pcm.say("customer.offers.off")]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ opted_in: false });
  });

  it("when a stranger chooses a language before joining, then the platform greeting is in it", async () => {
    const phone = randomPhone();
    expect(await app.say(phone, "ede igbo")).toEqual([ig.say("language.changed")]);
    expect(await app.say(phone, "hello")).toEqual([ig.say("platform.stranger")]);
    expect(await app.say(phone, "JOIN NOSUCHCODE")).toEqual([ig.say("platform.unknownVendor", { code: "NOSUCHCODE" })]);
  });
});

describe("the vendor's default language", () => {
  it("when the vendor's language is Hausa, then a customer who never chose one is welcomed in Hausa and can still choose English", async () => {
    const tenant = await createTestTenant(app.pool, { settings: { timezone: "Africa/Lagos", language: "ha" } });
    const phone = randomPhone();
    const joined = await app.say(phone, `JOIN ${tenant.vendorCode}`, 2);
    expect(joined[0]).toBe(ha.say("customer.welcome.new", { vendor: tenant.businessName }));
    expect(joined[1]).toBe(
      `${ha.say("language.prompt")} [LANGUAGE en|LANGUAGE pcm|LANGUAGE yo|LANGUAGE ha|LANGUAGE ig]`,
    );
    expect(await app.say(phone, "maki")).toEqual([
      [ha.say("customer.balance.total", { points: 0 }), ha.say("customer.balance.hint")].join("\n"),
    ]);
    expect(await languageOf(phone)).toBeNull();

    await app.say(phone, "LANGUAGE en", 2);
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 0 points.\nSend REWARDS to see what you can get."]);
  });

  it("when a customer mistypes a command, then it is understood; when the word could be two commands, then they are asked which", async () => {
    const tenant = await createTestTenant(app.pool);
    const phone = randomPhone();
    await app.say(phone, `JOIN ${tenant.vendorCode}`, 2);
    expect(await app.say(phone, "balnce")).toEqual(["You have 0 points.\nSend REWARDS to see what you can get."]);
    expect(await app.say(phone, "👍")).toEqual([`What would you like to do? ${MENU_IDS}`]);
    // "shop" is one letter from SHOPS (VENDORS) and from STOP: the customer is asked, with buttons.
    expect(await app.say(phone, "shop")).toEqual([
      "Did you mean one of these? Tap one, or send MENU to see everything. [VENDORS|STOP]",
    ]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ opted_in: true });
    // A word of three letters is too short to guess from.
    expect(await app.say(phone, "sto")).toEqual([
      `Sorry, I didn't understand that. Pick an option, or type a word like BALANCE or REWARDS. ${MENU_IDS}`,
    ]);
  });
});

describe("staff and the customers they serve", () => {
  it("when a Pidgin-speaking cashier logs a purchase for an Igbo-speaking customer, then each is answered in their own language", async () => {
    const tenant = await createTestTenant(app.pool);
    await addSpendRule(app.pool, tenant);
    await addReward(app.pool, tenant, "Jollof plate", 400);
    const staffPhone = randomPhone();
    await addStaff(app.pool, tenant, staffPhone, "482915", "Kemi");
    const customer = randomMobile();
    await app.say(customer, `JOIN ${tenant.vendorCode}`, 2);
    await app.say(customer, "LANGUAGE ig", 2);

    expect(await app.say(staffPhone, "LANGUAGE pcm")).toEqual([pcm.say("language.changed")]);
    expect(await app.say(staffPhone, "STAFF")).toEqual([pcm.say("staff.start", { vendor: tenant.businessName })]);
    expect(await app.say(staffPhone, "482915")).toEqual([
      `${pcm.say("staff.signedIn", { name: "Kemi" })} ${STAFF_MENU_IDS}`,
    ]);
    const local = `0${customer.slice(3)}`;
    expect(await app.say(staffPhone, `LOG ${local} 5000`)).toEqual([
      `${pcm.say("staff.log.confirm", { amount: pcm.naira(500_000), customer: maskPhone(customer), points: 500 })} [YES|NO]`,
    ]);
    const since = app.graph.requests.length;
    expect(await app.say(staffPhone, "oya")).toEqual([
      `${pcm.say("staff.log.done", { amount: pcm.naira(500_000), customer: maskPhone(customer), points: 500, balance: 500 })} ${STAFF_MENU_IDS}`,
    ]);
    await app.repliesTo(customer, 1, since);
    const [notice] = sentBodiesTo(app, customer, since);
    expect(notice).toMatchObject({
      type: "text",
      text: { body: ig.say("customer.pointsEarned", { points: 500, vendor: tenant.businessName, balance: 500 }) },
    });
    expectNoSecretsInLogs(app, [customer, staffPhone, "482915"]);
  });

  it("when a customer outside the 24-hour window reads Yoruba and the vendor named a Yoruba template, then they get it; a Hausa reader without one gets English's", async () => {
    const tenant = await createTestTenant(app.pool, {
      whatsappConfig: {
        points_earned_template: { name: "shop_points", language: "en" },
        points_earned_template_yo: { name: "shop_points_yo", language: "yo" },
      },
    });
    await addSpendRule(app.pool, tenant);
    const staffPhone = randomPhone();
    await addStaff(app.pool, tenant, staffPhone, "561238", "Tunde");
    const yoruba = randomMobile();
    const hausa = randomMobile();
    await chooseLanguageFor(yoruba, "yo");
    await chooseLanguageFor(hausa, "ha");
    await app.say(staffPhone, "STAFF");
    await app.say(staffPhone, "561238");

    for (const [phone, template, code] of [
      [yoruba, "shop_points_yo", "yo"],
      [hausa, "shop_points", "en"],
    ] as const) {
      // Their first purchase here brings the invite (they never joined this vendor); the next one, the points template.
      await app.say(staffPhone, `LOG 0${phone.slice(3)} 3000`);
      const invited = app.graph.requests.length;
      await app.say(staffPhone, "YES");
      await app.repliesTo(phone, 1, invited);
      await app.say(staffPhone, `LOG 0${phone.slice(3)} 3000`);
      const since = app.graph.requests.length;
      await app.say(staffPhone, "YES");
      await app.repliesTo(phone, 1, since);
      expect(sentBodiesTo(app, phone, since)[0]).toMatchObject({
        type: "template",
        template: { name: template, language: { code } },
      });
    }
  });
});

describe("points in the customer's language", () => {
  it("when a Yoruba reader checks a balance with points expiring, then the date is written the Yoruba way", async () => {
    const tenant = await createTestTenant(app.pool, {
      settings: { timezone: "Africa/Lagos", points_expiry_days: 365 },
    });
    const phone = randomPhone();
    await app.say(phone, `JOIN ${tenant.vendorCode}`, 2);
    await app.say(phone, "LANGUAGE yo", 2);
    const customer = await customerOf(app.pool, tenant, phone);
    const soon = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    await givePoints(app.pool, tenant, customer?.id ?? "", 1350, soon);
    expect(await app.say(phone, "BALANCE")).toEqual([
      [
        yo.say("customer.balance.total", { points: 1350 }),
        yo.say("customer.balance.expiring", { points: 1350, date: yo.date(soon.toISOString(), "Africa/Lagos") }),
        yo.say("customer.balance.hint"),
      ].join("\n"),
    ]);
  });
});
