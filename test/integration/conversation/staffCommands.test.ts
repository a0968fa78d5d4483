import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import {
  LANGUAGE_LIST,
  STAFF_MENU_IDS,
  addSpendRule,
  customerOf,
  expectNoSecretsInLogs,
  joinByChat,
  messagesOf,
  sentBodiesTo,
  stopAndClean,
  randomMobile,
  textSend,
} from "../../helpers/conversationKit.ts";
import { addReward, addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone, type TestTenant } from "../../helpers/testContext.ts";
import { maskPhone } from "../../../src/logger.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

/** `2348012345678` → `0801 234 5678`, the way a cashier types it. */
function localForm(phone: string): string {
  const digits = `0${phone.slice(3)}`;
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
}

const purchaseRow = z.object({
  id: z.uuid(),
  customer_id: z.uuid(),
  amount_ngn: z.number(),
  source: z.string().nullable(),
  logged_via: z.string().nullable(),
  logged_by_user_id: z.uuid().nullable(),
  points_awarded: z.number().nullable(),
  idempotency_key: z.string().nullable(),
});
async function purchasesOf(tenant: TestTenant) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(purchaseRow)`
      SELECT id, customer_id, amount_ngn, source, logged_via, logged_by_user_id, points_awarded, idempotency_key
      FROM purchases WHERE tenant_id = ${tenant.id} ORDER BY created_at, id`),
  );
}

const contactRow = z.object({
  staff_tenant_id: z.uuid().nullable(),
  staff_user_id: z.uuid().nullable(),
  staff_session_expires_at: z.date().nullable(),
  pin_failures: z.number(),
  pin_locked_until: z.date().nullable(),
  staff_state: z.unknown(),
});
async function contactOf(phone: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(contactRow)`
      SELECT staff_tenant_id, staff_user_id, staff_session_expires_at, pin_failures, pin_locked_until, staff_state
      FROM contacts WHERE phone_number = ${phone}`),
  );
}

async function staffReady(pin = "739164", tenantOverrides: Parameters<typeof createTestTenant>[1] = {}) {
  const tenant = await createTestTenant(app.pool, tenantOverrides);
  await addSpendRule(app.pool, tenant, 0.1);
  const staffPhone = randomPhone();
  const staffId = await addStaff(app.pool, tenant, staffPhone, pin, "Tunde");
  return { tenant, staffPhone, staffId, pin };
}

async function signIn(staffPhone: string, pin: string): Promise<void> {
  await app.say(staffPhone, "STAFF");
  await app.say(staffPhone, pin);
}

