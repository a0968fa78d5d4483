import { randomBytes } from "node:crypto";
import type { Router } from "express";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createSandboxPaystack, SANDBOX_PAYSTACK_PATH } from "../sandbox/createSandboxPaystack.ts";
import { createPaystackClient, type PaystackClient } from "./paystackClient.ts";

export type PaystackGateway = {
  /** Null: no online payments (production without PAYSTACK_SECRET_KEY). */
  client: PaystackClient | null;
  /** The key Paystack signs webhooks with; null with no client. */
  secretKey: string | null;
  /** Sandbox only: the fake Paystack's API and checkout page, mounted in the app. */
  sandboxRoutes: Router | null;
  /** Tells the sandbox fake where the app listens (its checkout links and webhooks point there). */
  attach(appUrl: string): void;
};

/**
 * Paystack for this process: the real API with PAYSTACK_SECRET_KEY; without it, outside
 * production, an in-process fake (sandbox mode) with a per-process key; in production without
 * it, none (paying online is refused with a clear message, manual invoices still work).
 */
export function createPaystackGateway(config: Config, log: Logger): PaystackGateway {
  const key = config.billing.paystackSecretKey;
  if (key !== undefined) {
    return {
      client: createPaystackClient({ apiUrl: config.billing.paystackApiUrl, secretKey: key }),
      secretKey: key,
      sandboxRoutes: null,
      attach() {},
    };
  }
  if (config.nodeEnv === "production") {
    log.warn("PAYSTACK_SECRET_KEY is not set: invoices cannot be paid online");
    return { client: null, secretKey: null, sandboxRoutes: null, attach() {} };
  }
  const secretKey = `sk_sandbox_${randomBytes(16).toString("hex")}`;
  let appUrl: string | undefined;
  return {
    client: createPaystackClient({
      apiUrl: () => `${appUrl ?? "http://127.0.0.1"}${SANDBOX_PAYSTACK_PATH}`,
      secretKey,
    }),
    secretKey,
    sandboxRoutes: createSandboxPaystack({ secretKey, appUrl: () => appUrl, log }),
    attach(url) {
      appUrl = url;
    },
  };
}
