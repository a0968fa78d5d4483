import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** Thrown when the environment cannot be turned into a valid configuration. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const urlWithProtocols = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    );

const optionalUrl = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(urlWithProtocols(protocols).optional())
    .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
  REDIS_URL: optionalUrl(["redis:", "rediss:"]),
  JWT_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  WHATSAPP_API_URL: urlWithProtocols(["http:", "https:"]).default("https://graph.facebook.com"),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "must look like v23.0")
    .default("v23.0"),
  WHATSAPP_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString.pipe(
    z.string().regex(/^\d+$/, "must be the numeric phone number id").optional(),
  ),
  WHATSAPP_SEND_RATE_PER_SECOND: positiveInt(80),
  WHATSAPP_DISPLAY_PHONE_NUMBER: z
    .string()
    .trim()
    .regex(/^\+?\d{7,15}$/, "must be the bot's phone number in international form")
    .default("15550000000"),
  PLATFORM_ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
  PLATFORM_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, "must be at least 12 characters").optional()),
  CONVERSATION_IDLE_MINUTES: positiveInt(30),
  DATABASE_POOL_SIZE: positiveInt(20),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ENDPOINT: optionalUrl(["http:", "https:"]),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  PAYSTACK_SECRET_KEY: optionalString,
  PAYSTACK_API_URL: urlWithProtocols(["http:", "https:"]).default("https://api.paystack.co"),
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Where people reach this app (links sent in chat, e.g. the owner's dashboard sign-in link). */
  PUBLIC_URL: optionalUrl(["http:", "https:"]),
  INBOUND_SENDER_RATE_PER_MINUTE: positiveInt(20),
  INBOUND_PHONE_NUMBER_IDS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+(,\d+)*$/, "must be numeric phone number ids separated by commas")
      .optional(),
  ),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|\d{1,2}|[\w.:/, -]{1,500})$/,
      "must be false, true, a hop count, or addresses/subnets (loopback, 10.0.0.0/8, …)",
    )
    .default("false"),
  SANDBOX_PUBLIC: z.enum(["true", "false"]).default("false"),
  MIGRATION_DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
  MIGRATE_ON_START: z.enum(["true", "false"]).default("true"),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
});

export type Config = Readonly<{
  nodeEnv: "development" | "test" | "production";
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  databaseUrl: string | undefined;
  /** Connections per process (web and workers share them). */
  databasePoolSize: number;
  redisUrl: string | undefined;
  jwtSecret: string;
  whatsapp: Readonly<{
    apiUrl: string;
    apiVersion: string;
    token: string | undefined;
    appSecret: string | undefined;
    verifyToken: string | undefined;
    phoneNumberId: string | undefined;
    sendRatePerSecond: number;
    /** The bot's number as people dial it, for wa.me join and referral links. */
    displayPhoneNumber: string;
    /** No Meta credentials: outbound goes to the built-in fake Graph API (docs/sandbox.md). */
    sandbox: boolean;
  }>;
  platformAdmin: Readonly<{ email: string; password: string }> | undefined;
  conversationIdleMinutes: number;
  dataDir: string;
  embeddedPgPort: number | undefined;
  /** Where receipt photos are kept: `DATA_DIR/receipts`, or S3 when `S3_BUCKET` is set. */
  receiptStorage: Readonly<
    | { kind: "local"; dir: string }
    | {
        kind: "s3";
        bucket: string;
        region: string;
        endpoint?: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      }
  >;
  billing: Readonly<{
    /** Paystack secret key: calls the API and signs its webhooks. None: sandbox (not production) or no online payments. */
    paystackSecretKey: string | undefined;
    paystackApiUrl: string;
    /** Days an unpaid invoice may stay overdue before the tenant is suspended. */
    graceDays: number;
  }>;
  /** The app's public base URL, no trailing slash; default `http://127.0.0.1:<PORT>`. */
  publicUrl: string;
  inbound: Readonly<{
    /** Flood control: a sender's messages past this many a minute are skipped, with one "slow down" reply. */
    senderRatePerMinute: number;
    /** The numbers whose messages this process drains; undefined drains every number. */
    phoneNumberIds: readonly string[] | undefined;
  }>;
  /** Listen address: 127.0.0.1 unless told (the Docker image sets 0.0.0.0). */
  host: string;
  /** Express's `trust proxy`: false (default) means X-Forwarded-For is ignored. */
  trustProxy: boolean | number | string;
  /** Serve `/sandbox` to non-loopback clients too (off by default). */
  sandboxPublic: boolean;
  /** Who runs migrations (the schema owner); DATABASE_URL when unset. */
  migrationDatabaseUrl: string | undefined;
  /** `npm start` applies migrations first (default); false when a release step runs `npm run migrate`. */
  migrateOnStart: boolean;
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}>;

