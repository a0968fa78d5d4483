import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { insertOutboxMessage } from "../../src/db/whatsappMessages.ts";
import { withPlatform, withTenant } from "../../src/db/withTenant.ts";
import { creditPoints } from "../../src/domain/ledger/creditPoints.ts";
import { OUTBOUND_QUEUE } from "../../src/queues/messageQueues.ts";
import { SHARED_PHONE_NUMBER_ID, type TestApp } from "./testApp.ts";
import { testDatabaseUrl, type TestTenant } from "./testContext.ts";
import { claimUniquePhone } from "./uniquePhone.ts";

/** Where the WhatsApp sample payloads live (Meta's documented shapes; see their README). */
export const FIXTURES_DIR =
  process.env.WHATSAPP_FIXTURES_DIR ?? fileURLToPath(new URL("../fixtures/whatsapp/", import.meta.url));
/** The customer numbers and vendor code the fixtures carry. */
export const FIXTURE_PHONE = "2348012345678";
export const FIXTURE_SECOND_PHONE = "2348098765432";
export const FIXTURE_VENDOR_CODE = "ABC123";

/**
 * A fixture's raw text with its phone numbers, wamids and vendor code swapped for the test's own,
 * so every test has its own people and messages in the shared database.
 */
export function loadFixture(
  name: string,
  swap: { phone?: string; secondPhone?: string; vendorCode?: string; wamidTag?: string; phoneNumberId?: string } = {},
): string {
  let raw = readFileSync(`${FIXTURES_DIR}/${name}`, "utf8");
  if (swap.phone !== undefined) raw = raw.replaceAll(FIXTURE_PHONE, swap.phone);
  if (swap.secondPhone !== undefined) raw = raw.replaceAll(FIXTURE_SECOND_PHONE, swap.secondPhone);
  if (swap.vendorCode !== undefined) raw = raw.replaceAll(FIXTURE_VENDOR_CODE, swap.vendorCode);
  if (swap.wamidTag !== undefined) raw = raw.replaceAll("wamid.", `wamid.${swap.wamidTag}.`);
  if (swap.phoneNumberId !== undefined) raw = raw.replaceAll(SHARED_PHONE_NUMBER_ID, swap.phoneNumberId);
  return raw;
}

/**
 * A random Nigerian mobile number (0803…) as a WhatsApp id. Staff type customers' numbers, and
 * the parser rightly refuses non-mobile ranges that `randomPhone` can produce (0800 is toll-free).
 */
export function randomMobile(): string {
  return claimUniquePhone(testDatabaseUrl(), () => `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`);
}

/** A short unique tag for wamids. */
export function uniqueTag(): string {
  return randomUUID().replaceAll("-", "").slice(0, 12);
}

/** The JSON a Graph API text send carries (whatsapp-api-js omits the optional `recipient_type`). */
export function textSend(to: string, body: string) {
  return { messaging_product: "whatsapp", to, type: "text", text: { body } };
}

/** The customer menu as a list message, exactly as the Graph API receives it. */
export function menuSend(to: string, body: string) {
  const rows = [
    { id: "BALANCE", title: "My points", description: "Your points and when they expire" },
    { id: "REWARDS", title: "Rewards", description: "Rewards you can get with your points" },
    { id: "REDEEM", title: "Redeem a reward", description: "Use your points and get a code for the till" },
    { id: "HISTORY", title: "History", description: "Your recent points activity" },
    { id: "REFER", title: "Refer a friend", description: "Share your link and earn points" },
    { id: "VENDORS", title: "My vendors", description: "See or switch the vendors you belong to" },
    { id: "STOP", title: "Stop offers", description: "No more promotional messages" },
    { id: "START", title: "Get offers", description: "Receive promotional messages again" },
  ];
  return {
    messaging_product: "whatsapp",
    to,
    type: "interactive",
    interactive: {
      type: "list",
      body: { text: body },
      action: { button: "Menu", sections: [{ title: "Menu", rows }] },
    },
  };
}

export const MENU_IDS = "[BALANCE|REWARDS|REDEEM|HISTORY|REFER|VENDORS|STOP|START]";
/** The language list a person gets after their first JOIN (or LANGUAGE), as textOf shows it. */
export const LANGUAGE_LIST =
  "Which language should I use? You can change it any time: send LANGUAGE. [LANGUAGE en|LANGUAGE pcm|LANGUAGE yo|LANGUAGE ha|LANGUAGE ig]";

