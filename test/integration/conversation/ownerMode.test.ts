import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { adjustPoints } from "../../../src/domain/ledger/adjustPoints.ts";
import { logPurchase } from "../../../src/domain/purchases/logPurchase.ts";
import { maskPhone } from "../../../src/logger.ts";
import { call } from "../api/apiHelpers.ts";
import {
  addSpendRule,
  customerOf,
  expectNoSecretsInLogs,
  joinByChat,
  randomMobile,
  sentBodiesTo,
  stopAndClean,
} from "../../helpers/conversationKit.ts";
import { addOwner, addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";

/**
 * Owner mode through the webhook (issue #15): OWNER + PIN, the commands with the domain
 * functions behind them, mode switches, the session checks, and the one-time dashboard link.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await stopAndClean(app);
});

async function ownerReady(pin = "246813") {
  const tenant = await createTestTenant(app.pool);
  await addSpendRule(app.pool, tenant, 0.1);
  const ownerPhone = randomMobile();
  const ownerId = await addOwner(app.pool, tenant, ownerPhone, pin);
  return { tenant, ownerPhone, ownerId, pin };
}

async function signIn(ownerPhone: string, pin: string): Promise<void> {
  await app.say(ownerPhone, "OWNER");
  const [menu] = await app.say(ownerPhone, pin);
  expect(menu).toContain("you're in owner mode");
}

const contactRow = z.object({
  owner_tenant_id: z.uuid().nullable(),
  owner_user_id: z.uuid().nullable(),
  staff_user_id: z.uuid().nullable(),
  pin_failures: z.number(),
  pin_locked_until: z.date().nullable(),
  owner_state: z.unknown(),
});
async function contactOf(phone: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(contactRow)`
      SELECT owner_tenant_id, owner_user_id, staff_user_id, pin_failures, pin_locked_until, owner_state FROM contacts WHERE phone_number = ${phone}`),
  );
}

/** `2348031234567` → `0803 123 4567`, the way an owner types it. */
function localForm(phone: string): string {
  const digits = `0${phone.slice(3)}`;
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
}

describe("owner mode", { timeout: 120_000 }, () => {
  it("when the owner adds staff in chat, the staff member sets a PIN and logs a purchase, then TODAY shows it, VOID reverses it and BROADCAST reaches the customer", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    const customerPhone = randomMobile();
    await joinByChat(app, tenant, customerPhone);
    await signIn(ownerPhone, pin);

    // ADD STAFF: the new staff member is told (a template: they never wrote to the bot).
    const staffPhone = randomMobile();
    const sinceAdd = app.graph.requests.length;
    const [added] = await app.say(ownerPhone, `ADD STAFF ${localForm(staffPhone)} Tunde Bello`);
    expect(added).toContain(`Added Tunde Bello (${maskPhone(staffPhone)}) as staff.`);
    await app.repliesTo(staffPhone, 1, sinceAdd);
    expect(sentBodiesTo(app, staffPhone, sinceAdd)).toEqual([
      expect.objectContaining({
        type: "template",
        template: expect.objectContaining({ name: "loyalty_staff_invite" }),
      }),
    ]);

    // The staff member's first STAFF: choose a PIN typed twice, then LOG.
    expect((await app.say(staffPhone, "STAFF")).join("\n")).toContain("Choose your staff PIN");
    expect((await app.say(staffPhone, "5791")).join("\n")).toContain("same PIN again");
    expect((await app.say(staffPhone, "5791")).join("\n")).toContain("Your PIN is saved. Hi Tunde Bello");
    await app.say(staffPhone, `LOG ${customerPhone} 5000`);
    const [logged] = await app.say(staffPhone, "YES");
    expect(logged).toContain("Recorded ₦5,000.00");
    const stored = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ staff_pin_hash: z.string().nullable(), pin_setup_until: z.date().nullable() }))`
        SELECT staff_pin_hash, pin_setup_until FROM vendor_users WHERE phone_number = ${staffPhone}`),
    );
    expect(stored.staff_pin_hash).not.toContain("5791");
    expect(stored.pin_setup_until).toBeNull();

    // TODAY shows the staff member's purchase.
    const [today] = await app.say(ownerPhone, "TODAY");
    expect(today).toContain("Today: 1 purchase, ₦5,000.00, 500 points given");

    // The customer spends 400 of the 500 points before the owner voids the purchase.
    const customer = await customerOf(app.pool, tenant, customerPhone);
    if (customer === null) throw new Error("customer missing");
    await withTenant(app.pool, tenant.id, async (tx) => {
      const owner = await tx.oneFirst(
        sql.type(z.object({ id: z.uuid() }))`SELECT id FROM vendor_users WHERE phone_number = ${ownerPhone}`,
      );
      const spent = await adjustPoints(tx, {
        tenantId: tenant.id,
        customerId: customer.id,
        points: -400,
        reason: "Spent at the till",
        userId: owner,
      });
      expect(spent.ok).toBe(true);
    });
    const [list] = await app.say(ownerPhone, "VOID");
    expect(list).toContain("Which purchase should be voided?");
    expect(list).toMatch(/\[1\]$/);
    const [listSent] = sentBodiesTo(app, ownerPhone).slice(-1);
    expect(JSON.stringify(listSent)).toContain(`1. ₦5,000.00 ${maskPhone(customerPhone).slice(-4)}`);
    const [confirm] = await app.say(ownerPhone, "1");
    expect(confirm).toContain(`Void ₦5,000.00 for ${maskPhone(customerPhone)}`);
    const sinceVoid = app.graph.requests.length;
    const [voided] = await app.say(ownerPhone, "YES");
    expect(voided).toContain("100 points taken back; 400 were already spent and could not be. Their balance is 0");
    await app.repliesTo(customerPhone, 1, sinceVoid);
    expect(sentBodiesTo(app, customerPhone, sinceVoid)).toEqual([
      expect.objectContaining({
        type: "text",
        text: {
          body: `A purchase of ₦5,000.00 at ${tenant.businessName} was cancelled. 100 points from it were taken back. Your balance is 0 points.`,
        },
      }),
    ]);
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 0, ledger_sum: 0 });
    const purchase = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(
        z.object({
          voided_at: z.date().nullable(),
          points_reversed: z.number().nullable(),
          points_shortfall: z.number().nullable(),
        }),
      )`
        SELECT voided_at, points_reversed, points_shortfall FROM purchases WHERE tenant_id = ${tenant.id}`),
    );
    expect(purchase).toEqual({ voided_at: expect.any(Date), points_reversed: 100, points_shortfall: 400 });
    expect((await app.say(ownerPhone, "TODAY"))[0]).toContain("Today: 0 purchases");

    // BROADCAST: audience and allowance, then YES sends it through the broadcast sender.
    const [preview] = await app.say(ownerPhone, "BROADCAST Double points this Saturday!");
    expect(preview).toContain(
      "This goes to 1 customer who accept offers. Your plan allows 100 a month and you've sent 0.",
    );
    const sinceBroadcast = app.graph.requests.length;
    const [sending] = await app.say(ownerPhone, "YES");
    expect(sending).toContain("Sending to 1 customer now.");
    await app.repliesTo(customerPhone, 1, sinceBroadcast);
    const [broadcast] = sentBodiesTo(app, customerPhone, sinceBroadcast);
    expect(broadcast).toMatchObject({ type: "template", template: { name: "loyalty_broadcast" } });
    expect(JSON.stringify(broadcast)).toContain("Double points this Saturday!");
    const audits = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(
        sql.type(
          z.object({ action: z.string() }),
        )`SELECT action FROM audit_logs WHERE tenant_id = ${tenant.id} ORDER BY created_at`,
      ),
    );
    expect(audits).toEqual(
      expect.arrayContaining(["staff.created", "staff.pin_changed", "purchase.voided", "broadcast.sent"]),
    );
    expectNoSecretsInLogs(app, [pin, "5791", ownerPhone, staffPhone, customerPhone]);
  });

  it("when a vendor registered in chat sends OWNER with the PIN chosen at sign-up, then owner mode opens, TODAY counts the new customer and RATE changes the sign-up's rule", async () => {
    const phone = randomMobile();
    const tag = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
    const code = `${tag}KITCHEN`.slice(0, 12);
    await app.say(phone, "REGISTER");
    for (const answer of [`${tag} Kitchen`, "YES", "Ngozi Okafor", "4821", "4821", "2", "SKIP"])
      await app.say(phone, answer);
    await app.say(phone, "YES", 2);
    const customerPhone = randomMobile();
    await app.say(customerPhone, `JOIN ${code}`, 2);
    expect((await app.say(phone, "OWNER"))[0]).toBe(`${tag} Kitchen owner: enter your PIN.`);
    expect((await app.say(phone, "4821"))[0]).toContain("Hi Ngozi Okafor, you're in owner mode");
    expect((await app.say(phone, `ADD STAFF ${localForm(customerPhone)} Chidi`))[0]).toContain("Added Chidi");
    expect((await app.say(phone, "TODAY"))[0]).toContain("Today: 0 purchases, ₦0.00, 0 points given, 1 new customer");
    expect((await app.say(phone, "RATE 3"))[0]).toContain("Change earning to 3 points");
    expect((await app.say(phone, "YES"))[0]).toContain("now earn 3 points per ₦100 spent (it was 2 points)");
  });

  it("when the PIN is wrong five times, then the owner chat is locked with an audit row, and OWNER stays refused", async () => {
    const { tenant, ownerPhone, ownerId } = await ownerReady("135790");
    await app.say(ownerPhone, "OWNER");
    for (const left of [4, 3, 2, 1]) {
      expect(await app.say(ownerPhone, "111111")).toEqual([
        `That PIN is not right. ${left} ${left === 1 ? "try" : "tries"} left. Enter your PIN:`,
      ]);
    }
    const [locked] = await app.say(ownerPhone, "111111");
    expect(locked).toMatch(/^Too many wrong PINs. The owner chat is locked; try again in 1[45] minutes\.$/);
    const contact = await contactOf(ownerPhone);
    expect(contact).toMatchObject({ owner_tenant_id: null, pin_failures: 5, pin_locked_until: expect.any(Date) });
    const audit = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ action: z.string(), entity_id: z.uuid().nullable() }))`
        SELECT action, entity_id FROM audit_logs WHERE tenant_id = ${tenant.id} AND action = 'owner.pin_locked'`),
    );
    expect(audit).toEqual([{ action: "owner.pin_locked", entity_id: ownerId }]);
    expect((await app.say(ownerPhone, "OWNER"))[0]).toContain("Owner chat is locked until");
    // The right PIN does not help while locked: the lock is the phone's.
    expect((await app.say(ownerPhone, "135790"))[0]).not.toContain("owner mode");
  });

  it("when someone who owns nothing sends OWNER, then they get a clear no and no session", async () => {
    const tenant = await createTestTenant(app.pool);
    const phone = randomMobile();
    await joinByChat(app, tenant, phone);
    const [no] = await app.say(phone, "OWNER");
    expect(no).toContain("This number is not the owner of a business here.");
    expect((await contactOf(phone)).owner_tenant_id).toBeNull();
    // A staff member is not an owner either.
    const staffPhone = randomMobile();
    await addStaff(app.pool, tenant, staffPhone, "4321");
    expect((await app.say(staffPhone, "OWNER"))[0]).toContain("not the owner");
  });

  it("when the owner removes a staff member, then that staff member's open session ends at once", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    const staffPhone = randomMobile();
    await addStaff(app.pool, tenant, staffPhone, "4321", "Bola");
    await app.say(staffPhone, "STAFF");
    expect((await app.say(staffPhone, "4321"))[0]).toContain("Hi Bola");
    await signIn(ownerPhone, pin);
    expect((await app.say(ownerPhone, "STAFF LIST"))[0]).toContain(`1. Bola (${maskPhone(staffPhone)})`);
    expect((await app.say(ownerPhone, "REMOVE STAFF 1"))[0]).toContain("Bola is removed");
    expect((await contactOf(staffPhone)).staff_user_id).toBeNull();
    const after = await app.say(staffPhone, `LOG ${randomMobile()} 2000`);
    expect(after.join("\n")).not.toContain("Log ₦2,000.00");
    expect(
      await withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(
            z.object({ n: z.number() }),
          )`SELECT count(*)::int AS n FROM purchases WHERE tenant_id = ${tenant.id}`,
        ),
      ),
    ).toBe(0);
    expect((await app.say(staffPhone, "STAFF"))[0]).toContain("not set up as staff");
  });

  it("when the owner is disabled or their phone changes mid-session, then the next message ends the session", async () => {
    const { ownerPhone, ownerId, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.uuid() }),
        )`UPDATE vendor_users SET phone_number = ${randomMobile()} WHERE id = ${ownerId} RETURNING id`,
      ),
    );
    expect((await app.say(ownerPhone, "TODAY"))[0]).toBe("Your owner session has ended. Send OWNER to start again.");
    expect((await contactOf(ownerPhone)).owner_tenant_id).toBeNull();
  });

  it("when the owner switches to STAFF and back to OWNER and EXITs, then each mode takes over and EXIT leads back to the customer menu", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    await joinByChat(app, tenant, ownerPhone);
    await signIn(ownerPhone, pin);
    expect((await app.say(ownerPhone, "STAFF"))[0]).toBe(`${tenant.businessName} staff: enter your PIN.`);
    expect((await contactOf(ownerPhone)).owner_tenant_id).toBeNull();
    expect((await app.say(ownerPhone, "OWNER"))[0]).toBe(`${tenant.businessName} owner: enter your PIN.`);
    expect((await contactOf(ownerPhone)).staff_user_id).toBeNull();
    await app.say(ownerPhone, pin);
    expect((await app.say(ownerPhone, "EXIT"))[0]).toContain("Owner mode ended");
    expect((await app.say(ownerPhone, "BALANCE"))[0]).toMatch(/points/i);
    expect((await contactOf(ownerPhone)).owner_tenant_id).toBeNull();
  });

  it("when the owner changes rewards and the rate in chat, then the catalog and the earning rule change", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    expect((await app.say(ownerPhone, "ADD REWARD 300 Free small chops"))[0]).toContain(
      "Added: Free small chops for 300 points",
    );
    expect((await app.say(ownerPhone, "REWARDS"))[0]).toContain("1. Free small chops: 300 points");
    expect((await app.say(ownerPhone, "PAUSE REWARD 1"))[0]).toContain("Paused: Free small chops");
    expect((await app.say(ownerPhone, "RATE 2"))[0]).toContain("Change earning to 2 points per ₦100 spent");
    expect((await app.say(ownerPhone, "YES"))[0]).toContain("now earn 2 points per ₦100 spent (it was 10 points)");
    const state = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ active: z.boolean(), rate: z.number() }))`
        SELECT (SELECT is_active FROM rewards WHERE tenant_id = ${tenant.id}) AS active,
               (SELECT (config->>'points_per_ngn')::float8 FROM points_rules WHERE tenant_id = ${tenant.id}) AS rate`),
    );
    expect(state).toEqual({ active: false, rate: 0.02 });
    expect((await app.say(ownerPhone, "PAUSE REWARD 9"))[0]).toContain("There is no reward number 9");
  });

  it("when the owner's YES to a void is delivered twice, then the purchase is voided once", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    const customerPhone = randomMobile();
    await joinByChat(app, tenant, customerPhone);
    await withTenant(app.pool, tenant.id, (tx) =>
      logPurchase(tx, {
        tenantId: tenant.id,
        customerPhone,
        amountKobo: 300_000,
        source: "api",
        loggedVia: "api_key",
        loggedByUserId: null,
        idempotencyKey: null,
        now: new Date(),
      }),
    );
    await signIn(ownerPhone, pin);
    await app.say(ownerPhone, "VOID");
    await app.say(ownerPhone, "1");
    const wamid = `wamid.test.replay.${randomBytes(6).toString("hex")}`;
    const since = app.graph.requests.length;
    await app.sendText(ownerPhone, "YES", { id: wamid });
    await app.repliesTo(ownerPhone, 1, since);
    await app.sendText(ownerPhone, "YES", { id: wamid });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ voids: z.number(), reversals: z.number() }))`
        SELECT (SELECT count(*)::int FROM audit_logs WHERE tenant_id = ${tenant.id} AND action = 'purchase.voided') AS voids,
               (SELECT count(*)::int FROM points_transactions WHERE tenant_id = ${tenant.id} AND transaction_type = 'adjusted') AS reversals`),
    );
    expect(rows).toEqual({ voids: 1, reversals: 1 });
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 0, ledger_sum: 0 });
  });

  it("when the programme is suspended, then owner mode still opens and reads work, but changes are refused", async () => {
    const tenant = await createTestTenant(app.pool, { subscriptionStatus: "suspended" });
    const ownerPhone = randomMobile();
    await addOwner(app.pool, tenant, ownerPhone, "864213");
    await signIn(ownerPhone, "864213");
    expect((await app.say(ownerPhone, "TODAY"))[0]).toContain("Today: 0 purchases");
    expect((await app.say(ownerPhone, "ADD REWARD 100 Free drink"))[0]).toContain("Your programme is paused");
    expect(
      await withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM rewards WHERE tenant_id = ${tenant.id}`,
        ),
      ),
    ).toBe(0);
  });

  it("when the owner types huge or negative numbers, then an example comes back and nothing changes", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    expect((await app.say(ownerPhone, "ADD REWARD -5 Free drink"))[0]).toContain(
      "for example: ADD REWARD 500 Free drink",
    );
    expect((await app.say(ownerPhone, "ADD REWARD 99999999999 Car"))[0]).toContain(
      "for example: ADD REWARD 500 Free drink",
    );
    expect((await app.say(ownerPhone, "RATE 100000"))[0]).toContain("for example: RATE 2");
    expect((await app.say(ownerPhone, "REMOVE STAFF 99999"))[0]).toContain("There is no staff member number 99999");
    expect(
      await withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM rewards WHERE tenant_id = ${tenant.id}`,
        ),
      ),
    ).toBe(0);
  });

  it("when the owner sends QR and PLAN, then the join link and the plan's usage come back", async () => {
    const { tenant, ownerPhone, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    const since = app.graph.requests.length;
    const qr = await app.say(ownerPhone, "QR", 2);
    expect(qr[0]).toContain(`https://wa.me/15550000000?text=JOIN%20${tenant.vendorCode}`);
    expect(qr[1]).toBe(
      `image:Your QR poster: print it at A5 and put it where customers pay. Code: ${tenant.vendorCode}`,
    );
    const [upload] = app.graph.requests.slice(since).filter((r) => r.endpoint === "media");
    expect(upload?.upload?.fileType).toBe("image/png");
    const [plan] = await app.say(ownerPhone, "PLAN");
    expect(plan).toContain("Plan: Growth (active)");
    expect(plan).toContain("Staff: 0 of 10");
    expect(plan).toContain("Broadcasts this month: 0 of 100");
    expect(plan).not.toContain("Pay or upgrade");

    // With an invoice to pay, PLAN carries its checkout link (the sandbox Paystack here).
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.uuid() }))`
        INSERT INTO tenant_invoices (tenant_id, invoice_number, amount_ngn, total_amount_ngn, billing_period_start, billing_period_end, status)
        VALUES (${tenant.id}, ${`INV-OWN-${tenant.id.slice(0, 8)}`}, 500000, 500000, CURRENT_DATE, CURRENT_DATE + 30, 'pending')
        RETURNING id`),
    );
    const [withInvoice] = await app.say(ownerPhone, "PLAN");
    expect(withInvoice).toMatch(/Pay or upgrade: http:\/\/127\.0\.0\.1:\d+\/sandbox\/paystack\S*/);
  });
});

