import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app@db:5432/loyalty",
  REDIS_URL: "redis://redis:6379",
  JWT_SECRET: "a".repeat(40),
  WHATSAPP_TOKEN: "token",
  WHATSAPP_APP_SECRET: "secret",
  WHATSAPP_VERIFY_TOKEN: "verify",
  WHATSAPP_PHONE_NUMBER_ID: "109876543210987",
};

function messageFor(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return "no error";
}

describe("config", () => {
  it("when nothing is set outside production, then defaults give a sandbox config", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: "development", port: 3000, databaseUrl: undefined, redisUrl: undefined });
    expect(config.whatsapp.sandbox).toBe(true);
    expect(config.whatsapp.apiUrl).toBe("https://graph.facebook.com");
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("when every production variable is set, then the config is complete and not a sandbox", () => {
    const config = loadConfig(production);
    expect(config.whatsapp).toMatchObject({ sandbox: false, phoneNumberId: "109876543210987", sendRatePerSecond: 80 });
  });

  it.each([
    "DATABASE_URL",
    "JWT_SECRET",
    "WHATSAPP_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
  ])("when %s is missing in production, then start-up stops with one line naming it", (name) => {
    const message = messageFor({ ...production, [name]: undefined });
    expect(message).toBe(`config: ${name} is required when NODE_ENV=production`);
    expect(message).not.toContain("\n");
  });

  it.each([
    ["PORT", "eighty", "PORT"],
    ["PORT", "70000", "PORT"],
    ["DATABASE_URL", "mysql://x", "DATABASE_URL"],
    ["REDIS_URL", "not a url", "REDIS_URL"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL"],
    ["NODE_ENV", "staging", "NODE_ENV"],
    ["JWT_SECRET", "short", "JWT_SECRET"],
    ["WHATSAPP_API_URL", "ftp://graph", "WHATSAPP_API_URL"],
    ["WHATSAPP_API_VERSION", "23", "WHATSAPP_API_VERSION"],
    ["WHATSAPP_PHONE_NUMBER_ID", "abc", "WHATSAPP_PHONE_NUMBER_ID"],
    ["WHATSAPP_SEND_RATE_PER_SECOND", "-1", "WHATSAPP_SEND_RATE_PER_SECOND"],
    ["PLATFORM_ADMIN_EMAIL", "not-an-email", "PLATFORM_ADMIN_EMAIL"],
  ])("when %s is %s, then the message names %s", (name, value, expected) => {
    const message = messageFor({ ...production, [name]: value });
    expect(message.startsWith(`config: ${expected} `)).toBe(true);
    expect(message).not.toContain("\n");
  });

  it("when only one platform admin variable is set, then the other is named", () => {
    expect(messageFor({ PLATFORM_ADMIN_EMAIL: "admin@example.com" })).toContain("PLATFORM_ADMIN_PASSWORD");
  });

  it("when PUBLIC_URL is unset, then links point at this machine's PORT; when set, its trailing slash is dropped", () => {
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://127.0.0.1:8080");
    expect(loadConfig({ PUBLIC_URL: "https://loyalty.example.com/" }).publicUrl).toBe("https://loyalty.example.com");
  });

  it.each(["not a url", "ftp://loyalty.example.com"])(
    "when PUBLIC_URL is %s, then start-up stops with one line naming it",
    (value) => {
      expect(messageFor({ PUBLIC_URL: value })).toMatch(/^config: PUBLIC_URL /);
    },
  );
});