/** The language list as the Graph API receives it, in English. */
export function languageListSend(to: string) {
  const rows = [
    { id: "LANGUAGE en", title: "English", description: "English" },
    { id: "LANGUAGE pcm", title: "Pidgin", description: "Nigerian Pidgin" },
    { id: "LANGUAGE yo", title: "Yorùbá", description: "Yoruba" },
    { id: "LANGUAGE ha", title: "Hausa", description: "Hausa" },
    { id: "LANGUAGE ig", title: "Igbo", description: "Igbo" },
  ];
  return {
    messaging_product: "whatsapp",
    to,
    type: "interactive",
    interactive: {
      type: "list",
      body: { text: "Which language should I use? You can change it any time: send LANGUAGE." },
      action: { button: "Language", sections: [{ title: "Language", rows }] },
    },
  };
}
export const STAFF_MENU_IDS = "[LOG|VERIFY|EXIT]";

/** The bodies the fake Graph API received for one recipient, from index `since`. */
export function sentBodiesTo(app: TestApp, to: string, since = 0): unknown[] {
  return app.graph.requests
    .slice(since)
    .map((r) => r.body)
    .filter(
      (body) =>
        z
          .object({ to: z.literal(to) })
          .loose()
          .safeParse(body).success,
    );
}

/** Polls `check` until it stops throwing (or the deadline passes, then throws its last error). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export const messageRow = z.object({
  id: z.uuid(),
  tenant_id: z.uuid().nullable(),
  customer_id: z.uuid().nullable(),
  direction: z.string(),
  message_type: z.string(),
  message_body: z.string().nullable(),
  whatsapp_message_id: z.string().nullable(),
  whatsapp_status: z.string().nullable(),
  contact_phone: z.string().nullable(),
  business_phone_number_id: z.string().nullable(),
  processed_at: z.date().nullable(),
  payload: z.unknown(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  attempts: z.number(),
  sent_at: z.date().nullable(),
  delivered_at: z.date().nullable(),
  read_at: z.date().nullable(),
  failed_at: z.date().nullable(),
  triggered_by: z.string().nullable(),
});
export type MessageRow = z.infer<typeof messageRow>;

const messageColumns = sql.fragment`id, tenant_id, customer_id, direction, message_type, message_body, whatsapp_message_id,
  whatsapp_status, contact_phone, business_phone_number_id, processed_at, payload, error_code, error_message, attempts,
  sent_at, delivered_at, read_at, failed_at, triggered_by`;

/** Every whatsapp_messages row of one phone (inbox and outbox), in the order written. */
export async function messagesOf(pool: DatabasePool, phone: string): Promise<readonly MessageRow[]> {
  return withPlatform(pool, (tx) =>
    tx.any(
      sql.type(messageRow)`SELECT ${messageColumns} FROM whatsapp_messages WHERE contact_phone = ${phone} ORDER BY seq`,
    ),
  );
}

export async function messageByWamid(pool: DatabasePool, wamid: string): Promise<MessageRow | null> {
  return withPlatform(pool, (tx) =>
    tx.maybeOne(
      sql.type(messageRow)`SELECT ${messageColumns} FROM whatsapp_messages WHERE whatsapp_message_id = ${wamid}`,
    ),
  );
}

export async function messageById(pool: DatabasePool, id: string): Promise<MessageRow> {
  return withPlatform(pool, (tx) =>
    tx.one(sql.type(messageRow)`SELECT ${messageColumns} FROM whatsapp_messages WHERE id = ${id}`),
  );
}

/** An outbound row as if the worker had sent it and Meta answered with `wamid`. */
export async function insertSentOutbound(
  pool: DatabasePool,
  phone: string,
  wamid: string,
  tenant: TestTenant | null = null,
): Promise<string> {
  return withPlatform(pool, async (tx) => {
    const id = await insertOutboxMessage(tx, {
      tenantId: tenant?.id ?? null,
      customerId: null,
      contactPhone: phone,
      businessPhoneNumberId: SHARED_PHONE_NUMBER_ID,
      message: { kind: "text", body: "Earlier reply" },
      triggeredBy: "test",
    });
    await tx.query(sql.type(z.object({ id: z.uuid() }))`
      UPDATE whatsapp_messages SET whatsapp_status = 'sent', whatsapp_message_id = ${wamid}, sent_at = now()
      WHERE id = ${id} RETURNING id`);
    return id;
  });
}

