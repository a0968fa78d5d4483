import { fork, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { z } from "zod";
import { createDatabasePool, type DatabasePool } from "../src/db/pool.ts";
import { withTenant } from "../src/db/withTenant.ts";
import { getBalance } from "../src/domain/ledger/getBalance.ts";
import { createBenchDatabase, type BenchDatabase } from "./lib/benchDatabase.ts";
import { logBenchPurchase } from "./lib/logBenchPurchase.ts";
import { cpuPressure, createCpuMeter, type CpuUsage } from "./lib/cpuMeter.ts";
import { intOption, parseOptions } from "./lib/parseOptions.ts";
import { describeMachine, machineLine, mb, ms, printTable, writeResult } from "./lib/report.ts";
import { round, summarize, type Summary } from "./lib/stats.ts";

/**
 * `npm run bench -- ledger`: purchases logged per second through `logPurchase` (inside
 * `withTenant`, as the staff chat and the API call it), and the p99 of a `BALANCE` read
 * (`getBalance` inside `withTenant`) with 10 million ledger rows over 100,000 customers.
 *
 * The ledger is bulk-loaded as the table owner with one INSERT … SELECT generate_series. With
 * `--load bulk` (the default) the balance trigger and the table's indexes are dropped for the
 * load, the indexes rebuilt and `customer_points_balance` built with one INSERT … SELECT sum …
 * GROUP BY, then the trigger is re-enabled; a sample of rows is inserted through the trigger
 * (and rolled back) to report what the row-by-row path would have cost.
 * Targets (2 cores): ≥ 1,000 purchases/s, balance p99 < 2 ms.
 */
const options = parseOptions({
  rows: intOption(10_000_000, 50_000_000),
  customers: intOption(100_000, 1_000_000),
  tenants: intOption(100, 10_000),
  load: z.enum(["bulk", "trigger"]).default("bulk"),
  /** Rows inserted through the balance trigger (then rolled back) to time the row-by-row path. */
  triggerSample: z.coerce.number().int().min(0).max(2_000_000).default(200_000),
  concurrency: intOption(16, 256),
  /**
   * Processes logging purchases (the concurrency split between them), as an app runs one
   * process per core: one Node event loop alone tops out below what the CPU allows.
   */
  processes: intOption(2, 16),
  purchases: intOption(20_000, 1_000_000),
  purchaseSeconds: intOption(20, 600),
  reads: intOption(20_000, 1_000_000),
  readSeconds: intOption(20, 600),
  /** Leave the database in place for a closer look (its name is printed); dropped by default. */
  keepDatabase: z.enum(["true", "false"]).default("false"),
});

/** What a purchase process (lib/ledgerPurchaseProcess.ts) tells the bench. */
const childMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  z.object({
    type: z.literal("done"),
    latencies: z.array(z.number()),
    failed: z.number(),
    /** Why purchases were not logged, by reason. */
    reasons: z.record(z.string(), z.number()),
    ledgerRowsWritten: z.number(),
    touched: z.array(z.string()),
  }),
]);

const PLAN = "pro";
const POINTS_PER_ROW = 10;

const machine = await describeMachine();
process.stdout.write(`ledger bench on ${machineLine(machine)}\n`);
process.stdout.write(
  `${options.rows.toLocaleString("en")} ledger rows, ${options.customers.toLocaleString("en")} customers, ${options.tenants} tenants, load ${options.load}\n`,
);

let database: BenchDatabase | undefined;
let pool: DatabasePool | undefined;
let meter: ReturnType<typeof createCpuMeter> | undefined;
let closeMonitor: () => Promise<void> = async () => undefined;
let exitCode = 0;
const watchdog = setTimeout(() => {
  process.stderr.write("ledger bench: over its 30-minute bound, giving up\n");
  process.exit(1);
}, 30 * 60_000);
watchdog.unref();

