import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { maskPhone } from "../../../src/logger.ts";
import {
  STAFF_MENU_IDS,
  addSpendRule,
  customerOf,
  joinByChat,
  randomMobile,
  sentBodiesTo,
  stopAndClean,
  textSend,
} from "../../helpers/conversationKit.ts";
import { addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

/** Staff `UNDO`: their own last purchase voided within 15 minutes, through the webhook. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await stopAndClean(app);
});

const voidRow = z.object({
  id: z.uuid(),
  voided_at: z.date().nullable(),
  voided_by_user_id: z.uuid().nullable(),
  points_reversed: z.number().nullable(),
});
async function purchasesOf(tenantId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(
      sql.type(
        voidRow,
      )`SELECT id, voided_at, voided_by_user_id, points_reversed FROM purchases WHERE tenant_id = ${tenantId} ORDER BY created_at`,
    ),
  );
}

async function ready() {
  const tenant = await createTestTenant(app.pool);
  await addSpendRule(app.pool, tenant, 0.1);
  const staffPhone = randomPhone();
  const staffId = await addStaff(app.pool, tenant, staffPhone, "739164", "Tunde");
  const customerPhone = randomMobile();
  await joinByChat(app, tenant, customerPhone);
  await app.say(staffPhone, "STAFF");
  await app.say(staffPhone, "739164");
  await app.say(staffPhone, `LOG ${customerPhone} 5000`);
  await app.say(staffPhone, "YES");
  await app.repliesTo(customerPhone, 1);
  return { tenant, staffPhone, staffId, customerPhone };
}

describe("staff UNDO", { timeout: 60_000 }, () => {
  it("when staff send UNDO and YES after logging a purchase, then it is voided, its points taken back and the customer told", async () => {
    const { tenant, staffPhone, staffId, customerPhone } = await ready();
    expect(await app.say(staffPhone, "UNDO")).toEqual([
      `Undo ₦5,000.00 for ${maskPhone(customerPhone)} (500 points)? YES / NO [YES|NO]`,
    ]);
    const since = app.graph.requests.length;
    expect(await app.say(staffPhone, "YES")).toEqual([
      `Undone: ₦5,000.00 for ${maskPhone(customerPhone)}. 500 points taken back; the customer is told. ${STAFF_MENU_IDS}`,
    ]);
    await app.repliesTo(customerPhone, 1, since);
    expect(sentBodiesTo(app, customerPhone, since)).toEqual([
      textSend(
        customerPhone,
        `A purchase of ₦5,000.00 at ${tenant.businessName} was cancelled. 500 points from it were taken back. Your balance is 0 points.`,
      ),
    ]);
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 0, ledger_sum: 0 });
    expect(await purchasesOf(tenant.id)).toEqual([
      { id: expect.any(String), voided_at: expect.any(Date), voided_by_user_id: staffId, points_reversed: 500 },
    ]);
    // A second UNDO finds nothing left to undo.
    expect((await app.say(staffPhone, "UNDO")).join("\n")).toContain("Nothing to undo");
  });

  it("when the purchase is older than 15 minutes, then UNDO finds nothing and the purchase stands", async () => {
    const { tenant, staffPhone } = await ready();
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.uuid() }))`
        UPDATE purchases SET created_at = now() - interval '16 minutes' WHERE tenant_id = ${tenant.id} RETURNING id`),
    );
    expect((await app.say(staffPhone, "UNDO")).join("\n")).toContain("Nothing to undo");
    expect((await purchasesOf(tenant.id)).map((p) => p.voided_at)).toEqual([null]);
  });

  it("when another staff member sends UNDO, then they cannot undo a colleague's purchase", async () => {
    const { tenant } = await ready();
    const otherPhone = randomPhone();
    await addStaff(app.pool, tenant, otherPhone, "246810", "Bola");
    await app.say(otherPhone, "STAFF");
    await app.say(otherPhone, "246810");
    expect((await app.say(otherPhone, "UNDO")).join("\n")).toContain("Nothing to undo");
    expect((await purchasesOf(tenant.id)).map((p) => p.voided_at)).toEqual([null]);
  });

  it("when the purchase was voided by the owner between UNDO and YES, then YES refuses and nothing is taken twice", async () => {
    const { tenant, staffPhone, customerPhone } = await ready();
    await app.say(staffPhone, "UNDO");
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.uuid() }))`
        UPDATE purchases SET voided_at = now(), void_reason = 'by owner', points_reversed = 0, points_shortfall = 0
        WHERE tenant_id = ${tenant.id} RETURNING id`),
    );
    expect((await app.say(staffPhone, "YES")).join("\n")).toContain("Couldn't undo it");
    expect(await customerOf(app.pool, tenant, customerPhone)).toMatchObject({ balance: 500, ledger_sum: 500 });
  });
});
