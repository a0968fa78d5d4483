import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURES_DIR = join(REPO_ROOT, "..", "shared", "fixtures", "whatsapp");

/** Reads a shared WhatsApp fixture (`/work/shared/fixtures/whatsapp/<name>`) as raw bytes. */
export function readFixtureBytes(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}

/** Reads and JSON-parses a shared WhatsApp fixture. */
export function readFixture(name: string): unknown {
  const parsed: unknown = JSON.parse(readFixtureBytes(name).toString("utf8"));
  return parsed;
}

/** Names of every JSON fixture in the shared WhatsApp fixtures folder. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith(".json")).sort();
}