try {
  database = await createBenchDatabase("ledger");
  const owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  let load: LoadReport;
  let universe: Universe;
  try {
    load = await loadLedger(owner, options);
    universe = await readUniverse(owner);
  } finally {
    await owner.end();
  }
  pool = await createDatabasePool(database.url, { maxPoolSize: options.concurrency + 4 });
  const monitor = new pg.Client({ connectionString: database.url });
  await monitor.connect();
  meter = createCpuMeter({ db: monitor, database: database.name });
  closeMonitor = () => monitor.end();
  const pressureBefore = cpuPressure();

  const reads = await measureBalanceReads(pool, universe, {
    concurrency: 1,
    count: options.reads,
    seconds: options.readSeconds,
  });
  const concurrentReads = await measureBalanceReads(pool, universe, {
    concurrency: options.concurrency,
    count: options.reads,
    seconds: options.readSeconds,
  });
  const purchases =
    options.processes === 1
      ? await measurePurchases(pool, universe, options)
      : await measurePurchasesInProcesses(database, monitor, options);
  const readsAfterPurchases = await measureBalanceReads(pool, universe, {
    concurrency: 1,
    count: Math.min(options.reads, 5_000),
    seconds: options.readSeconds,
  });
  const check = await checkBalances(database.url, purchases.customersTouched);
  const plan = await explainBalance(database.url, universe);

  const result = {
    bench: "ledger",
    at: new Date().toISOString(),
    machine: {
      ...machine,
      loadAverageAtEnd: os.loadavg(),
      cpuPressureSome10s: { before: pressureBefore, after: cpuPressure() },
    },
    options,
    load,
    purchases: { ...purchases, customersTouched: purchases.customersTouched.length },
    balanceReads: { sequential: reads, concurrent: concurrentReads, sequentialAfterPurchases: readsAfterPurchases },
    balanceCheck: check,
    balanceQueryPlan: plan,
    targets: {
      purchasesPerSecond: { target: 1_000, measured: purchases.perSecond, met: purchases.perSecond >= 1_000 },
      balanceP99Ms: { target: 2, measured: reads.latencyMs.p99, met: reads.latencyMs.p99 < 2 },
    },
  };
  printTable("ledger: load", [
    ["ledger rows", load.rows.toLocaleString("en")],
    ["customers / tenants", `${load.customers.toLocaleString("en")} / ${load.tenants}`],
    ["load method", load.method],
    ["load total", `${load.seconds.total} s`],
    ...Object.entries(load.seconds)
      .filter(([step]) => step !== "total")
      .map(([step, seconds]): [string, string] => [`  ${step}`, `${seconds} s`]),
    [
      "trigger path (sampled)",
      load.triggerPath === null
        ? "skipped"
        : `${load.triggerPath.rowsPerSecond.toLocaleString("en")} rows/s → ${load.triggerPath.projectedMinutesForAllRows} min for all rows`,
    ],
    ["points_transactions size", mb(load.tableBytes)],
    ["database size", mb(load.databaseBytes)],
  ]);
  printTable("ledger: results", [
    [
      "purchases/s (logPurchase, withTenant)",
      `${purchases.perSecond.toFixed(0)} (target ≥ 1,000) ${verdict(purchases.perSecond >= 1_000)}`,
    ],
    [
      "  processes × concurrency / purchases",
      `${options.processes} × ${Math.ceil(options.concurrency / options.processes)} / ${purchases.completed.toLocaleString("en")} in ${purchases.seconds} s`,
    ],
    ["  purchase latency p50 / p99", `${ms(purchases.latencyMs.p50)} / ${ms(purchases.latencyMs.p99)}`],
    ["  ledger rows written", purchases.ledgerRowsWritten.toLocaleString("en")],
    ["  CPU per purchase: node / postgres", cpuLine(purchases.cpu)],
    ["  machine busy / other processes' CPU", contentionLine(purchases.cpu)],
    [
      "  failed",
      purchases.failed === 0
        ? 0
        : `${purchases.failed} ${"failedReasons" in purchases ? JSON.stringify(purchases.failedReasons) : ""}`,
    ],
    [
      "balance read p50 / p99 (1 at a time)",
      `${ms(reads.latencyMs.p50)} / ${ms(reads.latencyMs.p99)} (target p99 < 2 ms) ${verdict(reads.latencyMs.p99 < 2)}`,
    ],
    ["  max", ms(reads.latencyMs.max)],
    ["  CPU per read: node / postgres", cpuLine(reads.cpu)],
    [`balance reads/s (${options.concurrency} at a time)`, concurrentReads.perSecond.toFixed(0)],
    ["  p50 / p99", `${ms(concurrentReads.latencyMs.p50)} / ${ms(concurrentReads.latencyMs.p99)}`],
    ["  machine busy / other processes' CPU", contentionLine(concurrentReads.cpu)],
    ["balance p99 after purchases", ms(readsAfterPurchases.latencyMs.p99)],
    [
      "balance = Σ ledger (touched customers)",
      check.mismatches === 0 ? `yes (${check.checked} checked)` : `NO: ${check.mismatches} of ${check.checked} differ`,
    ],
  ]);
  const file = writeResult("ledger", result);
  process.stdout.write(`\nwritten ${file}\n`);
  if (check.mismatches > 0) exitCode = 1;
} catch (err) {
  process.stderr.write(`ledger bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await pool?.end();
  await closeMonitor();
  if (options.keepDatabase === "true" && database !== undefined)
    process.stdout.write(`kept database ${database.name}\n`);
  else await database?.drop();
}
process.exit(exitCode);

type LoadOptions = {
  rows: number;
  customers: number;
  tenants: number;
  load: "bulk" | "trigger";
  triggerSample: number;
};

type LoadReport = {
  method: string;
  rows: number;
  customers: number;
  tenants: number;
  seconds: Record<string, number>;
  triggerPath: {
    sampleRows: number;
    seconds: number;
    rowsPerSecond: number;
    projectedMinutesForAllRows: number;
  } | null;
  tableBytes: number;
  databaseBytes: number;
};

/**
 * Fills the database as the table owner. Customer n (0-based) has phone `2348` + n padded to 9
 * digits and belongs to tenant n mod T; ledger row g belongs to customer g mod C, so each
 * customer's rows are spread over the whole table as they would be after months of trading.
 * Row k of a customer (k = g div C) is a `redeemed` row of −10 when k mod 10 = 9, otherwise an
 * `earned` lot of +10 dated k hours after the first; the oldest earned lots are marked spent, so
 * a customer with 100 rows has a balance of 800 held in 80 open lots expiring in a year.
 */
async function loadLedger(db: pg.Client, opts: LoadOptions): Promise<LoadReport> {
  const seconds: Record<string, number> = {};
  const started = performance.now();
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now();
    await fn();
    seconds[name] = round((performance.now() - t0) / 1000, 1);
    process.stdout.write(`  ${name}: ${seconds[name]} s\n`);
  };
  await db.query("SET maintenance_work_mem = '1GB'");
  await db.query("SET work_mem = '256MB'");

  await step("tenants and customers", async () => {
    await db.query(
      `INSERT INTO tenants (business_name, slug, vendor_code, phone_number, subscription_status, subscription_plan_id, settings)
       SELECT 'Bench Shop ' || g, 'bench-shop-' || g, 'B' || lpad(g::text, 7, '0'), '2347' || lpad(g::text, 9, '0'), 'active',
              (SELECT id FROM subscription_plans WHERE slug = $2),
              '{"timezone": "Africa/Lagos", "currency": "NGN", "points_expiry_days": 365}'::jsonb
       FROM generate_series(0, $1::int - 1) g`,
      [opts.tenants, PLAN],
    );
    // A typical vendor: points per naira spent and a bonus every 10th purchase.
    await db.query(
      `INSERT INTO points_rules (tenant_id, name, rule_type, config, priority)
       SELECT id, 'Points per naira', 'per_amount_spent', '{"points_per_ngn": 0.01}'::jsonb, 10 FROM tenants
       UNION ALL
       SELECT id, 'Every 10th purchase', 'milestone', '{"milestone_purchases": 10, "bonus_points": 50}'::jsonb, 5 FROM tenants`,
    );
    await db.query(
      `CREATE TEMP TABLE bench_tenants AS
       SELECT id, (substr(vendor_code, 2))::int AS n FROM tenants`,
    );
    await db.query(
      `INSERT INTO customers (tenant_id, phone_number, whatsapp_name, opted_in, opted_in_at, created_at)
       SELECT t.id, '2348' || lpad(g::text, 9, '0'), 'Customer ' || g, true, now() - interval '200 days', now() - interval '200 days'
       FROM generate_series(0, $1::int - 1) g JOIN bench_tenants t ON t.n = g % $2::int`,
      [opts.customers, opts.tenants],
    );
    await db.query(
      `CREATE TEMP TABLE bench_customers AS
       SELECT id, tenant_id, (substr(phone_number, 5))::int AS n FROM customers`,
    );
    await db.query("ANALYZE bench_customers");
  });

  const perCustomer = Math.ceil(opts.rows / opts.customers);
  // Spent lots: the oldest earned rows, enough to cover the redemptions (one in ten rows).
  const spentBelow = Math.ceil(perCustomer / 10) + 1;
  // Ids ascend with g, so the primary key (kept during the load) is appended to rather than
  // hit at 10 million random places; the app's own rows keep gen_random_uuid(). The trigger
  // sample uses ids above the load's.
  const insertLedger = (from: number, to: number, idOffset = 0) =>
    db.query(
      `INSERT INTO points_transactions
         (id, tenant_id, customer_id, transaction_type, points, points_remaining, description, metadata, expires_at, expired, created_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(s.g + $6::bigint), 12, '0'))::uuid, c.tenant_id, c.id,
              CASE WHEN s.k % 10 = 9 THEN 'redeemed' ELSE 'earned' END,
              CASE WHEN s.k % 10 = 9 THEN -$4::int ELSE $4::int END,
              CASE WHEN s.k % 10 = 9 THEN NULL WHEN s.k < $5::int THEN 0 ELSE $4::int END,
              CASE WHEN s.k % 10 = 9 THEN 'Redeemed a reward' ELSE 'Points for a purchase' END,
              CASE WHEN s.k % 10 = 9 THEN '{"source": "bench"}'::jsonb ELSE '{"source": "rule", "ruleType": "per_amount_spent"}'::jsonb END,
              CASE WHEN s.k % 10 = 9 THEN NULL ELSE s.at + interval '365 days' END,
              false,
              s.at
       FROM (
         SELECT g, g % $3::int AS n, g / $3::int AS k,
                now() - interval '150 days' + (g / $3::int) * interval '1 hour' AS at
         FROM generate_series($1::bigint, $2::bigint - 1) g
       ) s
       JOIN bench_customers c ON c.n = s.n`,
      [from, to, opts.customers, POINTS_PER_ROW, spentBelow, idOffset],
    );

  let method: string;
  if (opts.load === "trigger") {
    method = "INSERT … SELECT generate_series through the balance trigger, indexes in place";
    await step("ledger rows (trigger)", () => insertLedger(0, opts.rows));
  } else {
    method =
      "INSERT … SELECT generate_series with the balance trigger disabled and secondary indexes dropped (primary key kept); indexes rebuilt; balances built with INSERT … SELECT sum … GROUP BY; trigger re-enabled";
    // Secondary indexes are rebuilt after the load (a sorted build beats 10 million random
    // inserts); the primary key stays, since other tables' foreign keys depend on it.
    const indexes = await db.query(
      `SELECT i.indexname, i.indexdef
       FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = 'points_transactions'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    );
    const indexRows = z.array(z.object({ indexname: z.string(), indexdef: z.string() })).parse(indexes.rows);
    await db.query("ALTER TABLE points_transactions DISABLE TRIGGER apply_points_transaction");
    for (const index of indexRows) await db.query(`DROP INDEX ${quoteIdent(index.indexname)}`);
    const chunk = 2_000_000;
    await step("ledger rows (no trigger, secondary indexes dropped)", async () => {
      for (let from = 0; from < opts.rows; from += chunk) await insertLedger(from, Math.min(opts.rows, from + chunk));
    });
    await step(`${indexRows.length} secondary indexes rebuilt`, async () => {
      for (const index of indexRows) await db.query(index.indexdef);
    });
    await step("balances (sum … group by)", () =>
      db.query(
        `INSERT INTO customer_points_balance
           (tenant_id, customer_id, total_points_earned, total_points_redeemed, total_points_expired, current_balance, last_earned_at, last_redeemed_at)
         SELECT tenant_id, customer_id,
                COALESCE(sum(points) FILTER (WHERE transaction_type = 'earned'), 0),
                COALESCE(-sum(points) FILTER (WHERE transaction_type = 'redeemed'), 0),
                COALESCE(-sum(points) FILTER (WHERE transaction_type = 'expired'), 0),
                sum(points),
                max(created_at) FILTER (WHERE transaction_type = 'earned'),
                max(created_at) FILTER (WHERE transaction_type = 'redeemed')
         FROM points_transactions GROUP BY tenant_id, customer_id`,
      ),
    );
    await db.query("ALTER TABLE points_transactions ENABLE TRIGGER apply_points_transaction");
  }
  await step("vacuum analyze", () =>
    db.query("VACUUM (ANALYZE) points_transactions, customer_points_balance, customers, tenants, points_rules"),
  );
  seconds.total = round((performance.now() - started) / 1000, 1);

  let triggerPath: LoadReport["triggerPath"] = null;
  if (opts.triggerSample > 0) {
    // Through the trigger, with every index in place, in a transaction that is rolled back.
    const sample = Math.min(opts.triggerSample, opts.rows);
    await db.query("BEGIN");
    const t0 = performance.now();
    await insertLedger(0, sample, opts.rows);
    const elapsed = (performance.now() - t0) / 1000;
    await db.query("ROLLBACK");
    const rowsPerSecond = Math.round(sample / elapsed);
    triggerPath = {
      sampleRows: sample,
      seconds: round(elapsed, 1),
      rowsPerSecond,
      projectedMinutesForAllRows: round(opts.rows / rowsPerSecond / 60, 1),
    };
    process.stdout.write(
      `  trigger path sample: ${sample} rows in ${round(elapsed, 1)} s (${rowsPerSecond} rows/s, rolled back)\n`,
    );
  }
  const sizes = await db.query(
    "SELECT pg_total_relation_size('points_transactions') AS table_bytes, pg_database_size(current_database()) AS database_bytes",
  );
  const size = z.object({ table_bytes: z.coerce.number(), database_bytes: z.coerce.number() }).parse(sizes.rows[0]);
  const counted = await db.query("SELECT count(*) AS n FROM points_transactions");
  const rows = z.object({ n: z.coerce.number() }).parse(counted.rows[0]).n;
  return {
    method,
    rows,
    customers: opts.customers,
    tenants: opts.tenants,
    seconds,
    triggerPath,
    tableBytes: size.table_bytes,
    databaseBytes: size.database_bytes,
  };
}

