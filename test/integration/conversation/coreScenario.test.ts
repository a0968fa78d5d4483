import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { maskPhone } from "../../../src/logger.ts";
import {
  LANGUAGE_LIST,
  STAFF_MENU_IDS,
  addSpendRule,
  customerOf,
  expectNoSecretsInLogs,
  jobData,
  languageListSend,
  messagesOf,
  sentBodiesTo,
  stopAndClean,
  randomMobile,
  textSend,
} from "../../helpers/conversationKit.ts";
import {
  addReward,
  addStaff,
  createTestTenant,
  startTestApp,
  type QueueBackend,
  type TestApp,
} from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

const backends: QueueBackend[] = ["redis", "postgres"];

describe.each(backends)("core scenario on the %s queue backend", (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ backend });
  });

  afterAll(async () => {
    await stopAndClean(app);
  });

  it("when a customer joins, staff log a purchase and the customer redeems, then every reply, row and job is right", async () => {
    expect(app.runtime.queues.kind).toBe(backend);
    const tenant = await createTestTenant(app.pool);
    await addSpendRule(app.pool, tenant, 0.1);
    const rewardId = await addReward(app.pool, tenant, "Jollof plate", 400, 3);
    const customer = randomMobile();
    const staff = randomPhone();
    const pin = "604182";
    const staffId = await addStaff(app.pool, tenant, staff, pin, "Kemi");

    // The customer joins.
    const joinSince = app.graph.requests.length;
    const joinReplies = await app.say(customer, `JOIN ${tenant.vendorCode}`, 2);
    expect(joinReplies).toEqual([
      `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.`,
      LANGUAGE_LIST,
    ]);
    expect(sentBodiesTo(app, customer, joinSince)).toEqual([
      textSend(customer, `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.`),
      languageListSend(customer),
    ]);

    // Staff log a ₦5,000 purchase: 500 points.
    expect(await app.say(staff, "STAFF")).toEqual([`${tenant.businessName} staff: enter your PIN.`]);
    expect(await app.say(staff, pin)).toEqual([`Hi Kemi, you're signed in. What next? ${STAFF_MENU_IDS}`]);
    expect(await app.say(staff, `LOG ${customer} 5000`)).toEqual([
      `Log ₦5,000.00 for ${maskPhone(customer)} (+500 points)? YES / NO [YES|NO]`,
    ]);
    const logSince = app.graph.requests.length;
    expect(await app.say(staff, "YES")).toEqual([
      `Recorded ₦5,000.00 for ${maskPhone(customer)}: +500 points, balance 500. Next: LOG <phone> <amount> ${STAFF_MENU_IDS}`,
    ]);
    await app.repliesTo(customer, 1, logSince);
    expect(sentBodiesTo(app, customer, logSince)).toEqual([
      textSend(
        customer,
        `🎉 You earned 500 points at ${tenant.businessName}. Your balance is now 500 points. Send BALANCE or REWARDS any time.`,
      ),
    ]);

    // The customer redeems.
    expect(await app.say(customer, "REDEEM")).toEqual([
      `You have 500 points.\nWhich reward would you like? Reply with its number.\n1. Jollof plate (400 points) [1]`,
    ]);
    expect(await app.say(customer, "1")).toEqual(["Redeem Jollof plate for 400 points? YES / NO [YES|NO]"]);
    const [codeReply] = await app.say(customer, "YES");
    const code = /code at the till: ([A-Z0-9]{8})/.exec(codeReply ?? "")?.[1] ?? "";
    expect(codeReply).toBe(
      `Show this code at the till: ${code}\n\nJollof plate: 400 points used. You have 100 points left.`,
    );

    // Staff verify the code.
    expect(await app.say(staff, `VERIFY ${code}`)).toEqual([
      `Code ${code}: Jollof plate for ${maskPhone(customer)}. Give it now? YES / NO [YES|NO]`,
    ]);
    expect(await app.say(staff, "YES")).toEqual([`Done: ${code} is marked as given. What next? ${STAFF_MENU_IDS}`]);

    // Database: customer, purchase, ledger, redemption, stock, outbox.
    const row = await customerOf(app.pool, tenant, customer);
    expect(row).toMatchObject({ balance: 100, ledger_sum: 100, opted_in: true });
    const facts = await withTenant(app.pool, tenant.id, async (tx) => ({
      purchases: await tx.any(sql.type(
        z.object({
          amount_ngn: z.number(),
          source: z.string().nullable(),
          logged_via: z.string().nullable(),
          logged_by_user_id: z.uuid().nullable(),
          points_awarded: z.number().nullable(),
        }),
      )`
        SELECT amount_ngn, source, logged_via, logged_by_user_id, points_awarded FROM purchases`),
      ledger: await tx.any(sql.type(z.object({ transaction_type: z.string(), points: z.number() }))`
        SELECT transaction_type, points FROM points_transactions ORDER BY created_at, id`),
      redemption: await tx.one(sql.type(
        z.object({
          status: z.string().nullable(),
          verified_by_user_id: z.uuid().nullable(),
          points_deducted: z.number(),
        }),
      )`
        SELECT status, verified_by_user_id, points_deducted FROM reward_redemptions WHERE redemption_code = ${code}`),
      stock: await tx.oneFirst(
        sql.type(
          z.object({ stock_quantity: z.number().nullable() }),
        )`SELECT stock_quantity FROM rewards WHERE id = ${rewardId}`,
      ),
    }));
    expect(facts).toEqual({
      purchases: [
        {
          amount_ngn: 500_000,
          source: "whatsapp",
          logged_via: "staff_pin",
          logged_by_user_id: staffId,
          points_awarded: 500,
        },
      ],
      ledger: [
        { transaction_type: "earned", points: 500 },
        { transaction_type: "redeemed", points: -400 },
      ],
      redemption: { status: "fulfilled", verified_by_user_id: staffId, points_deducted: 400 },
      stock: 2,
    });
    const outbound = (await messagesOf(app.pool, customer)).filter((m) => m.direction === "outbound");
    expect(outbound.map((m) => m.whatsapp_status)).toEqual(["sent", "sent", "sent", "sent", "sent", "sent"]);
    expect(outbound.every((m) => m.whatsapp_message_id?.startsWith("wamid.") === true)).toBe(true);
    const lastOut = outbound.at(-1);
    // Replies are sent by the worker that wrote them (no outbound job per reply).
    expect(await jobData(app, "outbound", `out-${lastOut?.id ?? ""}`)).toBeNull();
    const unprocessed = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ n: z.number() }))`
        SELECT count(*)::int AS n FROM whatsapp_messages WHERE contact_phone IN (${customer}, ${staff}) AND direction = 'inbound' AND processed_at IS NULL`),
    );
    expect(unprocessed).toBe(0);

    // Logs: the story is there, the secrets are not.
    expect(app.logs.lines.some((l) => l.msg === "customer joined" && l.tenantId === tenant.id)).toBe(true);
    expect(
      app.logs.lines.some((l) => l.msg === "purchase logged" && l.tenantId === tenant.id && l.points === 500),
    ).toBe(true);
    expect(app.logs.lines.some((l) => l.msg === "redemption fulfilled" && l.tenantId === tenant.id)).toBe(true);
    expectNoSecretsInLogs(app, [customer, staff, pin, code, `LOG ${customer} 5000`]);
  }, 60_000);
});
