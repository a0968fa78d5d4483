import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * `npm test`: runs vitest, then prints the plain closing line CI reads — `N passed, N failed` —
 * and exits with vitest's code. Extra arguments go to vitest (e.g. a file filter).
 */
const artifacts = path.resolve("test/artifacts");
mkdirSync(artifacts, { recursive: true });
const resultsFile = path.join(artifacts, "vitest-results.json");

const vitest = spawn(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);

const code: number = await new Promise((resolve) => vitest.on("exit", (exitCode) => resolve(exitCode ?? 1)));

const results = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
});

let summary = { passed: 0, failed: 0, skipped: 0 };
try {
  const parsed = results.parse(JSON.parse(readFileSync(resultsFile, "utf8")));
  summary = {
    passed: parsed.numPassedTests,
    failed: parsed.numFailedTests,
    skipped: parsed.numPendingTests + parsed.numTodoTests,
  };
} catch {
  // No results file: vitest failed before running anything; count that as a failure.
  summary.failed = Math.max(summary.failed, 1);
}
const failed = code !== 0 && summary.failed === 0 ? 1 : summary.failed;
process.stdout.write(
  `\n${summary.passed} passed, ${failed} failed${summary.skipped > 0 ? `, ${summary.skipped} skipped` : ""}\n`,
);
process.exit(code);
