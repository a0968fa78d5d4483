import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Keys whose values never reach a log line: phone numbers in full, message bodies, PINs,
 * tokens, passwords and hashes. Code that needs to say *which* phone logs `maskPhone(phone)`
 * under the key `phoneMasked`.
 */
const REDACTED_KEYS = [
  "phone",
  "phone_number",
  "phoneNumber",
  "customer_phone",
  "customerPhone",
  "contact_phone",
  "from",
  "to",
  "wa_id",
  "recipient_id",
  "body",
  "text",
  "message_body",
  "messageBody",
  "pin",
  "staff_pin",
  "staff_pin_hash",
  "password",
  "password_hash",
  "token",
  "accessToken",
  "secret",
  "authorization",
  "cookie",
  "hash",
];

const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((key) => `*.${key}`),
  ...REDACTED_KEYS.map((key) => `*.*.${key}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-hub-signature-256"]',
];

/** Creates the root logger. Pass a destination in tests to read what was logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "loyaltylaas" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
    formatters: { level: (label) => ({ level: label }) },
  };
  return pino(options, destination ?? defaultDestination(level));
}

/**
 * A person at a terminal gets pretty, coloured lines (pino-pretty, in a worker thread as a pino
 * transport); anything else — a pipe, a file, a log collector — gets one JSON object per line.
 */
function defaultDestination(level: string): pino.DestinationStream {
  if (process.stdout.isTTY === true && level !== "silent") {
    return pino.transport({
      target: "pino-pretty",
      options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" },
    });
  }
  // Asynchronous stdout (lines written while a write is in flight are coalesced): a synchronous
  // write per line was the app's largest CPU cost under load (profiled in bench/inbound).
  // `flushLogs` runs on shutdown so nothing is lost.
  return pino.destination({ dest: 1, sync: false });
}

/** Writes out buffered log lines (call before the process exits). */
export function flushLogs(log: Logger): void {
  try {
    log.flush();
  } catch {
    // Nothing buffered or the stream is already closed.
  }
}

/** `2348012345678` → `234801***678`: enough to tell numbers apart in logs, not to dial. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return "***";
  return `${phone.slice(0, 6)}***${phone.slice(-3)}`;
}

/**
 * Errors are logged by type, message, code and stack only: database and HTTP client errors carry
 * the query values, rows or request bodies they failed on (phone numbers, message text), which
 * must not reach the logs.
 */
function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const key of ["code", "constraint", "table", "column", "routine"]) {
    const value: unknown = Reflect.get(err, key);
    if (typeof value === "string" || typeof value === "number") out[key] = value;
  }
  if (err.cause instanceof Error) out["cause"] = serializeError(err.cause);
  return out;
}