describe("owner LOGIN link", { timeout: 120_000 }, () => {
  const tokenBody = z.object({ token: z.string(), token_type: z.literal("Bearer") });

  async function loginLink(ownerPhone: string): Promise<string> {
    const [reply] = await app.say(ownerPhone, "LOGIN");
    const match = /\/dashboard\/login#([A-Za-z0-9_-]+)/.exec(reply ?? "");
    if (match?.[1] === undefined) throw new Error(`no link in ${reply}`);
    return match[1];
  }

  it("when the owner opens the LOGIN link, then it signs them in once and a second use is refused", async () => {
    const { tenant, ownerPhone, ownerId, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    const token = await loginLink(ownerPhone);
    const stored = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(
        sql.type(
          z.object({ token_hash: z.string() }),
        )`SELECT token_hash FROM login_links WHERE vendor_user_id = ${ownerId}`,
      ),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
    const both = await Promise.all(
      [1, 2].map(() => call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
    const ok = both.find((r) => r.status === 200);
    const jwt = tokenBody.parse(ok?.body).token;
    const me = await call(app, "get", "/api/v1/me", { token: jwt });
    expect(me.body).toMatchObject({ tenant_id: tenant.id, user_id: ownerId, role: "owner" });
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token } })).status).toBe(401);
    expectNoSecretsInLogs(app, [token]);
  });

  it("when the link is older than 10 minutes, unknown or malformed, then it answers 401 or 400", async () => {
    const { ownerPhone, ownerId, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    const token = await loginLink(ownerPhone);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.uuid() }),
        )`UPDATE login_links SET expires_at = now() - interval '1 second' WHERE vendor_user_id = ${ownerId} RETURNING id`,
      ),
    );
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token } })).status).toBe(401);
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token: "A".repeat(43) } })).status).toBe(
      401,
    );
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token: "short" } })).status).toBe(400);
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token, extra: 1 } })).status).toBe(400);
  });

  it("when the owner was disabled after the link was sent, then the link does not sign in", async () => {
    const { ownerPhone, ownerId, pin } = await ownerReady();
    await signIn(ownerPhone, pin);
    const token = await loginLink(ownerPhone);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.uuid() }),
        )`UPDATE vendor_users SET is_active = false WHERE id = ${ownerId} RETURNING id`,
      ),
    );
    expect((await call(app, "post", "/api/v1/auth/whatsapp-link", { body: { token } })).status).toBe(401);
  });
});