type Universe = { customers: { id: string; tenantId: string; phone: string }[] };

async function readUniverse(db: pg.Client): Promise<Universe> {
  const result = await db.query("SELECT id, tenant_id, phone_number FROM customers ORDER BY phone_number");
  const rows = z
    .array(z.object({ id: z.string(), tenant_id: z.string(), phone_number: z.string() }))
    .parse(result.rows);
  return { customers: rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, phone: row.phone_number })) };
}

type Measured = {
  completed: number;
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
  cpu: (CpuUsage & { nodeMsPerOp: number; postgresMsPerOp: number; cpuBoundCeilingPerSecond: number }) | null;
};

/** `getBalance` inside `withTenant` for random customers, after 1,000 unmeasured warm-up reads. */
async function measureBalanceReads(
  db: DatabasePool,
  universe: Universe,
  opts: { concurrency: number; count: number; seconds: number },
): Promise<Measured> {
  const readOne = async (): Promise<number> => {
    const customer = pick(universe.customers);
    const t0 = performance.now();
    await withTenant(db, customer.tenantId, (tx) => getBalance(tx, customer.id));
    return performance.now() - t0;
  };
  await runBounded({ concurrency: opts.concurrency, count: 1_000, seconds: opts.seconds }, readOne);
  return runBounded(opts, readOne);
}

