import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import {
  LANGUAGE_LIST,
  MENU_IDS,
  countCustomers,
  createPlan,
  customerOf,
  expectNoSecretsInLogs,
  givePoints,
  joinByChat,
  languageListSend,
  messagesOf,
  sentBodiesTo,
  stopAndClean,
  uniqueTag,
} from "../../helpers/conversationKit.ts";
import { addReward, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone, type TestTenant } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

const MENU = `What would you like to do? ${MENU_IDS}`;
const DAY_MS = 24 * 60 * 60 * 1000;

function lagosDate(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Africa/Lagos",
  }).format(at);
}

async function joined(tenant?: TestTenant): Promise<{ tenant: TestTenant; phone: string; customerId: string }> {
  const t = tenant ?? (await createTestTenant(app.pool));
  const phone = randomPhone();
  await joinByChat(app, t, phone);
  const customer = await customerOf(app.pool, t, phone);
  if (customer === null) throw new Error("join did not create the customer");
  return { tenant: t, phone, customerId: customer.id };
}

const redemptionRow = z.object({
  redemption_code: z.string(),
  status: z.string().nullable(),
  points_deducted: z.number(),
  reward_id: z.uuid(),
});
async function redemptionsOf(customerId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(
      sql.type(
        redemptionRow,
      )`SELECT redemption_code, status, points_deducted, reward_id FROM reward_redemptions WHERE customer_id = ${customerId}`,
    ),
  );
}

const ledgerRow = z.object({
  transaction_type: z.string(),
  points: z.number(),
  reward_redemption_id: z.uuid().nullable(),
  description: z.string().nullable(),
});
async function ledgerOf(customerId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(
      sql.type(
        ledgerRow,
      )`SELECT transaction_type, points, reward_redemption_id, description FROM points_transactions WHERE customer_id = ${customerId} ORDER BY created_at, id`,
    ),
  );
}

async function stockOf(rewardId: string): Promise<number | null> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        z.object({ stock_quantity: z.number().nullable() }),
      )`SELECT stock_quantity FROM rewards WHERE id = ${rewardId}`,
    ),
  );
}

async function activeTenantOf(phone: string): Promise<string | null> {
  return withPlatform(app.pool, (tx) =>
    tx.maybeOneFirst(
      sql.type(
        z.object({ active_tenant_id: z.uuid().nullable() }),
      )`SELECT active_tenant_id FROM contacts WHERE phone_number = ${phone}`,
    ),
  );
}

describe("JOIN", () => {
  it("when a new person sends JOIN <code>, then they become an opted-in customer and get the welcome, the greeting and the menu", async () => {
    const tenant = await createTestTenant(app.pool, {
      whatsappConfig: { greeting_message: "Show this chat for 5% off today." },
    });
    const phone = randomPhone();
    const since = app.graph.requests.length;

    const replies = await app.say(phone, `join ${tenant.vendorCode.toLowerCase()}`, 2);

    expect(replies).toEqual([
      `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.\n\nShow this chat for 5% off today.`,
      LANGUAGE_LIST,
    ]);
    // A first-time member who never chose a language is offered the list instead of the menu.
    expect(sentBodiesTo(app, phone, since)[1]).toEqual(languageListSend(phone));
    const customer = await customerOf(app.pool, tenant, phone);
    expect(customer).toMatchObject({
      phone_number: phone,
      whatsapp_name: "Ada",
      opted_in: true,
      loyalty_status: "active",
      referred_by_customer_id: null,
      balance: 0,
    });
    expect(customer?.referral_code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await activeTenantOf(phone)).toBe(tenant.id);
    const outbound = (await messagesOf(app.pool, phone)).filter((m) => m.direction === "outbound");
    expect(outbound.map((m) => [m.tenant_id, m.customer_id, m.triggered_by, m.whatsapp_status])).toEqual([
      [tenant.id, customer?.id, "chat:customer", "sent"],
      [tenant.id, customer?.id, "chat:customer", "sent"],
    ]);
    expect(
      app.logs.lines.some((l) => l.msg === "customer joined" && l.tenantId === tenant.id && l.isNew === true),
    ).toBe(true);
    expectNoSecretsInLogs(app, [phone]);
  });

  it("when a customer sends JOIN again, then they are welcomed back and no second customer is created", async () => {
    const { tenant, phone } = await joined();
    expect(await app.say(phone, `JOIN ${tenant.vendorCode}`, 2)).toEqual([
      `Welcome back to ${tenant.businessName}!`,
      MENU,
    ]);
    expect(await countCustomers(app.pool, tenant)).toBe(1);
  });

  it("when the code is unknown, then they are told no vendor has it and nothing is created", async () => {
    const phone = randomPhone();
    const code = `NOPE${uniqueTag().slice(0, 6).toUpperCase()}`;
    expect(await app.say(phone, `JOIN ${code}`)).toEqual([
      `Sorry, there is no vendor with the code "${code}". Check the code on the vendor's QR poster and send JOIN <code> again.`,
    ]);
    expect(await activeTenantOf(phone)).toBeNull();
    const [inbound] = await messagesOf(app.pool, phone);
    expect(inbound).toMatchObject({ direction: "inbound", tenant_id: null, customer_id: null });
  });

  it("when JOIN carries a referral code, then the new customer is referred by its owner", async () => {
    const { tenant, phone: referrerPhone, customerId: referrerId } = await joined();
    const referrer = await customerOf(app.pool, tenant, referrerPhone);
    const friend = randomPhone();

    await app.say(friend, `JOIN ${tenant.vendorCode} ${(referrer?.referral_code ?? "").toLowerCase()}`, 2);

    expect(await customerOf(app.pool, tenant, friend)).toMatchObject({
      referred_by_customer_id: referrerId,
      opted_in: true,
    });
  });

  it("when someone who never joined writes, then they get the platform greeting", async () => {
    expect(await app.say(randomPhone(), "hello")).toEqual([
      "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.",
    ]);
  });
});

