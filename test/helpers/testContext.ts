import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { inject } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { loadConfig, type Config } from "../../src/config.ts";
import { createDatabasePool } from "../../src/db/pool.ts";
import { sql } from "../../src/db/sql.ts";
import { SANDBOX_PHONE_NUMBER_ID } from "../../src/sandbox/createSandbox.ts";
import { claimUniquePhone } from "./uniquePhone.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { createLogger, type Logger } from "../../src/logger.ts";

/** The shared migrated test database (created once by globalSetup). */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

export async function createTestPool(): Promise<DatabasePool> {
  return createDatabasePool(testDatabaseUrl(), { maxPoolSize: 10 });
}

/** A logger whose lines the test can read back (as parsed JSON objects) and search. */
export function createCapturingLogger(level = "debug"): {
  log: Logger;
  lines: Record<string, unknown>[];
  raw: string[];
} {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        raw.push(line);
        const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(line));
        if (parsed.success) lines.push(parsed.data);
      }
      callback();
    },
  });
  return { log: createLogger(level, destination), lines, raw };
}

const FIXTURE_PHONE_NUMBER_ID = "109876543210987";

/**
 * A config for tests: explicit values, nothing read from the machine's environment. Every test
 * app shares one database, so a runtime drains only its own number (INBOUND_PHONE_NUMBER_IDS
 * defaults to the number it sends from, the sandbox's when it has none): a runtime draining
 * every number would answer other test files' messages through its own fake Graph API.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const ownNumber =
    "WHATSAPP_PHONE_NUMBER_ID" in overrides
      ? (overrides["WHATSAPP_PHONE_NUMBER_ID"] ?? SANDBOX_PHONE_NUMBER_ID)
      : FIXTURE_PHONE_NUMBER_ID;
  return loadConfig({
    INBOUND_PHONE_NUMBER_IDS: ownNumber,
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: "test-secret-test-secret-test-secret-0123",
    WHATSAPP_APP_SECRET: "test-app-secret",
    WHATSAPP_VERIFY_TOKEN: "test-verify-token",
    WHATSAPP_TOKEN: "test-token",
    WHATSAPP_PHONE_NUMBER_ID: FIXTURE_PHONE_NUMBER_ID,
    ...overrides,
  });
}

export type TestTenant = { id: string; vendorCode: string; businessName: string; phoneNumber: string };

let tenantCounter = 0;

/** A fresh tenant of the test's own, created on the platform path. */
export async function createTestTenant(
  pool: DatabasePool,
  overrides: {
    businessName?: string;
    vendorCode?: string;
    settings?: Record<string, unknown>;
    whatsappConfig?: Record<string, unknown>;
    subscriptionStatus?: string;
    planSlug?: string;
  } = {},
): Promise<TestTenant> {
  tenantCounter += 1;
  const suffix = `${randomUUID().replaceAll("-", "").slice(0, 8)}${tenantCounter}`.toUpperCase();
  const vendorCode = overrides.vendorCode ?? `T${suffix}`.slice(0, 12);
  const businessName = overrides.businessName ?? `Test Shop ${suffix}`;
  const phoneNumber = `234${String(Math.floor(Math.random() * 1e10)).padStart(10, "7")}`;
  const id = await withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO tenants (business_name, slug, vendor_code, phone_number, subscription_status, subscription_plan_id, settings, whatsapp_config)
      VALUES (
        ${businessName}, ${`slug-${suffix.toLowerCase()}`}, ${vendorCode}, ${phoneNumber},
        ${overrides.subscriptionStatus ?? "active"},
        (SELECT id FROM subscription_plans WHERE slug = ${overrides.planSlug ?? "growth"}),
        ${sql.jsonb(z.json().parse(overrides.settings ?? { timezone: "Africa/Lagos", currency: "NGN" }))},
        ${sql.jsonb(z.json().parse(overrides.whatsappConfig ?? {}))}
      )
      RETURNING id
    `),
  );
  return { id, vendorCode, businessName, phoneNumber };
}

/** A random Nigerian mobile number as a WhatsApp id (0803…0809: never a toll-free 0800). */
export function randomPhone(): string {
  return claimUniquePhone(testDatabaseUrl(), () => {
    const network = 3 + Math.floor(Math.random() * 7);
    return `23480${network}${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  });
}
