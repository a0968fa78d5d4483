import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/whatsapp/", import.meta.url));

/** Reads a WhatsApp fixture (`test/fixtures/whatsapp/<name>`) as raw bytes. */
export function readFixtureBytes(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}

/** Reads and JSON-parses a WhatsApp fixture. */
export function readFixture(name: string): unknown {
  const parsed: unknown = JSON.parse(readFixtureBytes(name).toString("utf8"));
  return parsed;
}

/** Names of every JSON fixture in the WhatsApp fixtures folder. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
}