describe("customer menu commands", () => {
  it("when a customer sends MENU or HELP, then they get the menu", async () => {
    const { phone } = await joined();
    expect(await app.say(phone, "MENU")).toEqual([MENU]);
    expect(await app.say(phone, " help! ")).toEqual([MENU]);
  });

  it("when a customer sends BALANCE (or POINTS) and the tenant expires points, then they see the balance and the soonest expiry", async () => {
    const tenant = await createTestTenant(app.pool, {
      settings: { timezone: "Africa/Lagos", currency: "NGN", points_expiry_days: 365 },
    });
    const { phone, customerId } = await joined(tenant);
    const soon = new Date(Date.now() + 30 * DAY_MS);
    const later = new Date(Date.now() + 300 * DAY_MS);
    await givePoints(app.pool, tenant, customerId, 1200, later);
    await givePoints(app.pool, tenant, customerId, 150, soon);

    expect(await app.say(phone, "BALANCE")).toEqual([
      `You have 1,350 points.\n150 of them expire on ${lagosDate(soon)}.\nSend REWARDS to see what you can get.`,
    ]);
    expect(await app.say(phone, "points")).toEqual([
      `You have 1,350 points.\n150 of them expire on ${lagosDate(soon)}.\nSend REWARDS to see what you can get.`,
    ]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ balance: 1350, ledger_sum: 1350 });
  });

  it("when a customer's points never expire, then BALANCE shows only the balance", async () => {
    const { tenant, phone, customerId } = await joined();
    await givePoints(app.pool, tenant, customerId, 40);
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 40 points.\nSend REWARDS to see what you can get."]);
  });

  it("when a customer sends REWARDS, then they see the numbered rewards they can afford and the next ones to aim for", async () => {
    const { tenant, phone, customerId } = await joined();
    await addReward(app.pool, tenant, "Free coffee", 100);
    await addReward(app.pool, tenant, "Cake slice", 300);
    await addReward(app.pool, tenant, "Hamper", 1000);
    await givePoints(app.pool, tenant, customerId, 350);

    expect(await app.say(phone, "REWARDS")).toEqual([
      "You have 350 points.\n\nRewards you can get now:\n1. Free coffee (100 points)\n2. Cake slice (300 points)\nSend REDEEM to get one.\n\nNext to aim for:\n- Hamper: 650 more points",
    ]);
  });

  it("when a customer sends REDEEM, a number and YES, then points are deducted, a code is shown, the ledger and stock move", async () => {
    const { tenant, phone, customerId } = await joined();
    await addReward(app.pool, tenant, "Free coffee", 100, 10);
    const cake = await addReward(app.pool, tenant, "Cake slice", 300, 5);
    await givePoints(app.pool, tenant, customerId, 350);

    expect(await app.say(phone, "REDEEM")).toEqual([
      "You have 350 points.\nWhich reward would you like? Reply with its number.\n1. Free coffee (100 points)\n2. Cake slice (300 points) [1|2]",
    ]);
    expect(await app.say(phone, "2")).toEqual(["Redeem Cake slice for 300 points? YES / NO [YES|NO]"]);
    const [done] = await app.say(phone, "yes");

    const [redemption, ...more] = await redemptionsOf(customerId);
    expect(more).toEqual([]);
    expect(redemption).toMatchObject({ status: "pending", points_deducted: 300, reward_id: cake });
    expect(redemption?.redemption_code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(done).toBe(
      `Show this code at the till: ${redemption?.redemption_code ?? ""}\n\nCake slice: 300 points used. You have 50 points left.`,
    );
    expect(await stockOf(cake)).toBe(4);
    const ledger = await ledgerOf(customerId);
    expect(ledger.map((r) => [r.transaction_type, r.points, r.description])).toEqual([
      ["earned", 350, "Welcome gift"],
      ["redeemed", -300, "Redeemed Cake slice"],
    ]);
    expect(ledger[1]?.reward_redemption_id).not.toBeNull();
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ balance: 50, ledger_sum: 50 });
    expectNoSecretsInLogs(app, [phone, redemption?.redemption_code ?? "no-code"]);
  });

  it("when a customer answers NO to the redemption, then nothing is redeemed", async () => {
    const { tenant, phone, customerId } = await joined();
    const coffee = await addReward(app.pool, tenant, "Free coffee", 100, 3);
    await givePoints(app.pool, tenant, customerId, 150);
    await app.say(phone, "REDEEM");
    await app.say(phone, "1");
    expect(await app.say(phone, "no")).toEqual([`OK, nothing redeemed. ${MENU}`]);
    expect(await redemptionsOf(customerId)).toEqual([]);
    expect(await stockOf(coffee)).toBe(3);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ balance: 150, ledger_sum: 150 });
  });

  it("when a customer cannot afford any reward, then REDEEM says how many points are missing", async () => {
    const { tenant, phone } = await joined();
    await addReward(app.pool, tenant, "Hamper", 1000);
    expect(await app.say(phone, "REDEEM")).toEqual([
      "You have 0 points, not enough for a reward yet.\n\nNext to aim for:\n- Hamper: 1,000 more points",
    ]);
  });

  it("when a customer sends CANCEL in the middle of REDEEM, then they are back at the menu and nothing is redeemed", async () => {
    const { tenant, phone, customerId } = await joined();
    await addReward(app.pool, tenant, "Free coffee", 100);
    await givePoints(app.pool, tenant, customerId, 150);
    await app.say(phone, "REDEEM");
    expect(await app.say(phone, "CANCEL")).toEqual([`OK, cancelled. ${MENU}`]);
    // The number no longer picks a reward: it is read at the menu.
    expect(await app.say(phone, "1")).toEqual([
      `Sorry, I didn't understand that. Pick an option, or type a word like BALANCE or REWARDS. ${MENU_IDS}`,
    ]);
    expect(await redemptionsOf(customerId)).toEqual([]);
  });

  it("when a customer sends HISTORY, then they see their last transactions with what caused them", async () => {
    const { tenant, phone, customerId } = await joined();
    expect(await app.say(phone, "HISTORY")).toEqual(["No points activity yet. Buy something to start earning!"]);
    await givePoints(app.pool, tenant, customerId, 350, null, "Welcome gift");
    await addReward(app.pool, tenant, "Free coffee", 100);
    await app.say(phone, "REDEEM");
    await app.say(phone, "1");
    await app.say(phone, "YES");

    const today = lagosDate(new Date());
    expect(await app.say(phone, "HISTORY")).toEqual([
      `Your recent points:\n${today}: -100 (Redeemed Free coffee)\n${today}: +350 (Welcome gift)`,
    ]);
  });

  it("when a customer sends REFER, then they get a wa.me link carrying JOIN <vendor_code> <referral_code>", async () => {
    const { tenant, phone } = await joined();
    const code = (await customerOf(app.pool, tenant, phone))?.referral_code ?? "";
    expect(await app.say(phone, "REFER")).toEqual([
      `Invite friends and earn points when they shop!\nShare this link: https://wa.me/15550000000?text=JOIN%20${tenant.vendorCode}%20${code}\nYour referral code: ${code}`,
    ]);
  });

  it("when a customer of two vendors sends VENDORS and a number, then the active vendor switches", async () => {
    const tag = uniqueTag();
    const alpha = await createTestTenant(app.pool, { businessName: `Alpha Foods ${tag}` });
    const beta = await createTestTenant(app.pool, { businessName: `Beta Salon ${tag}` });
    const phone = randomPhone();
    await joinByChat(app, alpha, phone);
    await joinByChat(app, beta, phone);
    expect(await activeTenantOf(phone)).toBe(beta.id);

    expect(await app.say(phone, "VENDORS")).toEqual([
      `Your vendors. Reply with a number to switch.\n1. Alpha Foods ${tag}\n2. Beta Salon ${tag} (current) [1|2]`,
    ]);
    expect(await app.say(phone, "1")).toEqual([
      `You're now talking to Alpha Foods ${tag}. What would you like to do? ${MENU_IDS}`,
    ]);
    expect(await activeTenantOf(phone)).toBe(alpha.id);

    const alphaCustomer = await customerOf(app.pool, alpha, phone);
    await givePoints(app.pool, alpha, alphaCustomer?.id ?? "", 70);
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 70 points.\nSend REWARDS to see what you can get."]);
    const lastInbound = (await messagesOf(app.pool, phone)).filter((m) => m.direction === "inbound").at(-1);
    expect(lastInbound).toMatchObject({ tenant_id: alpha.id, customer_id: alphaCustomer?.id });

    await app.say(phone, "VENDORS");
    expect(await app.say(phone, "1")).toEqual([
      "You're already talking to that vendor. Send MENU to see what you can do.",
    ]);
  });

  it("when a customer sends STOP and then START, then opted_in flips off and on", async () => {
    const { tenant, phone } = await joined();
    expect(await app.say(phone, "STOP")).toEqual([
      "You won't get offers from us any more. You can still check your points. Send START to get offers again.",
    ]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ opted_in: false });
    // Service replies still work.
    expect(await app.say(phone, "BALANCE")).toEqual(["You have 0 points.\nSend REWARDS to see what you can get."]);
    expect(await app.say(phone, "START")).toEqual(["You'll get our offers again. Send STOP any time to stop them."]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ opted_in: true });
  });

  it("when a customer sends text the bot does not know, then they get a short help menu", async () => {
    const { phone } = await joined();
    expect(await app.say(phone, "what is the meaning of life")).toEqual([
      `Sorry, I didn't understand that. Pick an option, or type a word like BALANCE or REWARDS. ${MENU_IDS}`,
    ]);
    expectNoSecretsInLogs(app, [phone, "what is the meaning of life"]);
  });
});