/**
 * Reads the environment once, at boot. The only reader of `process.env` in the app.
 * @throws ConfigError with one line naming the first bad or missing variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`config: ${name} ${issue?.message ?? "is invalid"}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";

  if (production) {
    const required = {
      DATABASE_URL: e.DATABASE_URL,
      JWT_SECRET: e.JWT_SECRET,
      WHATSAPP_TOKEN: e.WHATSAPP_TOKEN,
      WHATSAPP_APP_SECRET: e.WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: e.WHATSAPP_VERIFY_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: e.WHATSAPP_PHONE_NUMBER_ID,
    };
    for (const [name, value] of Object.entries(required)) {
      if (value === undefined) {
        throw new ConfigError(`config: ${name} is required when NODE_ENV=production`);
      }
    }
  }
  if ((e.PLATFORM_ADMIN_EMAIL === undefined) !== (e.PLATFORM_ADMIN_PASSWORD === undefined)) {
    const missing = e.PLATFORM_ADMIN_EMAIL === undefined ? "PLATFORM_ADMIN_EMAIL" : "PLATFORM_ADMIN_PASSWORD";
    throw new ConfigError(`config: ${missing} is required when the other platform admin variable is set`);
  }

  if (e.S3_BUCKET !== undefined && (e.S3_ACCESS_KEY_ID === undefined || e.S3_SECRET_ACCESS_KEY === undefined)) {
    const missing = e.S3_ACCESS_KEY_ID === undefined ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY";
    throw new ConfigError(`config: ${missing} is required when S3_BUCKET is set`);
  }

  const sandbox = e.WHATSAPP_TOKEN === undefined || e.WHATSAPP_PHONE_NUMBER_ID === undefined;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    // Outside production a per-process secret keeps `npm start` working with no setup; tokens
    // then last until the next restart.
    jwtSecret: e.JWT_SECRET ?? randomBytes(32).toString("hex"),
    whatsapp: Object.freeze({
      apiUrl: e.WHATSAPP_API_URL.replace(/\/+$/, ""),
      apiVersion: e.WHATSAPP_API_VERSION,
      token: e.WHATSAPP_TOKEN,
      appSecret: e.WHATSAPP_APP_SECRET,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      sendRatePerSecond: e.WHATSAPP_SEND_RATE_PER_SECOND,
      displayPhoneNumber: e.WHATSAPP_DISPLAY_PHONE_NUMBER.replace(/^\+/, ""),
      sandbox,
    }),
    platformAdmin:
      e.PLATFORM_ADMIN_EMAIL !== undefined && e.PLATFORM_ADMIN_PASSWORD !== undefined
        ? Object.freeze({ email: e.PLATFORM_ADMIN_EMAIL, password: e.PLATFORM_ADMIN_PASSWORD })
        : undefined,
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    receiptStorage: Object.freeze(
      e.S3_BUCKET === undefined || e.S3_ACCESS_KEY_ID === undefined || e.S3_SECRET_ACCESS_KEY === undefined
        ? { kind: "local" as const, dir: path.join(e.DATA_DIR, "receipts") }
        : {
            kind: "s3" as const,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            ...(e.S3_ENDPOINT === undefined ? {} : { endpoint: e.S3_ENDPOINT }),
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
          },
    ),
    billing: Object.freeze({
      paystackSecretKey: e.PAYSTACK_SECRET_KEY,
      paystackApiUrl: e.PAYSTACK_API_URL.replace(/\/+$/, ""),
      graceDays: e.BILLING_GRACE_DAYS,
    }),
    publicUrl: (e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ""),
    inbound: Object.freeze({
      senderRatePerMinute: e.INBOUND_SENDER_RATE_PER_MINUTE,
      phoneNumberIds:
        e.INBOUND_PHONE_NUMBER_IDS === undefined ? undefined : Object.freeze(e.INBOUND_PHONE_NUMBER_IDS.split(",")),
    }),
    host: e.HOST,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sandboxPublic: e.SANDBOX_PUBLIC === "true",
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    migrateOnStart: e.MIGRATE_ON_START === "true",
    metricsToken: e.METRICS_TOKEN,
  });
}

/** `TRUST_PROXY` as express reads it: a boolean, a hop count, or a list of trusted addresses. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
