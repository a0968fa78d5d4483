import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { describePersonalData } from "../../../src/domain/dataPortability/describePersonalData.ts";
import { erasePersonalData } from "../../../src/domain/dataPortability/erasePersonalData.ts";
import { logPurchase } from "../../../src/domain/purchases/logPurchase.ts";
import { createTestPool, createTestTenant, randomPhone } from "../../helpers/testContext.ts";
import { expectLedgerConsistent } from "./domainFixtures.ts";

let pool: DatabasePool;

beforeAll(async () => {
  pool = await createTestPool();
});
afterAll(async () => {
  await pool.end();
});

const idRow = z.object({ id: z.string() });

async function seedPerson(phone: string, name: string) {
  const tenants = [await createTestTenant(pool), await createTestTenant(pool)];
  for (const tenant of tenants) {
    const bought = await withTenant(pool, tenant.id, (tx) =>
      logPurchase(tx, {
        tenantId: tenant.id,
        customerPhone: phone,
        amountKobo: 300_000,
        source: "whatsapp",
        loggedVia: "staff_pin",
        loggedByUserId: null,
        idempotencyKey: null,
        now: new Date(),
      }),
    );
    if (!bought.ok) throw new Error("purchase failed");
    await withTenant(pool, tenant.id, (tx) =>
      tx.query(sql.type(idRow)`
        UPDATE customers SET first_name = ${name}, email = ${`${name.toLowerCase()}@mail.test`}, birth_date = '1991-02-03', whatsapp_name = ${name},
          notes = ${`likes jollof, call ${phone}`}, tags = '["vip"]'::jsonb
        WHERE phone_number = ${phone} RETURNING id`),
    );
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(idRow)`
        INSERT INTO whatsapp_messages (tenant_id, customer_id, direction, message_type, message_body, contact_phone, payload, whatsapp_status, processed_at)
        SELECT ${tenant.id}, id, 'inbound', 'text', ${`hi it's ${name}`}, ${phone}, ${sql.jsonb({ from: phone, text: { body: `hi it's ${name}` } })}, NULL, now()
        FROM customers WHERE tenant_id = ${tenant.id} AND phone_number = ${phone}
        RETURNING id`),
    );
  }
  await withPlatform(pool, (tx) =>
    tx.query(sql.type(idRow)`
      INSERT INTO contacts (phone_number, whatsapp_name, active_tenant_id) VALUES (${phone}, ${name}, ${tenants[0]?.id ?? null})
      ON CONFLICT (phone_number) DO UPDATE SET whatsapp_name = EXCLUDED.whatsapp_name RETURNING phone_number AS id`),
  );
  return tenants;
}

/** Every row of the tables that hold personal data, as JSON text, that mentions any needle. */
async function rowsMentioning(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of [
    "customers",
    "whatsapp_messages",
    "contacts",
    "purchases",
    "points_transactions",
    "audit_logs",
  ]) {
    const rows = await withPlatform(pool, (tx) =>
      tx.anyFirst(
        sql.type(z.object({ row: z.string() }))`SELECT row_to_json(t)::text AS row FROM ${sql.identifier([table])} t`,
      ),
    );
    for (const row of rows)
      if (needles.some((needle) => row.includes(needle))) found.push(`${table}: ${row.slice(0, 200)}`);
  }
  return found;
}

describe("personal data (NDPR)", () => {
  it("when a person asks what is held, then each vendor's profile, consent and counts are listed", async () => {
    const phone = randomPhone();
    const tenants = await seedPerson(phone, "Ngozi");
    const held = await withPlatform(pool, (tx) => describePersonalData(tx, phone));
    expect(held).toHaveLength(2);
    expect(held.map((entry) => entry.vendorCode).sort()).toEqual(tenants.map((tenant) => tenant.vendorCode).sort());
    expect(held[0]).toMatchObject({
      name: "Ngozi",
      email: "ngozi@mail.test",
      birthDate: "1991-02-03",
      balance: 30,
      purchases: 1,
      messages: 1,
    });
  });

  it("when a person's data is erased, then no row anywhere holds their number, name, email or words, and each vendor's ledger still balances", async () => {
    const phone = randomPhone();
    const tenants = await seedPerson(phone, "Chiamaka");
    const before = await rowsMentioning([phone, "Chiamaka", "chiamaka@mail.test"]);
    expect(before.length).toBeGreaterThan(0);

    const result = await withPlatform(pool, (tx) => erasePersonalData(tx, { phone, now: new Date() }));
    expect(result).toEqual({ customersErased: 2, messagesScrubbed: 2 });
    expect(await rowsMentioning([phone, "Chiamaka", "chiamaka@mail.test"])).toEqual([]);
    expect(await withPlatform(pool, (tx) => describePersonalData(tx, phone))).toEqual([]);

    for (const tenant of tenants) {
      await expectLedgerConsistent(pool, tenant.id);
      const kept = await withTenant(pool, tenant.id, (tx) =>
        tx.one(sql.type(z.object({ purchases: z.number(), points: z.number(), audits: z.number() }))`
          SELECT (SELECT count(*)::int FROM purchases) AS purchases,
                 (SELECT COALESCE(sum(points), 0)::int FROM points_transactions) AS points,
                 (SELECT count(*)::int FROM audit_logs WHERE action = 'customer.personal_data_erased') AS audits`),
      );
      expect(kept).toEqual({ purchases: 1, points: 30, audits: 1 });
    }
    // The same number can join again afterwards as a new customer.
    const again = await withTenant(pool, tenants[0]?.id ?? "", (tx) =>
      logPurchase(tx, {
        tenantId: tenants[0]?.id ?? "",
        customerPhone: phone,
        amountKobo: 100_000,
        source: "whatsapp",
        loggedVia: "staff_pin",
        loggedByUserId: null,
        idempotencyKey: null,
        now: new Date(),
      }),
    );
    expect(again).toMatchObject({ ok: true, customerCreated: true });
  });
});
