import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import {
  addSpendRule,
  customerOf,
  expectNoSecretsInLogs,
  givePoints,
  joinByChat,
  randomMobile,
  sentBodiesTo,
  stopAndClean,
  textSend,
} from "../../helpers/conversationKit.ts";
import { addStaff, createTestTenant, startTestApp, textPayload, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone, type TestTenant } from "../../helpers/testContext.ts";

/**
 * Issue 20 in chat, through the webhook: the VIP tier in BALANCE, the one "moved up" message
 * after a staff-logged purchase, MY DATA across vendors, and DELETE MY DATA with its YES.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

const TIERS = [
  { name: "Silver", min_points: 500, multiplier: 2 },
  { name: "Gold", min_points: 2000, multiplier: 3 },
];

async function tieredTenant(): Promise<TestTenant> {
  return createTestTenant(app.pool, { settings: { timezone: "Africa/Lagos", currency: "NGN", tiers: TIERS } });
}

async function joined(tenant: TestTenant): Promise<{ phone: string; customerId: string }> {
  const phone = randomMobile();
  await joinByChat(app, tenant, phone);
  const customer = await customerOf(app.pool, tenant, phone);
  if (customer === null) throw new Error("join did not create the customer");
  return { phone, customerId: customer.id };
}

describe("tiers in chat", () => {
  it("when a customer below, inside and at the top of the tiers sends BALANCE, then they see their level and the points to the next", async () => {
    const tenant = await tieredTenant();
    const { phone, customerId } = await joined(tenant);

    await givePoints(app.pool, tenant, customerId, 40);
    expect(await app.say(phone, "BALANCE")).toEqual([
      "You have 40 points.\nEarn 460 more points to reach Silver.\nSend REWARDS to see what you can get.",
    ]);
    await givePoints(app.pool, tenant, customerId, 560);
    expect(await app.say(phone, "BALANCE")).toEqual([
      "You have 600 points.\n⭐ Your level: Silver.\nEarn 1,400 more points to reach Gold.\nSend REWARDS to see what you can get.",
    ]);
    await givePoints(app.pool, tenant, customerId, 1400);
    expect(await app.say(phone, "BALANCE")).toEqual([
      "You have 2,000 points.\n⭐ Your level: Gold.\nThat is the top level. Thank you for being with us!\nSend REWARDS to see what you can get.",
    ]);
  });

  it("when the vendor has no tiers, then BALANCE has no tier lines", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await givePoints(app.pool, tenant, customerId, 900);
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 900 points.\nSend REWARDS to see what you can get."]);
  });

  it("when a staff-logged purchase moves a customer up, then they are told once in their language, and the next purchase earns the multiplier", async () => {
    const tenant = await tieredTenant();
    await addSpendRule(app.pool, tenant, 0.1);
    const staffPhone = randomPhone();
    await addStaff(app.pool, tenant, staffPhone, "739164", "Tunde");
    const { phone } = await joined(tenant);
    await app.say(phone, "LANGUAGE pcm", 2);

    await app.say(staffPhone, "STAFF");
    await app.say(staffPhone, "739164");
    await app.say(staffPhone, `LOG ${phone} 5000`);
    const since = app.graph.requests.length;
    await app.say(staffPhone, "YES");
    await app.repliesTo(phone, 2, since);
    const told = sentBodiesTo(app, phone, since);
    expect(told[1]).toEqual(
      textSend(
        phone,
        `🌟 Congrats! You don reach Silver for ${tenant.businessName}. From now, every buy go give you 2 times the points.`,
      ),
    );

    // ₦1,000 is 100 points, 200 at Silver; no second tier message.
    await app.say(staffPhone, `LOG ${phone} 1000`);
    const sinceSecond = app.graph.requests.length;
    expect(await app.say(staffPhone, "YES")).toEqual([expect.stringContaining("+200 points, balance 700")]);
    await app.repliesTo(phone, 1, sinceSecond);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentBodiesTo(app, phone, sinceSecond)).toHaveLength(1);
    expect(await tierOf(tenant, phone)).toBe("Silver");
  });
});

async function tierOf(tenant: TestTenant, phone: string): Promise<string | null> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ tier_name: z.string().nullable() }))`
      SELECT tier_name FROM customers WHERE tenant_id = ${tenant.id} AND phone_number = ${phone}
    `),
  );
}

const erasedRow = z.object({
  phone_number: z.string(),
  whatsapp_name: z.string().nullable(),
  birth_date: z.string().nullable(),
  opted_in: z.boolean().nullable(),
  deleted_at: z.date().nullable(),
  balance: z.number(),
  ledger: z.number(),
});
async function customerRowsById(ids: readonly string[]) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(erasedRow)`
      SELECT c.phone_number, c.whatsapp_name, c.birth_date::text AS birth_date, c.opted_in, c.deleted_at,
             COALESCE((SELECT current_balance FROM customer_points_balance b WHERE b.customer_id = c.id), 0) AS balance,
             (SELECT COALESCE(sum(points), 0) FROM points_transactions t WHERE t.customer_id = c.id) AS ledger
      FROM customers c WHERE c.id = ANY(${sql.array(ids, "uuid")}) ORDER BY c.created_at
    `),
  );
}

async function contactExists(phone: string): Promise<boolean> {
  return withPlatform(app.pool, (tx) =>
    tx.exists(sql.type(z.object({ one: z.number() }))`SELECT 1 AS one FROM contacts WHERE phone_number = ${phone}`),
  );
}

async function setBirthDate(customerId: string, date: string): Promise<void> {
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.type(z.object({ id: z.uuid() }))`
      UPDATE customers SET birth_date = ${date}::date WHERE id = ${customerId} RETURNING id
    `),
  );
}

describe("MY DATA and DELETE MY DATA", () => {
  it("when a customer of two vendors sends MY DATA, then they get what each vendor holds", async () => {
    const first = await createTestTenant(app.pool);
    const second = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(first);
    await joinByChat(app, second, phone);
    await givePoints(app.pool, first, customerId, 120);
    await setBirthDate(customerId, "2000-03-14");

    const [answer, ...more] = await app.say(phone, "my data");
    expect(more).toEqual([]);
    const names = [first.businessName, second.businessName].sort();
    expect(answer).toContain("This is what we hold about your number, shop by shop:");
    expect(answer?.indexOf(`*${names[0]}*`)).toBeLessThan(answer?.indexOf(`*${names[1]}*`) ?? 0);
    expect(answer).toContain("Birthday: 14 March");
    expect(answer).toContain("Name: Ada");
    expect(answer).toMatch(/0 purchases, 120 points, \d+ messages/u);
    expect(answer).toContain("Offers and news: on");
    expect(answer).toContain("Send DELETE MY DATA to erase it.");
  });

  it("when someone who is no customer sends MY DATA or DELETE MY DATA, then they are told nothing is held", async () => {
    const phone = randomMobile();
    expect(await app.say(phone, "MY DATA")).toEqual(["We hold no loyalty data for your number."]);
    expect(await app.say(phone, "DELETE MY DATA")).toEqual(["We hold no loyalty data for your number."]);
  });

  it("when the answer to DELETE MY DATA is not YES, then nothing is erased and the next message is ordinary again", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await givePoints(app.pool, tenant, customerId, 75);

    expect(await app.say(phone, "DELETE MY DATA")).toEqual([
      "This erases your name, number, birthday and messages at 1 shop. Your points there will be lost and you will get no more messages. Reply YES to erase, or anything else to keep everything.",
    ]);
    expect(await app.say(phone, "no")).toEqual(["Nothing was erased. Your data and points are as they were."]);
    expect(await customerRowsById([customerId])).toEqual([
      expect.objectContaining({ phone_number: phone, deleted_at: null }),
    ]);
    // The question is gone: YES now goes to the customer menu, not to the erasure.
    await app.say(phone, "YES");
    expect(await customerRowsById([customerId])).toEqual([
      expect.objectContaining({ phone_number: phone, balance: 75 }),
    ]);
  });

  it("when the YES comes after the question lapsed (10 minutes), then nothing is erased", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await app.say(phone, "DELETE MY DATA");
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ phone_number: z.string() }))`
        UPDATE contacts SET data_erase_requested_at = now() - interval '11 minutes' WHERE phone_number = ${phone} RETURNING phone_number
      `),
    );
    await app.say(phone, "YES");
    expect(await customerRowsById([customerId])).toEqual([
      expect.objectContaining({ phone_number: phone, deleted_at: null }),
    ]);
  });

  it("when a customer of two vendors sends DELETE MY DATA and YES, then both profiles are anonymised, the ledgers stay balanced, the contact and message bodies are gone", async () => {
    const first = await createTestTenant(app.pool);
    const second = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(first);
    await joinByChat(app, second, phone);
    const secondId = (await customerOf(app.pool, second, phone))?.id ?? "";
    await givePoints(app.pool, first, customerId, 300);
    await givePoints(app.pool, second, secondId, 45);
    await setBirthDate(customerId, "1990-02-28");

    expect(await app.say(phone, "Delete my data")).toEqual([
      expect.stringContaining("at 2 shops. Your points there will be lost"),
    ]);
    expect(await app.say(phone, "YES")).toEqual([
      "Done: your data is erased. If you write to us again, you start as a new customer.",
    ]);

    const rows = await customerRowsById([customerId, secondId]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.phone_number).not.toContain(phone.slice(-7));
      expect(row).toMatchObject({ whatsapp_name: null, birth_date: null, opted_in: false });
      expect(row.deleted_at).toBeInstanceOf(Date);
      expect(row.balance).toBe(row.ledger);
    }
    expect(rows.map((row) => row.balance)).toEqual([300, 45]);
    expect(await contactExists(phone)).toBe(false);
    const bodies = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(sql.type(z.object({ message_body: z.string().nullable() }))`
        SELECT message_body FROM whatsapp_messages
        WHERE direction = 'inbound' AND (contact_phone = ${phone} OR customer_id = ANY(${sql.array([customerId, secondId], "uuid")}))
      `),
    );
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.every((body) => body === null)).toBe(true);
    const audits = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ count: z.number() }))`
        SELECT count(*)::int AS count FROM audit_logs WHERE tenant_id IN (${first.id}, ${second.id}) AND action LIKE '%erase%'
      `),
    );
    expect(audits).toBe(2);
    // Writing again starts afresh, as a stranger.
    expect(await app.say(phone, "hello")).toEqual([expect.stringContaining("To join a loyalty program")]);
    expectNoSecretsInLogs(app, [phone]);
  });
});

const birthdayRow = z.object({
  birth_date: z.string().nullable(),
  birthday_asked_at: z.date().nullable(),
  birthday_declined_at: z.date().nullable(),
});
async function birthdayOf(customerId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(birthdayRow)`
      SELECT birth_date::text AS birth_date, birthday_asked_at, birthday_declined_at FROM customers WHERE id = ${customerId}
    `),
  );
}

async function setPurchases(customerId: string, count: number): Promise<void> {
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.type(z.object({ id: z.uuid() }))`
      UPDATE customers SET total_purchases = ${count} WHERE id = ${customerId} RETURNING id
    `),
  );
}

const ASK =
  "🎂 We would love to celebrate your birthday with you! Send the day and month, for example 14 March or 14/03. Reply NO if you would rather not.";

describe("DELETE MY DATA under a flood", () => {
  it("when YES arrives in one delivery with more messages after it, then the erasure holds and the rest are dropped unread", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await givePoints(app.pool, tenant, customerId, 60);
    await app.say(phone, "DELETE MY DATA");
    const since = app.graph.requests.length;
    const base = Math.floor(Date.now() / 1000);
    const payload = textPayload({
      from: phone,
      text: "YES",
      id: `wamid.yes.${customerId}`,
      phoneNumberId: app.phoneNumberId,
      timestamp: base,
    });
    const first = payload.entry[0]?.changes[0]?.value;
    const yes = first?.messages[0];
    if (first === undefined || yes === undefined) throw new Error("payload shape");
    first.messages = [
      yes,
      ...["hello", "BALANCE", "MY DATA"].map((body, n) => ({
        ...yes,
        id: `wamid.after.${n}.${customerId}`,
        timestamp: String(base + n + 1),
        text: { body },
      })),
    ];
    expect((await app.postWebhook(payload)).status).toBe(200);
    await app.repliesTo(phone, 1, since);
    expect(sentBodiesTo(app, phone, since)[0]).toEqual(
      textSend(phone, "Done: your data is erased. If you write to us again, you start as a new customer."),
    );
    const [row] = await customerRowsById([customerId]);
    expect(row?.deleted_at).toBeInstanceOf(Date);
    expect(row?.balance).toBe(60);
    expect(await contactExists(phone)).toBe(false);
    // The messages after YES were erased with everything else and are not answered.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const pending = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ count: z.number() }))`
        SELECT count(*)::int AS count FROM whatsapp_messages WHERE whatsapp_message_id LIKE ${`wamid.after.%.${customerId}`} AND processed_at IS NULL
      `),
    );
    expect(pending).toBe(0);
    const closed = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ error_code: z.string().nullable(), message_body: z.string().nullable() }))`
        SELECT error_code, message_body FROM whatsapp_messages WHERE whatsapp_message_id LIKE ${`wamid.after.%.${customerId}`}
      `),
    );
    expect(closed).toEqual(Array.from({ length: 3 }, () => ({ error_code: "erased", message_body: null })));
  });
});

describe("BIRTHDAY", () => {
  it("when a customer sends BIRTHDAY, a bad date and then 29/02, then they are asked again with an example and the date is stored", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    expect(await app.say(phone, "BIRTHDAY")).toEqual([
      "🎂 When is your birthday? Send the day and month, for example 14 March or 14/03. Send CANCEL to stop.",
    ]);
    expect(await app.say(phone, "31/04")).toEqual([
      "I could not read that date. Send the day and month, for example 14 March or 14/03, or CANCEL.",
    ]);
    expect(await app.say(phone, "29/02")).toEqual([
      "Thank you! Your birthday is saved: 29 February. Send MENU for more.",
    ]);
    expect((await birthdayOf(customerId)).birth_date).toBe("2000-02-29");
    // Typed again with the date, it changes.
    await app.say(phone, "birthday 14 March");
    expect((await birthdayOf(customerId)).birth_date).toBe("2000-03-14");
  });

  it("when CANCEL follows BIRTHDAY, then nothing is stored", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await app.say(phone, "BIRTHDAY");
    await app.say(phone, "CANCEL");
    expect((await birthdayOf(customerId)).birth_date).toBeNull();
  });

  it("when a customer with three purchases writes, then they are asked once; NO is stored and they are never asked again", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await setPurchases(customerId, 2);
    expect(await app.say(phone, "BALANCE")).toHaveLength(1);
    await setPurchases(customerId, 3);
    expect(await app.say(phone, "BALANCE", 2)).toEqual([
      "You have 0 points.\nSend REWARDS to see what you can get.",
      ASK,
    ]);
    expect(await app.say(phone, "no")).toEqual(["No problem, we will not ask again. You can send BIRTHDAY any time."]);
    const stored = await birthdayOf(customerId);
    expect(stored.birthday_declined_at).toBeInstanceOf(Date);
    await setPurchases(customerId, 4);
    const since = app.graph.requests.length;
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 0 points.\nSend REWARDS to see what you can get."]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentBodiesTo(app, phone, since)).toHaveLength(1);
  });

  it("when the asked customer answers with something else, then they are not asked again; a date given then is stored", async () => {
    const tenant = await createTestTenant(app.pool);
    const { phone, customerId } = await joined(tenant);
    await setPurchases(customerId, 5);
    expect((await app.say(phone, "MENU", 2))[1]).toBe(ASK);
    await app.say(phone, "REWARDS");
    expect((await birthdayOf(customerId)).birthday_asked_at).toBeInstanceOf(Date);
    expect(await app.say(phone, "BALANCE")).toHaveLength(1);

    const second = await joined(tenant);
    await setPurchases(second.customerId, 3);
    await app.say(second.phone, "hi", 2);
    expect(await app.say(second.phone, "14 March")).toEqual([
      "Thank you! Your birthday is saved: 14 March. Send MENU for more.",
    ]);
    expect((await birthdayOf(second.customerId)).birth_date).toBe("2000-03-14");
  });
});
