import { randomUUID } from "node:crypto";
import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { claimSenderOf } from "../../../src/db/contacts.ts";
import { listPendingInbound, storeInboundMessages } from "../../../src/db/inbox.ts";
import { createDatabasePool } from "../../../src/db/pool.ts";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { SHARED_PHONE_NUMBER_ID } from "../../helpers/testApp.ts";
import { createTestPool, randomPhone, testDatabaseUrl } from "../../helpers/testContext.ts";

/**
 * The engine's claim of a sender (src/db/contacts.ts) reads the sender's unhandled messages in the
 * same statement as it takes their lock. These tests run two transactions against each other on
 * the app's kind of pool (sessions start as the platform role).
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

/** Stores inbound texts from `phone`, a second apart, oldest first; returns their row ids. */
async function storeTexts(phone: string, texts: readonly string[]): Promise<string[]> {
  const start = Date.now() - 60_000;
  const wamids = texts.map(() => `wamid.claim.${randomUUID()}`);
  const stored = await withPlatform(pool, (tx) =>
    storeInboundMessages(
      tx,
      texts.map((text, n) => ({
        waMessageId: wamids[n] ?? "",
        from: phone,
        phoneNumberId: SHARED_PHONE_NUMBER_ID,
        profileName: null,
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

const waitingRow = z.object({ waiting: z.number() });

/** Resolves once a backend waits for a lock the backend `holderPid` holds. */
async function someoneWaitsFor(holderPid: number): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    const waiting = await owner.oneFirst(sql.type(waitingRow)`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${holderPid} = ANY(pg_blocking_pids(pid))`);
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("no backend ever waited for the holder's lock");
}

describe("claiming a sender", () => {
  it("when no one else holds the sender, then the claim returns their unhandled messages in WhatsApp timestamp order", async () => {
    const phone = randomPhone();
    const ids = await storeTexts(phone, ["first", "second", "third"]);

    const claimed = await withPlatform(pool, (tx) => claimSenderOf(tx, ids[2] ?? ""));

    expect(claimed?.contact.phone_number).toBe(phone);
    expect(claimed?.pending?.map((row) => row.id)).toEqual(ids);
    expect(claimed?.pending?.map((row) => row.message_body)).toEqual(["first", "second", "third"]);
    expect(claimed?.pending?.every((row) => row.wa_timestamp instanceof Date && row.processed_at === null)).toBe(true);
  });

  it("when another transaction held the sender and handled a message while the claim waited, then the claim does not return what it read before the lock", async () => {
    const phone = randomPhone();
    const [first, second] = await storeTexts(phone, ["first", "second"]);
    const holding = Promise.withResolvers<number>();
    const handle = Promise.withResolvers<void>();

    const holder = withPlatform(pool, async (tx) => {
      const held = await claimSenderOf(tx, first ?? "");
      expect(held?.pending?.map((row) => row.id)).toEqual([first, second]);
      holding.resolve(await tx.oneFirst(sql.type(z.object({ pid: z.number() }))`SELECT pg_backend_pid() AS pid`));
      await handle.promise;
      // This transaction handles the first message, then commits.
      await tx.query(sql.type(z.object({ id: z.uuid() }))`
        UPDATE whatsapp_messages SET processed_at = now() WHERE id = ${first ?? ""} RETURNING id`);
    });
    const holderPid = await holding.promise;
    // A second worker claims the sender of the second message and waits for that lock; its
    // statement's snapshot shows both messages unhandled.
    const waitingClaim = withPlatform(otherWorker, (other) => claimSenderOf(other, second ?? ""));
    await someoneWaitsFor(holderPid);
    handle.resolve();
    await holder;

    const claimed = await waitingClaim;
    expect(claimed?.contact.phone_number).toBe(phone);
    expect(claimed?.pending).toBeNull();
    // Read again after the lock, only the second message is left.
    const pending = await withPlatform(pool, (tx) => listPendingInbound(tx, phone));
    expect(pending.map((row) => row.id)).toEqual([second]);
  });
});
