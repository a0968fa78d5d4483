import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { z } from "zod";
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from "../../test/helpers/testDatabase.ts";

const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../results");

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  postgres: string;
  postgresSettings: Record<string, string>;
};

/** The machine a result was measured on, written next to every result. */
export async function describeMachine(): Promise<Machine> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    const version = await client.query("SHOW server_version");
    const settings = await client.query(
      "SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name",
      [["shared_buffers", "synchronous_commit", "max_connections", "work_mem", "fsync"]],
    );
    const postgresSettings: Record<string, string> = {};
    for (const row of z
      .array(z.object({ name: z.string(), setting: z.string(), unit: z.string().nullable() }))
      .parse(settings.rows)) {
      postgresSettings[row.name] = `${row.setting}${row.unit === null ? "" : ` ${row.unit}`}`;
    }
    return {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      postgres: z.object({ server_version: z.string() }).parse(version.rows[0]).server_version,
      postgresSettings,
    };
  } finally {
    await client.end();
  }
}

export function machineLine(machine: Machine): string {
  return `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis at ${new URL(TEST_REDIS_URL).host}`;
}

export type Row = readonly [label: string, value: string | number];

/** Prints a two-column table under a title. */
export function printTable(title: string, rows: readonly Row[]): void {
  const width = Math.max(...rows.map(([label]) => label.length), 10);
  const lines = [`\n${title}`, `${"-".repeat(width)}  ${"-".repeat(24)}`];
  for (const [label, value] of rows) lines.push(`${label.padEnd(width)}  ${String(value)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Writes `bench/results/<name>.json` (git-ignored) and returns its path. */
export function writeResult(name: string, result: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** `12.34 ms` */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** Megabytes from bytes. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