/** `logPurchase` inside `withTenant` for random existing customers, `concurrency` at a time. */
async function measurePurchases(
  db: DatabasePool,
  universe: Universe,
  opts: { concurrency: number; purchases: number; purchaseSeconds: number },
): Promise<Measured & { failed: number; ledgerRowsWritten: number; customersTouched: string[] }> {
  let failed = 0;
  let ledgerRowsWritten = 0;
  let sequence = 0;
  const touched = new Set<string>();
  const measured = await runBounded(
    { concurrency: opts.concurrency, count: opts.purchases, seconds: opts.purchaseSeconds },
    async () => {
      const customer = pick(universe.customers);
      sequence += 1;
      const key = `bench-${process.pid}-${sequence}`;
      const t0 = performance.now();
      const result = await logBenchPurchase(db, customer, key);
      const elapsed = performance.now() - t0;
      if (result.ok && result.created) {
        ledgerRowsWritten += result.awards.length;
        touched.add(customer.id);
      } else {
        failed += 1;
      }
      return elapsed;
    },
  );
  return { ...measured, failed, ledgerRowsWritten, customersTouched: [...touched] };
}

/**
 * The purchase loop in `processes` child processes (lib/ledgerPurchaseProcess.ts), the
 * concurrency split between them; their CPU is counted as Node's.
 */
