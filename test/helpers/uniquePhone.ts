import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Where this run's handed-out phone numbers are recorded, one empty file each. Every test file
 * runs in a process of its own against one shared database, so a number drawn at random twice
 * (the space is 10^7 per prefix) would make two tests' people one person: exclusive file
 * creation makes each number the run's only one.
 */
export function phoneClaimsDir(databaseName: string): string {
  return path.join(tmpdir(), "loyaltylaas-test-phones", databaseName);
}

/** Removes the run's record (the global teardown calls it). */
export function forgetClaimedPhones(databaseName: string): void {
  rmSync(phoneClaimsDir(databaseName), { recursive: true, force: true });
}

let made: string | null = null;

/** A number from `draw` that no other test of this run has had. */
export function claimUniquePhone(databaseUrl: string, draw: () => string): string {
  const dir = phoneClaimsDir(new URL(databaseUrl).pathname.slice(1));
  if (made !== dir) {
    mkdirSync(dir, { recursive: true });
    made = dir;
  }
  for (;;) {
    const phone = draw();
    try {
      closeSync(openSync(path.join(dir, phone), "wx"));
      return phone;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
}
