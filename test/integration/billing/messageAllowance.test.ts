import { randomUUID } from "node:crypto";
import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { noRows, sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { startBroadcast } from "../../../src/domain/broadcasts/startBroadcast.ts";
import { getSubscriptionUsage } from "../../../src/domain/subscriptions/getSubscriptionUsage.ts";
import { createTestPool, createTestTenant, randomPhone } from "../../helpers/testContext.ts";

/** The monthly messages rule: marketing (broadcasts) stops at the plan's allowance; service messages never do. */
let pool: DatabasePool;

beforeAll(async () => {
  pool = await createTestPool();
});
afterAll(async () => {
  await pool.end();
});

const idRow = z.object({ id: z.string() });

async function shopWithAllowance(messagesPerMonth: number, customers: number) {
  const slug = `msg-${randomUUID().slice(0, 8)}`;
  await withPlatform(pool, (tx) =>
    tx.query(sql.type(noRows)`
      INSERT INTO subscription_plans (name, slug, price_ngn, billing_period, features, is_active)
      VALUES ('Msg', ${slug}, 100000, 'monthly', ${sql.jsonb({ max_customers: 100, broadcasts_per_month: 10, messages_per_month: messagesPerMonth })}, false)`),
  );
  const tenant = await createTestTenant(pool, { planSlug: slug });
  await withTenant(pool, tenant.id, async (tx) => {
    for (let i = 0; i < customers; i += 1) {
      await tx.query(
        sql.type(
          noRows,
        )`INSERT INTO customers (tenant_id, phone_number, opted_in) VALUES (${tenant.id}, ${randomPhone()}, true)`,
      );
    }
  });
  return tenant.id;
}

async function serviceMessages(tenantId: string, count: number): Promise<void> {
  await withTenant(pool, tenantId, async (tx) => {
    for (let i = 0; i < count; i += 1) {
      await tx.query(sql.type(noRows)`
        INSERT INTO whatsapp_messages (tenant_id, direction, message_type, message_body, contact_phone, whatsapp_status, triggered_by)
        VALUES (${tenantId}, 'outbound', 'text', 'Your balance is 20 points', ${randomPhone()}, 'sent', 'reply')`);
    }
  });
}

async function draftBroadcast(tenantId: string): Promise<string> {
  return withTenant(pool, tenantId, (tx) =>
    tx.oneFirst(sql.type(idRow)`
      INSERT INTO broadcasts (tenant_id, name, message_content, target_segment, status)
      VALUES (${tenantId}, 'Promo', 'Double points today', '{}', 'draft') RETURNING id`),
  );
}

async function start(tenantId: string, broadcastId: string) {
  return withTenant(pool, tenantId, (tx) =>
    startBroadcast(tx, { tenantId, broadcastId, now: new Date(), defaultPhoneNumberId: "109876543210987" }),
  );
}

describe("monthly messages allowance", () => {
  it("when a broadcast would pass the month's allowance, then it is refused with what is left, and nothing is queued", async () => {
    const tenantId = await shopWithAllowance(5, 3);
    await serviceMessages(tenantId, 3);
    const broadcastId = await draftBroadcast(tenantId);
    const refused = await start(tenantId, broadcastId);
    expect(refused).toMatchObject({ ok: false, reason: "plan_limit_reached" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.message).toBe(
      "Your plan allows 5 messages a month; 3 are used and this broadcast needs 3 (2 left). Upgrade your plan or narrow the audience. Replies to customers are never blocked.",
    );
    const queued = await withTenant(pool, tenantId, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ n: z.number() }),
        )`SELECT count(*)::int AS n FROM whatsapp_messages WHERE broadcast_id = ${broadcastId}`,
      ),
    );
    expect(queued).toBe(0);
    const usage = await withTenant(pool, tenantId, (tx) => getSubscriptionUsage(tx, { tenantId, now: new Date() }));
    expect(usage.usage.messagesThisMonth).toEqual({ used: 3, limit: 5 });
  });

  it("when a broadcast fits exactly, then it starts; and service messages past the allowance are still written", async () => {
    const tenantId = await shopWithAllowance(5, 2);
    await serviceMessages(tenantId, 3);
    expect(await start(tenantId, await draftBroadcast(tenantId))).toMatchObject({ ok: true, recipients: 2 });
    // Past the allowance now; replies go on regardless (they are never checked).
    await serviceMessages(tenantId, 2);
    const usage = await withTenant(pool, tenantId, (tx) => getSubscriptionUsage(tx, { tenantId, now: new Date() }));
    expect(usage.usage.messagesThisMonth).toEqual({ used: 7, limit: 5 });
    expect(await start(tenantId, await draftBroadcast(tenantId))).toMatchObject({
      ok: false,
      reason: "plan_limit_reached",
    });
  });
});
