import { createHash, randomUUID } from "node:crypto";
import { runMigrations as runQueueMigrations } from "bullmq";
import pg from "pg";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { hashSecret } from "../../src/domain/auth/passwords.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { signWebhookBody } from "../../src/whatsapp/verifyWebhookSignature.ts";
import { startFakeGraphApi, type FakeGraphApi, type FakeGraphRequest } from "./fakeGraphApi.ts";
import {
  createCapturingLogger,
  createTestPool,
  createTestTenant,
  testConfig,
  testDatabaseUrl,
  type TestTenant,
} from "./testContext.ts";
import { TEST_REDIS_URL } from "./testDatabase.ts";

/** The fixtures' and the bench's platform number. Each test app has a number of its own (TestApp.phoneNumberId). */
export const SHARED_PHONE_NUMBER_ID = "109876543210987";
export const APP_SECRET = "test-app-secret";

export type QueueBackend = "redis" | "postgres";

export type TestApp = {
  runtime: Runtime;
  url: string;
  /**
   * The app's own platform number (its WHATSAPP_PHONE_NUMBER_ID, and the one number it drains:
   * INBOUND_PHONE_NUMBER_IDS). Test apps share one database; a drain handles only the messages
   * that arrived on the numbers its process serves, so each app answers only its own test's messages.
   */
  phoneNumberId: string;
  /** The app's Redis key prefix (its queues' key space) on the Redis backend. */
  queuePrefix: string;
  graph: FakeGraphApi;
  pool: DatabasePool;
  logs: ReturnType<typeof createCapturingLogger>;
  /** Posts a signed webhook body (a JSON value, or exact text). */
  postWebhook(body: unknown, options?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** Sends a customer's text as Meta would, returns the wamid used. */
  sendText(
    from: string,
    text: string,
    options?: { id?: string; timestamp?: number; phoneNumberId?: string; name?: string },
  ): Promise<string>;
  /** Waits until `from` has received `count` more messages since `since` (index into graph.requests). */
  /** Waits for `count` replies to `to` after request `since`, up to `timeoutMs` (default 30 s). */
  repliesTo(to: string, count: number, since?: number, timeoutMs?: number): Promise<FakeGraphRequest[]>;
  /** A conversation step: send, then wait for the replies that follow. */
  say(from: string, text: string, expectReplies?: number): Promise<string[]>;
  stop(): Promise<void>;
};

let counter = 0;

/**
 * Starts the real app (HTTP on a random port, workers, a queue namespace of its own) against the
 * shared test database, with the Graph API replaced by a local fake server.
 */
export async function startTestApp(
  options: {
    backend?: QueueBackend;
    role?: "all" | "web";
    inboundConcurrency?: number;
    config?: Record<string, string>;
    /** Share queues with another test app (two runtimes of one deployment): the same name gives the same Redis prefix or queue schema. */
    sharedQueueName?: string;
    /** Tenants' own numbers this app also drains (a tenant on its own WhatsApp number). */
    extraPhoneNumberIds?: string[];
    /** How often the runtime's own sweeper runs (tests of the sweeper keep it out of the way). */
    sweeperIntervalMs?: number;
    /**
     * Register the platform-wide schedules. Off by default: every test app shares one database,
     * and a minute scan would queue other tests' sending broadcasts onto this app's queues (and
     * send them to this app's fake Graph API). Tests run scheduled jobs explicitly instead.
     */
    platformSchedules?: boolean;
  } = {},
): Promise<TestApp> {
  const backend = options.backend ?? defaultQueueBackend();
  const graph = await startFakeGraphApi();
  const logs = createCapturingLogger("info");
  counter += 1;
  const id = `${process.pid}_${Date.now()}_${counter}`;
  // Runtimes of one deployment (a shared queue name) serve the same number.
  const phoneNumberId = phoneNumberIdFor(options.sharedQueueName ?? id);
  const queuePrefix = `{t${options.sharedQueueName ?? id}}`;
  let queueSchema: string | undefined;
  if (backend === "postgres") {
    queueSchema = `bullmq_t${options.sharedQueueName ?? id}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      await runQueueMigrations(client, queueSchema);
    } finally {
      await client.end();
    }
  }
  const config = testConfig({
    REDIS_URL: backend === "redis" ? TEST_REDIS_URL : undefined,
    WHATSAPP_API_URL: graph.url,
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    INBOUND_PHONE_NUMBER_IDS: [phoneNumberId, ...(options.extraPhoneNumberIds ?? [])].join(","),
    LOG_LEVEL: "info",
    ...options.config,
  });
  const runtime = await startRuntime({
    config,
    log: logs.log,
    databaseUrl: testDatabaseUrl(),
    role: options.role ?? "all",
    host: "127.0.0.1",
    queuePrefix,
    ...(queueSchema === undefined ? {} : { queueSchema }),
    inboundConcurrency: options.inboundConcurrency ?? 4,
    ...(options.sweeperIntervalMs === undefined ? {} : { sweeperIntervalMs: options.sweeperIntervalMs }),
    platformSchedules: options.platformSchedules ?? false,
  });
  const pool = await createTestPool();
  const url = runtime.url ?? "";

  const app: TestApp = {
    runtime,
    url,
    phoneNumberId,
    queuePrefix,
    graph,
    pool,
    logs,
    async postWebhook(body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const headers: Record<string, string> = { "content-type": "application/json" };
      const signature = opts.signature === undefined ? signWebhookBody(raw, APP_SECRET) : opts.signature;
      if (signature !== null) headers["x-hub-signature-256"] = signature;
      return fetch(`${url}/webhook`, { method: "POST", headers, body: raw });
    },
    async sendText(from, text, opts = {}) {
      const wamid = opts.id ?? `wamid.test.${randomUUID()}`;
      const res = await app.postWebhook(textPayload({ from, text, id: wamid, phoneNumberId, ...opts }));
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      return wamid;
    },
    async repliesTo(to, count, since = 0, timeoutMs = 30_000) {
      // Generous: under a loaded CI machine a drain can wait for the other test files' work.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = graph.requests.slice(since).filter((r) => recipientOf(r) === to);
        if (mine.length >= count) return mine;
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} replies to ${to}, got ${mine.length}: ${JSON.stringify(mine.map((m) => m.body))}\n` +
              (await describeStall(pool, logs, to)),
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async say(from, text, expectReplies = 1) {
      const since = graph.requests.length;
      await app.sendText(from, text);
      await app.repliesTo(from, expectReplies, since);
      await new Promise((r) => setTimeout(r, 50));
      return graph.requests
        .slice(since)
        .filter((r) => recipientOf(r) === from)
        .map((r) => textOf(r.body));
    },
    async stop() {
      await runtime.stop();
      await pool.end();
      await graph.close();
    },
  };
  return app;
}

/**
 * The queue backend a test app gets unless the test names one: Redis, or BullMQ's PostgreSQL
 * backend when the run sets TEST_QUEUE_BACKEND=postgres (the vitest project that repeats the
 * end-to-end suites on it, see vitest.config.ts).
 */
export function defaultQueueBackend(): QueueBackend {
  return process.env["TEST_QUEUE_BACKEND"] === "postgres" ? "postgres" : "redis";
}

/** A 15-digit phone number id of a test app's own, the same for the same name. */
function phoneNumberIdFor(name: string): string {
  const digits = BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 15)}`) % 900_000_000_000_000n;
  return String(100_000_000_000_000n + digits);
}

/** A Meta webhook body carrying one text message, received on `phoneNumberId` (a test app's own: `app.phoneNumberId`). */
export function textPayload(m: {
  from: string;
  text: string;
  id: string;
  timestamp?: number;
  phoneNumberId: string;
  name?: string;
}) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: m.phoneNumberId },
              contacts: [{ profile: { name: m.name ?? "Ada" }, wa_id: m.from }],
              messages: [
                {
                  from: m.from,
                  id: m.id,
                  timestamp: String(m.timestamp ?? Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: m.text },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

const sentBody = z
  .object({
    to: z.string(),
    type: z.string(),
    text: z.object({ body: z.string() }).optional(),
    interactive: z
      .object({
        body: z.object({ text: z.string() }).optional(),
        action: z
          .object({
            buttons: z.array(z.object({ reply: z.object({ id: z.string(), title: z.string() }) })).optional(),
            sections: z.array(z.object({ rows: z.array(z.object({ id: z.string(), title: z.string() })) })).optional(),
          })
          .loose(),
      })
      .loose()
      .optional(),
    template: z.object({ name: z.string() }).loose().optional(),
    image: z.object({ id: z.string(), caption: z.string().optional() }).optional(),
  })
  .loose();

export function recipientOf(request: FakeGraphRequest): string | null {
  const parsed = sentBody.safeParse(request.body);
  return parsed.success ? parsed.data.to : null;
}

/** The words of a sent message, with button and row titles appended (`[YES|NO]`). */
export function textOf(body: unknown): string {
  const parsed = sentBody.safeParse(body);
  if (!parsed.success) return "";
  const m = parsed.data;
  if (m.text !== undefined) return m.text.body;
  if (m.template !== undefined) return `template:${m.template.name}`;
  if (m.image !== undefined) return `image:${m.image.caption ?? ""}`;
  const text = m.interactive?.body?.text ?? "";
  const buttons = m.interactive?.action.buttons?.map((b) => b.reply.id) ?? [];
  const rows = m.interactive?.action.sections?.flatMap((s) => s.rows.map((r) => r.id)) ?? [];
  return `${text} [${[...buttons, ...rows].join("|")}]`;
}

/** Adds a staff member with a phone and PIN to a tenant (platform path, as the vendor API would). */
export async function addStaff(
  pool: DatabasePool,
  tenant: TestTenant,
  phone: string,
  pin: string,
  name = "Tunde",
): Promise<string> {
  return addVendorUser(pool, tenant, { phone, pin, name, role: "staff" });
}

/** Adds an owner with a phone and PIN to a tenant: they can open owner mode (OWNER, then the PIN). */
export async function addOwner(
  pool: DatabasePool,
  tenant: TestTenant,
  phone: string,
  pin: string,
  name = "Ada",
): Promise<string> {
  return addVendorUser(pool, tenant, { phone, pin, name, role: "owner" });
}

async function addVendorUser(
  pool: DatabasePool,
  tenant: TestTenant,
  user: { phone: string; pin: string; name: string; role: "staff" | "owner" },
): Promise<string> {
  const pinHash = await hashSecret(user.pin);
  return withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO vendor_users (tenant_id, email, password_hash, full_name, role, phone_number, staff_pin_hash, pin_enabled)
      VALUES (${tenant.id}, ${`${user.phone}@${user.role}.test`}, 'x', ${user.name}, ${user.role}, ${user.phone}, ${pinHash}, true)
      RETURNING id`),
  );
}