const customerRow = z.object({
  id: z.uuid(),
  tenant_id: z.uuid(),
  phone_number: z.string(),
  whatsapp_name: z.string().nullable(),
  opted_in: z.boolean().nullable(),
  loyalty_status: z.string().nullable(),
  referral_code: z.string().nullable(),
  referred_by_customer_id: z.uuid().nullable(),
  balance: z.number(),
  ledger_sum: z.number(),
});

/** A tenant's customer by phone, with the balance row and the ledger sum beside it. */
export async function customerOf(pool: DatabasePool, tenant: TestTenant, phone: string) {
  return withPlatform(pool, (tx) =>
    tx.maybeOne(sql.type(customerRow)`
      SELECT c.id, c.tenant_id, c.phone_number, c.whatsapp_name, c.opted_in, c.loyalty_status, c.referral_code, c.referred_by_customer_id,
             COALESCE((SELECT current_balance FROM customer_points_balance b WHERE b.customer_id = c.id), 0) AS balance,
             (SELECT COALESCE(sum(points), 0) FROM points_transactions t WHERE t.customer_id = c.id) AS ledger_sum
      FROM customers c WHERE c.tenant_id = ${tenant.id} AND c.phone_number = ${phone}`),
  );
}

export async function countCustomers(pool: DatabasePool, tenant: TestTenant): Promise<number> {
  return withPlatform(pool, (tx) =>
    tx.oneFirst(
      sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenant.id}`,
    ),
  );
}

/** An earning rule for a tenant: `pointsPerNaira` points per naira spent (0.1 → 500 points for ₦5,000). */
export async function addSpendRule(pool: DatabasePool, tenant: TestTenant, pointsPerNaira = 0.1): Promise<string> {
  return withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO points_rules (tenant_id, name, rule_type, config, priority, conditions)
      VALUES (${tenant.id}, 'Spend', 'per_amount_spent', ${sql.jsonb({ points_per_ngn: pointsPerNaira })}, 0, '{}'::jsonb)
      RETURNING id`),
  );
}

/**
 * Checks that no log line carries any of `secrets` (full phone numbers, message bodies, PINs) as a
 * whole token; masked phones (`234801***678`) are fine.
 */
export function expectNoSecretsInLogs(app: TestApp, secrets: readonly string[]): void {
  expect(app.logs.raw.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    const pattern = new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![0-9A-Za-z])`);
    const leaks = app.logs.raw.filter((line) => pattern.test(line));
    expect(leaks, `log lines carrying "${secret}"`).toEqual([]);
  }
}

/** The data of a queued job (jobs are kept after completion), or null. */
export async function jobData(app: TestApp, queue: "outbound", jobId: string): Promise<unknown> {
  const job = await app.runtime.queues.queue(queue === "outbound" ? OUTBOUND_QUEUE : queue).getJob(jobId);
  return job?.data ?? null;
}

/** Stops the app after emptying its queues, so each test file leaves no jobs behind. */
export async function stopAndClean(app: TestApp): Promise<void> {
  await app.runtime.queues.closeWorkers();
  await app.runtime.queues.queue(OUTBOUND_QUEUE).obliterate({ force: true });
  await app.stop();
}

/** Joins `phone` to `tenant` by chat and waits for the welcome and the menu. */
export async function joinByChat(app: TestApp, tenant: TestTenant, phone: string): Promise<string[]> {
  return app.say(phone, `JOIN ${tenant.vendorCode}`, 2);
}

/** Credits `points` to a customer as one earned lot (as a purchase would), optionally expiring. */
export async function givePoints(
  pool: DatabasePool,
  tenant: TestTenant,
  customerId: string,
  points: number,
  expiresAt: Date | null = null,
  description = "Welcome gift",
): Promise<void> {
  await withTenant(pool, tenant.id, async (tx) => {
    await creditPoints(tx, {
      tenantId: tenant.id,
      customerId,
      type: "earned",
      points,
      expiresAt,
      description,
      metadata: { test: true },
    });
  });
}

/** A subscription plan of the test's own with a customer limit; returns its slug. */
export async function createPlan(pool: DatabasePool, maxCustomers: number): Promise<string> {
  const slug = `test-${uniqueTag()}`;
  await withPlatform(pool, (tx) =>
    tx.query(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO subscription_plans (name, slug, price_ngn, billing_period, features)
      VALUES (${`Test ${slug}`}, ${slug}, 0, 'monthly', ${sql.jsonb({ max_customers: maxCustomers, max_staff: 5, broadcasts_per_month: 1 })})
      RETURNING id`),
  );
  return slug;
}
