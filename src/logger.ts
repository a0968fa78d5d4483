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
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "loyaltylaas" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** `2348012345678` → `234801***678`: enough to tell numbers apart in logs, not to dial. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return "***";
  return `${phone.slice(0, 6)}***${phone.slice(-3)}`;
}
