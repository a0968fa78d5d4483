import { randomInt } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { createDatabasePool, type DatabasePool } from "../../src/db/pool.ts";
import { sql } from "../../src/db/sql.ts";
import { logBenchPurchase } from "./logBenchPurchase.ts";

/**
 * One purchase-logging process of `bench/ledger --processes N`: the same loop as the bench's
 * own (`logPurchase` inside `withTenant` for random customers, `concurrency` at a time), in a
 * process of its own, as an app deployed with one process per core would run it. Over IPC:
 * `start` → `ready` (customers loaded, pool open) → `go` → `done` with its latencies.
 */
const commandSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    url: z.string(),
    concurrency: z.number().int().positive(),
    count: z.number().int().positive(),
    seconds: z.number().positive(),
  }),
  z.object({ type: z.literal("go") }),
]);
const customerRow = z.object({ id: z.string(), tenant_id: z.string(), phone_number: z.string() });

const nowRow = z.object({ now: z.date() });

let start: Extract<z.infer<typeof commandSchema>, { type: "start" }> | undefined;
let customers: z.infer<typeof customerRow>[] = [];
let pool: DatabasePool | undefined;

process.on("message", (raw: unknown) => {
  const command = commandSchema.parse(raw);
  const work = command.type === "start" ? prepare(command) : run();
  work.catch((err: unknown) => {
    process.send?.({ type: "failed", message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
});

async function prepare(command: Extract<z.infer<typeof commandSchema>, { type: "start" }>): Promise<void> {
  start = command;
  const db = new pg.Client({ connectionString: command.url });
  await db.connect();
  try {
    customers = z.array(customerRow).parse((await db.query("SELECT id, tenant_id, phone_number FROM customers")).rows);
  } finally {
    await db.end();
  }
  const opened = await createDatabasePool(command.url, { maxPoolSize: command.concurrency + 2 });
  pool = opened;
  // Open the connections before the clock starts, as the in-process loop's warm pool has them.
  await Promise.all(
    Array.from({ length: command.concurrency }, () => opened.one(sql.type(nowRow)`SELECT now() AS now`)),
  );
  process.send?.({ type: "ready" });
}

async function run(): Promise<void> {
  const options = start;
  const db = pool;
  if (options === undefined || db === undefined) throw new Error("go before start");
  const latencies: number[] = [];
  const touched = new Set<string>();
  let failed = 0;
  const reasons: Record<string, number> = {};
  let ledgerRowsWritten = 0;
  let started = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (started < options.count && performance.now() < deadline) {
      started += 1;
      const key = `bench-${process.pid}-${started}`;
      const customer = customers[randomInt(customers.length)];
      if (customer === undefined) throw new Error("no customers");
      const t0 = performance.now();
      const result = await logBenchPurchase(db, { tenantId: customer.tenant_id, phone: customer.phone_number }, key);
      latencies.push(performance.now() - t0);
      if (result.ok && result.created) {
        ledgerRowsWritten += result.awards.length;
        touched.add(customer.id);
      } else {
        failed += 1;
        const reason = result.ok ? "replayed" : result.reason;
        reasons[reason] = (reasons[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  // The pool stays open: the bench counts its backends' CPU after this answer, then ends us.
  process.send?.({ type: "done", latencies, failed, ledgerRowsWritten, touched: [...touched], reasons });
}
