import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { storeInboundMessages } from "../../../src/db/inbox.ts";
import { claimSenders, readClaimedInbox } from "../../../src/db/inboxDrain.ts";
import type { InboxScope } from "../../../src/db/inboxScope.ts";
import { createDatabasePool } from "../../../src/db/pool.ts";
import { sql } from "../../../src/db/sql.ts";
import { onPlatform, withPlatform } from "../../../src/db/withTenant.ts";
import { createTestPool, randomPhone, testDatabaseUrl } from "../../helpers/testContext.ts";

/**
 * The drain's claim of senders (src/db/inboxDrain.ts): contact rows locked FOR UPDATE SKIP LOCKED,
 * then the claimed senders' messages read in a statement of their own. These tests run
 * transactions against each other on the app's kind of pool (sessions start as the platform role).
 */
let pool: DatabasePool;
/** A second worker's pool (slonik refuses a pool's own queries from inside its open transaction). */
let otherWorker: DatabasePool;
let owner: DatabasePool;

beforeAll(async () => {
  pool = await createDatabasePool(testDatabaseUrl(), { maxPoolSize: 2, platformSession: true });
  otherWorker = await createDatabasePool(testDatabaseUrl(), { maxPoolSize: 2, platformSession: true });
  owner = await createTestPool();
});

afterAll(async () => {
  await pool.end();
  await otherWorker.end();
  await owner.end();
});

/** A number of the test's own, so no other test's messages are in its scope. */
function ownNumber(): { phoneNumberId: string; scope: InboxScope } {
  const phoneNumberId = String(200_000_000_000_000 + randomInt(0, 2 ** 47));
  return { phoneNumberId, scope: { all: false, phoneNumberIds: [phoneNumberId] } };
}

/** Stores inbound texts from `phone` on `phoneNumberId`, a second apart from `start`; returns their row ids. */
async function storeTexts(
  phone: string,
  phoneNumberId: string,
  texts: readonly string[],
  start = Date.now() - 60_000,
): Promise<string[]> {
  const wamids = texts.map(() => `wamid.claim.${randomUUID()}`);
  const stored = await onPlatform(pool, (db) =>
    storeInboundMessages(
      db,
      texts.map((text, n) => ({
        waMessageId: wamids[n] ?? "",
        from: phone,
        phoneNumberId,
        profileName: "Ada",
        timestamp: new Date(start + n * 1000),
        kind: "text" as const,
        text,
        title: null,
        type: "text",
      })),
    ),
  );
  return wamids.map((wamid) => stored.find((row) => row.waMessageId === wamid)?.id ?? "");
}

describe("claiming senders", () => {
  it("when no one else holds them, then the claim takes the sender waiting longest first and reads each one's messages in WhatsApp timestamp order", async () => {
    const { phoneNumberId, scope } = ownNumber();
    const early = randomPhone();
    const late = randomPhone();
    const earlyIds = await storeTexts(early, phoneNumberId, ["first", "second", "third"]);
    await storeTexts(late, phoneNumberId, ["hello"]);

    const inboxes = await withPlatform(pool, async (tx) =>
      readClaimedInbox(tx, await claimSenders(tx, scope, 10), scope, 50),
    );

    expect(inboxes.map((inbox) => inbox.contact.phone_number).sort()).toEqual([early, late].sort());
    const earlyInbox = inboxes.find((inbox) => inbox.contact.phone_number === early);
    expect(earlyInbox?.pending.map((row) => row.id)).toEqual(earlyIds);
    expect(earlyInbox?.pending.map((row) => row.message_body)).toEqual(["first", "second", "third"]);
    expect(earlyInbox?.pending.map((row) => row.recentCount)).toEqual([1, 2, 3]);
    expect(earlyInbox?.contact.whatsapp_name).toBe("Ada");
    expect(earlyInbox?.routing?.phoneNumberId).toBe(phoneNumberId);
    expect(earlyInbox?.slowedRecently).toBe(false);
    const first = await withPlatform(pool, (tx) => claimSenders(tx, scope, 1));
    expect(first).toEqual([early]);
  });

  it("when another worker holds a sender, then a claim passes over them at once and takes the next", async () => {
    const { phoneNumberId, scope } = ownNumber();
    const held = randomPhone();
    const free = randomPhone();
    await storeTexts(held, phoneNumberId, ["one"], Date.now() - 120_000);
    await storeTexts(free, phoneNumberId, ["two"]);
    const holding = Promise.withResolvers<void>();
    const release = Promise.withResolvers<void>();

    const holder = withPlatform(pool, async (tx) => {
      expect(await claimSenders(tx, scope, 1)).toEqual([held]);
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const started = Date.now();
    const claimed = await withPlatform(otherWorker, (tx) => claimSenders(tx, scope, 10));
    release.resolve();
    await holder;

    expect(claimed).toEqual([free]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("when a worker's session ends mid-transaction, then its senders can be claimed at once", async () => {
    const { phoneNumberId, scope } = ownNumber();
    const phone = randomPhone();
    await storeTexts(phone, phoneNumberId, ["lost worker"]);
    // A worker (its own session) holding the sender's contact row in an open transaction.
    const worker = new pg.Client({ connectionString: testDatabaseUrl() });
    worker.on("error", () => undefined);
    await worker.connect();
    await worker.query("BEGIN");
    await worker.query("SELECT phone_number FROM contacts WHERE phone_number = $1 FOR UPDATE", [phone]);
    const pid = z.object({ pid: z.number() }).parse((await worker.query("SELECT pg_backend_pid() AS pid")).rows[0]).pid;
    expect(await withPlatform(otherWorker, (tx) => claimSenders(tx, scope, 1))).toEqual([]);

    // As a kill -9 of the worker does: PostgreSQL ends the session and its locks go with it.
    await owner.query(sql.type(z.object({ ended: z.boolean() }))`SELECT pg_terminate_backend(${pid}) AS ended`);
    await worker.end().catch(() => undefined);

    expect(await withPlatform(otherWorker, (tx) => claimSenders(tx, scope, 1))).toEqual([phone]);
  });

  it("when messages arrive on a number outside the scope, then the claim leaves their sender alone", async () => {
    const mine = ownNumber();
    const theirs = ownNumber();
    const phone = randomPhone();
    await storeTexts(phone, theirs.phoneNumberId, ["not for this process"]);

    expect(await withPlatform(pool, (tx) => claimSenders(tx, mine.scope, 10))).toEqual([]);
    expect(await withPlatform(pool, (tx) => claimSenders(tx, theirs.scope, 10))).toEqual([phone]);
  });
});
