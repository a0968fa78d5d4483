import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { createBroadcast } from "../../../src/domain/broadcasts/createBroadcast.ts";
import { startBroadcast } from "../../../src/domain/broadcasts/startBroadcast.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { sendExpiryReminders } from "../../../src/jobs/scheduled/sendExpiryReminders.ts";
import { createTestPool, createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";

/** Templates go out in the recipient's language where the tenant named one for it, else in English (issue #18). */
let pool: DatabasePool;
const PHONE_NUMBER_ID = "100000000000001";
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  pool = await createTestPool();
});
afterAll(async () => {
  await pool.end();
});

/** A customer whose contact row holds `language` (null: never chose), with points expiring in 3 days. */
async function addCustomer(tenant: TestTenant, language: string | null): Promise<string> {
  const phone = randomPhone();
  await withPlatform(pool, (tx) =>
    tx.query(sql.type(z.object({ phone_number: z.string() }))`
      INSERT INTO contacts (phone_number, language) VALUES (${phone}, ${language}) RETURNING phone_number`),
  );
  await withTenant(pool, tenant.id, async (tx) => {
    const customerId = await tx.oneFirst(sql.type(z.object({ id: z.string() }))`
      INSERT INTO customers (tenant_id, phone_number, loyalty_status, opted_in) VALUES (${tenant.id}, ${phone}, 'active', true) RETURNING id`);
    await creditPoints(tx, {
      tenantId: tenant.id,
      customerId,
      type: "earned",
      points: 120,
      expiresAt: new Date(Date.now() + 3 * DAY_MS),
      description: "t",
      metadata: {},
    });
  });
  return phone;
}

const outboxRow = z.object({
  contact_phone: z.string(),
  payload: z.object({ name: z.string(), language: z.string(), bodyParams: z.array(z.string()) }).loose(),
});

async function outboxTemplates(
  tenant: TestTenant,
  triggeredBy: string,
): Promise<Map<string, z.infer<typeof outboxRow>["payload"]>> {
  const rows = await withPlatform(pool, (tx) =>
    tx.any(sql.type(outboxRow)`
      SELECT contact_phone, payload FROM whatsapp_messages WHERE tenant_id = ${tenant.id} AND direction = 'outbound' AND triggered_by = ${triggeredBy}`),
  );
  return new Map(rows.map((row) => [row.contact_phone, row.payload]));
}

const config = {
  broadcast_template: { name: "shop_promo", language: "en" },
  broadcast_template_yo: { name: "shop_promo_yo", language: "yo" },
  expiry_reminder_template: { name: "shop_expiring", language: "en" },
  expiry_reminder_template_ha: { name: "shop_expiring_ha", language: "ha" },
};

describe("templates in the recipient's language", () => {
  it("when a broadcast starts, then Yoruba readers get the Yoruba template and everyone else the English one; the vendor's default counts for those who never chose", async () => {
    const tenant = await createTestTenant(pool, {
      whatsappConfig: config,
      settings: { timezone: "Africa/Lagos", language: "yo" },
    });
    const yoruba = await addCustomer(tenant, "yo");
    const hausa = await addCustomer(tenant, "ha");
    const english = await addCustomer(tenant, "en");
    const undecided = await addCustomer(tenant, null);
    const created = await withTenant(pool, tenant.id, (tx) =>
      createBroadcast(tx, {
        tenantId: tenant.id,
        name: "Promo",
        messageContent: "Double points this weekend!",
        targetSegment: {},
        userId: null,
      }),
    );
    if (!created.ok) throw new Error(created.message);
    const started = await withTenant(pool, tenant.id, (tx) =>
      startBroadcast(tx, {
        tenantId: tenant.id,
        broadcastId: created.broadcast.id,
        now: new Date(),
        defaultPhoneNumberId: PHONE_NUMBER_ID,
      }),
    );
    expect(started).toMatchObject({ ok: true, recipients: 4 });
    const sent = await outboxTemplates(tenant, "broadcast");
    expect(sent.get(yoruba)).toMatchObject({
      name: "shop_promo_yo",
      language: "yo",
      bodyParams: [tenant.businessName, "Double points this weekend!"],
    });
    expect(sent.get(undecided)).toMatchObject({ name: "shop_promo_yo", language: "yo" });
    expect(sent.get(hausa)).toMatchObject({ name: "shop_promo", language: "en" });
    expect(sent.get(english)).toMatchObject({ name: "shop_promo", language: "en" });
  });

  it("when expiry reminders go out, then a Hausa reader gets the Hausa template with a Hausa date, and a Yoruba reader without one the English template", async () => {
    const tenant = await createTestTenant(pool, { whatsappConfig: config });
    const hausa = await addCustomer(tenant, "ha");
    const yoruba = await addCustomer(tenant, "yo");
    const result = await withTenant(pool, tenant.id, (tx) =>
      sendExpiryReminders(tx, {
        tenantId: tenant.id,
        now: new Date(),
        timezone: "Africa/Lagos",
        defaultPhoneNumberId: PHONE_NUMBER_ID,
      }),
    );
    expect(result.customersReminded).toBe(2);
    const sent = await outboxTemplates(tenant, "points_expiry_reminder");
    const expiry = new Date(Date.now() + 3 * DAY_MS);
    const hausaDate = new Intl.DateTimeFormat("ha-NG", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "Africa/Lagos",
    }).format(expiry);
    const englishDate = new Intl.DateTimeFormat("en-NG", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "Africa/Lagos",
    }).format(expiry);
    expect(sent.get(hausa)).toMatchObject({
      name: "shop_expiring_ha",
      language: "ha",
      bodyParams: ["120", tenant.businessName, hausaDate, tenant.vendorCode],
    });
    expect(sent.get(yoruba)).toMatchObject({
      name: "shop_expiring",
      language: "en",
      bodyParams: ["120", tenant.businessName, englishDate, tenant.vendorCode],
    });
  });
});