describe("staff: STAFF, PIN, LOG", () => {
  it("when staff send STAFF, the PIN, LOG <phone> <amount> and YES, then the purchase is recorded with its points and the customer is told", async () => {
    const { tenant, staffPhone, staffId, pin } = await staffReady();
    const customerPhone = randomMobile();
    await joinByChat(app, tenant, customerPhone);
    const logText = `LOG ${localForm(customerPhone)} 5,000`;

    expect(await app.say(staffPhone, "STAFF")).toEqual([`${tenant.businessName} staff: enter your PIN.`]);
    const session = await contactOf(staffPhone);
    expect(session).toMatchObject({ staff_tenant_id: tenant.id, staff_user_id: staffId });
    expect(JSON.stringify(session.staff_state)).not.toContain(pin);

    expect(await app.say(staffPhone, pin)).toEqual([`Hi Tunde, you're signed in. What next? ${STAFF_MENU_IDS}`]);
    expect(await app.say(staffPhone, logText)).toEqual([
      `Log ₦5,000.00 for ${maskPhone(customerPhone)} (+500 points)? YES / NO [YES|NO]`,
    ]);
    const sinceYes = app.graph.requests.length;
    expect(await app.say(staffPhone, "YES")).toEqual([
      `Recorded ₦5,000.00 for ${maskPhone(customerPhone)}: +500 points, balance 500. Next: LOG <phone> <amount> ${STAFF_MENU_IDS}`,
    ]);

    await app.repliesTo(customerPhone, 1, sinceYes);
    expect(sentBodiesTo(app, customerPhone, sinceYes)).toEqual([
      textSend(
        customerPhone,
        `🎉 You earned 500 points at ${tenant.businessName}. Your balance is now 500 points. Send BALANCE or REWARDS any time.`,
      ),
    ]);
    const customer = await customerOf(app.pool, tenant, customerPhone);
    expect(customer).toMatchObject({ balance: 500, ledger_sum: 500 });
    const [purchase, ...others] = await purchasesOf(tenant);
    expect(others).toEqual([]);
    const yesMessage = (await messagesOf(app.pool, staffPhone)).filter((m) => m.direction === "inbound").at(-1);
    expect(purchase).toMatchObject({
      customer_id: customer?.id,
      amount_ngn: 500_000,
      source: "whatsapp",
      logged_via: "staff_pin",
      logged_by_user_id: staffId,
      points_awarded: 500,
      idempotency_key: `wa:${yesMessage?.whatsapp_message_id ?? ""}`,
    });
    const notice = (await messagesOf(app.pool, customerPhone)).filter((m) => m.direction === "outbound").at(-1);
    expect(notice).toMatchObject({
      tenant_id: tenant.id,
      customer_id: customer?.id,
      triggered_by: "purchase_confirmation",
      whatsapp_status: "sent",
    });
    expect(
      app.logs.lines.some((l) => l.msg === "purchase logged" && l.tenantId === tenant.id && l.points === 500),
    ).toBe(true);
    expectNoSecretsInLogs(app, [pin, staffPhone, customerPhone, logText, localForm(customerPhone)]);
  });

  it("when a signed-in staff member logs the next purchase, then it takes two messages", async () => {
    const { tenant, staffPhone, pin } = await staffReady();
    const customerPhone = randomMobile();
    await joinByChat(app, tenant, customerPhone);
    await signIn(staffPhone, pin);
    await app.say(staffPhone, `LOG ${customerPhone} 1000`);
    await app.say(staffPhone, "YES");

    expect(await app.say(staffPhone, `log +${customerPhone} N2000`)).toEqual([
      `Log ₦2,000.00 for ${maskPhone(customerPhone)} (+200 points)? YES / NO [YES|NO]`,
    ]);
    expect(await app.say(staffPhone, "yes")).toEqual([
      `Recorded ₦2,000.00 for ${maskPhone(customerPhone)}: +200 points, balance 300. Next: LOG <phone> <amount> ${STAFF_MENU_IDS}`,
    ]);
    expect((await purchasesOf(tenant)).map((p) => [p.amount_ngn, p.points_awarded])).toEqual([
      [100_000, 100],
      [200_000, 200],
    ]);
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 300, ledger_sum: 300 });
  });

  it("when staff log a purchase for someone who never chatted, then the customer is created without marketing consent and invited with a template", async () => {
    const { tenant, staffPhone, pin } = await staffReady();
    const newcomer = randomMobile();
    await signIn(staffPhone, pin);
    expect(await app.say(staffPhone, `LOG ${newcomer} 3000`)).toEqual([
      `Log ₦3,000.00 for ${maskPhone(newcomer)} (+300 points)? YES / NO\nThis is a new customer: they will be joined and told. [YES|NO]`,
    ]);
    const since = app.graph.requests.length;
    await app.say(staffPhone, "YES");

    await app.repliesTo(newcomer, 1, since);
    const [notice] = sentBodiesTo(app, newcomer, since);
    expect(notice).toMatchObject({
      messaging_product: "whatsapp",
      to: newcomer,
      type: "template",
      template: { name: "loyalty_customer_invite", language: { code: "en" } },
    });
    expect(JSON.stringify(notice)).toContain(tenant.businessName);
    expect(JSON.stringify(notice)).toContain(tenant.vendorCode);
    expect(await customerOf(app.pool, tenant, newcomer)).toMatchObject({
      opted_in: false,
      balance: 300,
      ledger_sum: 300,
    });
  });

  it("when the vendor named its own points template, then a customer outside the 24-hour window is told with that template", async () => {
    const { tenant, staffPhone, pin } = await staffReady("739164", {
      whatsappConfig: { points_earned_template: { name: "mama_put_points", language: "en_GB" } },
    });
    const newcomer = randomMobile();
    await signIn(staffPhone, pin);
    // The first purchase invites them (they never joined); the second is told with the vendor's template.
    await app.say(staffPhone, `LOG ${newcomer} 3000`);
    const invited = app.graph.requests.length;
    await app.say(staffPhone, "YES");
    await app.repliesTo(newcomer, 1, invited);
    await app.say(staffPhone, `LOG ${newcomer} 3000`);
    const since = app.graph.requests.length;
    await app.say(staffPhone, "YES");

    await app.repliesTo(newcomer, 1, since);
    const [notice] = sentBodiesTo(app, newcomer, since);
    expect(notice).toMatchObject({
      to: newcomer,
      type: "template",
      template: { name: "mama_put_points", language: { code: "en_GB" } },
    });
    expect(JSON.stringify(notice)).toContain(tenant.businessName);
  });

  it("when staff answer NO, then nothing is logged", async () => {
    const { tenant, staffPhone, pin } = await staffReady();
    await signIn(staffPhone, pin);
    await app.say(staffPhone, `LOG ${randomMobile()} 3000`);
    expect(await app.say(staffPhone, "NO")).toEqual([`Not logged. What next? ${STAFF_MENU_IDS}`]);
    expect(await purchasesOf(tenant)).toEqual([]);
  });

  it("when the PIN is wrong, then staff are told how many tries are left, nothing is logged, and the right PIN still works", async () => {
    const { tenant, staffPhone, pin } = await staffReady("482913");
    await app.say(staffPhone, "STAFF");
    expect(await app.say(staffPhone, "111111")).toEqual(["That PIN is not right. 4 tries left. Enter your PIN:"]);
    expect((await contactOf(staffPhone)).pin_failures).toBe(1);
    expect(await app.say(staffPhone, `LOG ${randomPhone()} 3000`)).toEqual([
      "Your PIN is 4 to 6 digits, for example 1234. Enter your PIN:",
    ]);
    expect(await purchasesOf(tenant)).toEqual([]);
    expect(await app.say(staffPhone, pin)).toEqual([`Hi Tunde, you're signed in. What next? ${STAFF_MENU_IDS}`]);
    expect((await contactOf(staffPhone)).pin_failures).toBe(0);
    expectNoSecretsInLogs(app, [pin, "111111", staffPhone]);
  });

  it("when the PIN is wrong five times, then the staff chat is locked and an audit row is written", async () => {
    const { tenant, staffPhone } = await staffReady("582046");
    await app.say(staffPhone, "STAFF");
    for (const left of [4, 3, 2, 1]) {
      expect(await app.say(staffPhone, "000000")).toEqual([
        `That PIN is not right. ${left} ${left === 1 ? "try" : "tries"} left. Enter your PIN:`,
      ]);
    }
    expect(await app.say(staffPhone, "000000")).toEqual([
      "Too many wrong PINs. The staff chat is locked; try again in 15 minutes.",
    ]);
    const contact = await contactOf(staffPhone);
    expect(contact).toMatchObject({ staff_tenant_id: null, staff_user_id: null });
    expect(contact.pin_locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const [reply] = await app.say(staffPhone, "STAFF");
    expect(reply).toMatch(/^Too many wrong PINs\. Staff chat is locked until /);
    const audits = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(
        sql.type(z.object({ action: z.string() }))`SELECT action FROM audit_logs WHERE tenant_id = ${tenant.id}`,
      ),
    );
    expect(audits).toContain("staff.pin_locked");
  }, 60_000);

  it("when a number that is not staff sends STAFF, then it is told so and no session opens", async () => {
    const phone = randomPhone();
    expect(await app.say(phone, "STAFF")).toEqual([
      "This number is not set up as staff. Ask the owner to add your phone number and a PIN.",
    ]);
    expect(await contactOf(phone)).toMatchObject({ staff_tenant_id: null, staff_session_expires_at: null });
  });

  it("when staff send EXIT, then the session ends and their next message is a customer's", async () => {
    const { tenant, staffPhone, pin } = await staffReady();
    await signIn(staffPhone, pin);
    expect(await app.say(staffPhone, "EXIT")).toEqual(["Staff session ended. Thank you!"]);
    expect(await contactOf(staffPhone)).toMatchObject({
      staff_tenant_id: null,
      staff_user_id: null,
      staff_session_expires_at: null,
    });
    expect(await app.say(staffPhone, `JOIN ${tenant.vendorCode}`, 2)).toEqual([
      `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.`,
      LANGUAGE_LIST,
    ]);
  });
});