async function measurePurchasesInProcesses(
  database: BenchDatabase,
  monitor: pg.Client,
  opts: { processes: number; concurrency: number; purchases: number; purchaseSeconds: number },
): Promise<
  Measured & {
    failed: number;
    failedReasons: Record<string, number>;
    ledgerRowsWritten: number;
    customersTouched: string[];
  }
> {
  const children = Array.from({ length: opts.processes }, () =>
    fork(path.join(path.dirname(fileURLToPath(import.meta.url)), "lib/ledgerPurchaseProcess.ts"), [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  const next = (child: ChildProcess) =>
    new Promise<z.infer<typeof childMessageSchema>>((resolve, reject) => {
      child.once("message", (raw: unknown) => resolve(childMessageSchema.parse(raw)));
      child.once("exit", (code) => reject(new Error(`purchase process exited (${code ?? "signal"})`)));
    });
  try {
    const perProcess = Math.ceil(opts.concurrency / opts.processes);
    const count = Math.ceil(opts.purchases / opts.processes);
    const ready = await Promise.all(
      children.map((child) => {
        const answer = next(child);
        child.send({ type: "start", url: database.url, concurrency: perProcess, count, seconds: opts.purchaseSeconds });
        return answer;
      }),
    );
    const failedStart = ready.find((message) => message.type === "failed");
    if (failedStart?.type === "failed") throw new Error(`purchase process: ${failedStart.message}`);
    const childMeter = createCpuMeter({
      db: monitor,
      database: database.name,
      pids: Object.fromEntries(children.map((child, n) => [`purchases${n + 1}`, child.pid ?? 0])),
    });
    const before = await childMeter.snapshot();
    const t0 = performance.now();
    const results = await Promise.all(
      children.map((child) => {
        const answer = next(child);
        child.send({ type: "go" });
        return answer;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const after = await childMeter.snapshot();
    const latencies: number[] = [];
    const touched = new Set<string>();
    let failed = 0;
    const reasons: Record<string, number> = {};
    let ledgerRowsWritten = 0;
    for (const result of results) {
      if (result.type !== "done")
        throw new Error(`purchase process: ${result.type === "failed" ? result.message : "not done"}`);
      latencies.push(...result.latencies);
      for (const id of result.touched) touched.add(id);
      failed += result.failed;
      for (const [reason, n] of Object.entries(result.reasons)) reasons[reason] = (reasons[reason] ?? 0) + n;
      ledgerRowsWritten += result.ledgerRowsWritten;
    }
    const usage = childMeter.between(before, after);
    const nodeMs = usage.selfMs + Object.values(usage.pidsMs).reduce((sum, ms) => sum + ms, 0);
    const nodeMsPerOp = nodeMs / Math.max(1, latencies.length);
    const postgresMsPerOp = usage.postgresBackendsMs / Math.max(1, latencies.length);
    return {
      completed: latencies.length,
      seconds: round(seconds, 2),
      perSecond: round(latencies.length / seconds, 1),
      latencyMs: summarize(latencies),
      cpu: {
        ...usage,
        nodeMsPerOp: round(nodeMsPerOp, 3),
        postgresMsPerOp: round(postgresMsPerOp, 3),
        cpuBoundCeilingPerSecond: round((usage.cores * 1000) / Math.max(nodeMsPerOp + postgresMsPerOp, 0.001), 0),
      },
      failed,
      failedReasons: reasons,
      ledgerRowsWritten,
      customersTouched: [...touched],
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

/** Runs `fn` `concurrency` at a time until `count` calls are done or `seconds` have passed. */
async function runBounded(
  opts: { concurrency: number; count: number; seconds: number },
  fn: () => Promise<number>,
): Promise<Measured> {
  const latencies: number[] = [];
  const deadline = performance.now() + opts.seconds * 1000;
  let started = 0;
  const before = await meter?.snapshot();
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (started < opts.count && performance.now() < deadline) {
      started += 1;
      latencies.push(await fn());
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const after = await meter?.snapshot();
  let cpu: Measured["cpu"] = null;
  if (meter !== undefined && before !== undefined && after !== undefined && latencies.length > 0) {
    const usage = meter.between(before, after);
    const nodeMsPerOp = usage.selfMs / latencies.length;
    const postgresMsPerOp = usage.postgresBackendsMs / latencies.length;
    cpu = {
      ...usage,
      nodeMsPerOp: round(nodeMsPerOp, 3),
      postgresMsPerOp: round(postgresMsPerOp, 3),
      // What the CPU alone would allow if the cores were ours: cores / CPU time per operation.
      cpuBoundCeilingPerSecond: round((usage.cores * 1000) / Math.max(nodeMsPerOp + postgresMsPerOp, 0.001), 0),
    };
  }
  return {
    completed: latencies.length,
    seconds: round(seconds, 2),
    perSecond: round(latencies.length / seconds, 1),
    latencyMs: summarize(latencies),
    cpu,
  };
}

/** Balance row = Σ ledger rows, for every customer the purchases touched. */
async function checkBalances(
  url: string,
  customerIds: readonly string[],
): Promise<{ checked: number; mismatches: number }> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const result = await db.query(
      `SELECT count(*) AS checked,
              count(*) FILTER (WHERE b.current_balance IS DISTINCT FROM l.total) AS mismatches
       FROM unnest($1::uuid[]) AS t(customer_id)
       LEFT JOIN customer_points_balance b USING (customer_id)
       LEFT JOIN LATERAL (SELECT sum(points)::int AS total FROM points_transactions p WHERE p.customer_id = t.customer_id) l ON true`,
      [customerIds],
    );
    return z.object({ checked: z.coerce.number(), mismatches: z.coerce.number() }).parse(result.rows[0]);
  } finally {
    await db.end();
  }
}

/** The plans of getBalance's two statements for one customer, as the app role sees them. */
async function explainBalance(url: string, universe: Universe): Promise<string[]> {
  const customer = pick(universe.customers);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("BEGIN");
    await db.query("SELECT set_config('app.current_tenant', $1, true), set_config('role', 'loyaltylaas_app', true)", [
      customer.tenantId,
    ]);
    const plans: string[] = [];
    for (const statement of [
      "SELECT current_balance FROM customer_points_balance WHERE customer_id = $1",
      `SELECT sum(points_remaining) AS points, expires_at FROM points_transactions
       WHERE customer_id = $1 AND points_remaining > 0 AND expired = false AND expires_at IS NOT NULL
       GROUP BY expires_at ORDER BY expires_at LIMIT 1`,
    ]) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement}`, [customer.id]);
      plans.push(
        z
          .array(z.object({ "QUERY PLAN": z.string() }))
          .parse(plan.rows)
          .map((row) => row["QUERY PLAN"])
          .join("\n"),
      );
    }
    await db.query("ROLLBACK");
    return plans;
  } finally {
    await db.end();
  }
}

function pick<T>(items: readonly T[]): T {
  const item = items[randomInt(items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function cpuLine(cpu: Measured["cpu"]): string {
  if (cpu === null) return "n/a";
  return `${ms(cpu.nodeMsPerOp)} / ${ms(cpu.postgresMsPerOp)} (CPU-bound ceiling on ${cpu.cores} free cores ≈ ${cpu.cpuBoundCeilingPerSecond.toLocaleString("en")}/s)`;
}

function contentionLine(cpu: Measured["cpu"]): string {
  if (cpu === null) return "n/a";
  const otherShare = cpu.otherProcessesMs / (cpu.wallSeconds * 1000 * cpu.cores);
  return `${(cpu.machineBusy * 100).toFixed(0)}% / ${(otherShare * 100).toFixed(0)}% of all cores`;
}

function verdict(met: boolean): string {
  return met ? "✓" : "✗ missed";
}