export async function addReward(
  pool: DatabasePool,
  tenant: TestTenant,
  name: string,
  points: number,
  stock: number | null = null,
): Promise<string> {
  return withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO rewards (tenant_id, name, points_required, stock_quantity) VALUES (${tenant.id}, ${name}, ${points}, ${stock}) RETURNING id`),
  );
}

export { createTestTenant };

/**
 * What a timed-out wait saw: the phone's inbox and outbox rows (state, attempts, errors, ages) and
 * the app's warnings, so a stall on a loaded CI machine says where the message stopped.
 */
async function describeStall(
  pool: DatabasePool,
  logs: ReturnType<typeof createCapturingLogger>,
  phone: string,
): Promise<string> {
  const row = z.object({
    direction: z.string(),
    status: z.string().nullable(),
    attempts: z.number(),
    claimed_by: z.number().nullable(),
    error: z.string().nullable(),
    age_ms: z.number(),
    processed_ms: z.number().nullable(),
  });
  let rows: readonly z.infer<typeof row>[] = [];
  try {
    rows = await withPlatform(pool, (tx) =>
      tx.any(sql.type(row)`
        SELECT direction, whatsapp_status AS status, attempts, claimed_by,
               coalesce(error_code, '') || ' ' || coalesce(error_message, '') AS error,
               (extract(epoch FROM now() - created_at) * 1000)::int AS age_ms,
               (extract(epoch FROM processed_at - created_at) * 1000)::int AS processed_ms
        FROM whatsapp_messages WHERE contact_phone = ${phone} ORDER BY seq`),
    );
  } catch (err) {
    return `(the rows could not be read: ${String(err)})`;
  }
  const warnings = logs.lines
    .filter((line) => Number(line.level) >= 40)
    .slice(-10)
    .map((line) => JSON.stringify(line));
  return [`rows: ${JSON.stringify(rows)}`, `warnings: ${warnings.join("\n") || "none"}`].join("\n");
}