describe("staff: VERIFY", () => {
  it("when staff send VERIFY <code> and YES, then the customer's redemption is fulfilled", async () => {
    const { tenant, staffPhone, staffId, pin } = await staffReady();
    const rewardId = await addReward(app.pool, tenant, "Free drink", 150, 10);
    const customerPhone = randomMobile();
    await joinByChat(app, tenant, customerPhone);
    await signIn(staffPhone, pin);
    await app.say(staffPhone, `LOG ${customerPhone} 2000`);
    await app.say(staffPhone, "YES");
    await app.say(customerPhone, "REDEEM");
    await app.say(customerPhone, "1");
    const [shown] = await app.say(customerPhone, "YES");
    const code = /code at the till: ([A-Z0-9]+)/.exec(shown ?? "")?.[1] ?? "";
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    expect(
      await app.say(staffPhone, `verify ${code.toLowerCase().slice(0, 4)}-${code.toLowerCase().slice(4)}`),
    ).toEqual([`Code ${code}: Free drink for ${maskPhone(customerPhone)}. Give it now? YES / NO [YES|NO]`]);
    expect(await app.say(staffPhone, "YES")).toEqual([
      `Done: ${code} is marked as given. What next? ${STAFF_MENU_IDS}`,
    ]);

    const redemption = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(
        z.object({
          status: z.string().nullable(),
          verified_by_user_id: z.uuid().nullable(),
          fulfilled_at: z.date().nullable(),
          reward_id: z.uuid(),
        }),
      )`
        SELECT status, verified_by_user_id, fulfilled_at, reward_id FROM reward_redemptions WHERE redemption_code = ${code}`),
    );
    expect(redemption).toMatchObject({ status: "fulfilled", verified_by_user_id: staffId, reward_id: rewardId });
    expect(redemption.fulfilled_at).toBeInstanceOf(Date);
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 50, ledger_sum: 50 });

    expect(await app.say(staffPhone, `VERIFY ${code}`)).toEqual([
      `Code ${code} (Free drink) is fulfilled, nothing to give. ${STAFF_MENU_IDS}`,
    ]);
    expect(await app.say(staffPhone, "VERIFY ZZZZ9999")).toEqual([
      `No redemption has that code. Check it and send VERIFY <code> again. ${STAFF_MENU_IDS}`,
    ]);
    expectNoSecretsInLogs(app, [pin, staffPhone, customerPhone, code]);
  }, 60_000);
});
