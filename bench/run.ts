import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench` runs every bench; `npm run bench -- inbound ledger` runs the named ones;
 * `npm run bench -- ledger --rows 1000000` passes flags to a single named bench. A bench is
 * any `bench/<name>.ts` except this file (helpers live in `bench/lib/`). Each bench runs in a
 * process of its own, so one bench's memory and connections never colour another's figures.
 */
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

const available = readdirSync(BENCH_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && entry.name !== "run.ts")
  .map((entry) => entry.name.slice(0, -".ts".length))
  .sort();

const args = process.argv.slice(2);
const firstFlag = args.findIndex((arg) => arg.startsWith("-"));
const names = firstFlag === -1 ? args : args.slice(0, firstFlag);
const flags = firstFlag === -1 ? [] : args.slice(firstFlag);

const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(", ")} (available: ${available.join(", ")})\n`);
  process.exit(2);
}
const selected = names.length === 0 ? available : names;
if (flags.length > 0 && selected.length !== 1) {
  process.stderr.write(
    `flags apply to one bench: npm run bench -- <name> ${flags.join(" ")} (available: ${available.join(", ")})\n`,
  );
  process.exit(2);
}

// Ctrl-C reaches each bench through the terminal's process group; wait for its cleanup
// (it drops its database) instead of dying first.
process.on("SIGINT", () => undefined);

const outcomes: { name: string; code: number; seconds: number }[] = [];
for (const name of selected) {
  process.stdout.write(`\n=== bench ${name} ${flags.join(" ")}\n`);
  const started = performance.now();
  const code = await runBench(name, flags);
  outcomes.push({ name, code, seconds: (performance.now() - started) / 1000 });
}

process.stdout.write("\n=== summary\n");
for (const outcome of outcomes) {
  const verdict = outcome.code === 0 ? "ok" : `failed (exit ${outcome.code})`;
  process.stdout.write(
    `${outcome.name.padEnd(12)} ${verdict.padEnd(18)} ${outcome.seconds.toFixed(1)} s  bench/results/${outcome.name}.json\n`,
  );
}
process.exit(outcomes.some((outcome) => outcome.code !== 0) ? 1 : 0);

function runBench(name: string, benchFlags: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, `${name}.ts`), ...benchFlags], { stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}