describe("when the vendor or customer cannot be served", () => {
  it("when the tenant is suspended, then JOIN gets a polite reply and no customer is recorded", async () => {
    const tenant = await createTestTenant(app.pool, { subscriptionStatus: "suspended" });
    const phone = randomPhone();
    expect(await app.say(phone, `JOIN ${tenant.vendorCode}`)).toEqual([
      `${tenant.businessName}'s loyalty program is paused at the moment. Please check back later or speak to the vendor.`,
    ]);
    expect(await countCustomers(app.pool, tenant)).toBe(0);
    expect(await activeTenantOf(phone)).toBeNull();
  });

  it("when a customer's tenant is suspended after they joined, then BALANCE gets a polite reply and their state is untouched", async () => {
    const { tenant, phone, customerId } = await joined();
    const stateBefore = await conversationStateOf(customerId);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(z.object({}).loose())`UPDATE tenants SET subscription_status = 'suspended' WHERE id = ${tenant.id}`,
      ),
    );

    expect(await app.say(phone, "BALANCE")).toEqual([
      `${tenant.businessName}'s loyalty program is paused at the moment. Please check back later or speak to the vendor.`,
    ]);
    expect(await app.say(phone, `JOIN ${tenant.vendorCode}`)).toEqual([
      `${tenant.businessName}'s loyalty program is paused at the moment. Please check back later or speak to the vendor.`,
    ]);
    expect(await conversationStateOf(customerId)).toEqual(stateBefore);
    expect(await ledgerOf(customerId)).toEqual([]);
  });

  it("when a customer is blocked, then every message gets the on-hold reply", async () => {
    const { tenant, phone, customerId } = await joined();
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(z.object({}).loose())`UPDATE customers SET loyalty_status = 'blocked' WHERE id = ${customerId}`,
      ),
    );
    const onHold = `Your membership at ${tenant.businessName} is on hold. Please speak to the vendor.`;
    expect(await app.say(phone, "BALANCE")).toEqual([onHold]);
    expect(await app.say(phone, `JOIN ${tenant.vendorCode}`)).toEqual([onHold]);
  });

  it("when the plan's max_customers is reached, then a new person's JOIN gets a polite 'program is full' and is not recorded", async () => {
    const tenant = await createTestTenant(app.pool, { planSlug: await createPlan(app.pool, 1) });
    await joined(tenant);
    const late = randomPhone();
    expect(await app.say(late, `JOIN ${tenant.vendorCode}`)).toEqual([
      `Sorry, ${tenant.businessName}'s loyalty program is full right now. Please ask the vendor.`,
    ]);
    expect(await countCustomers(app.pool, tenant)).toBe(1);
    expect(await customerOf(app.pool, tenant, late)).toBeNull();
    expect(
      app.logs.lines.some((l) => l.msg === "join refused: plan customer limit reached" && l.tenantId === tenant.id),
    ).toBe(true);
  });
});

async function conversationStateOf(customerId: string): Promise<unknown> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        z.object({ conversation_state: z.unknown() }),
      )`SELECT conversation_state FROM customers WHERE id = ${customerId}`,
    ),
  );
}
