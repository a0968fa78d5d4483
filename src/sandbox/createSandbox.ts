import { randomBytes } from "node:crypto";
import type { Router } from "express";
import type { DatabasePool } from "slonik";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { SandboxBusinessNumber } from "./buildWebhookPayload.ts";
import { createSandboxGraphClient, type SandboxGraphClient } from "./createSandboxGraphClient.ts";
import { createSandboxRoutes } from "./createSandboxRoutes.ts";
import { createSandboxMediaStore } from "./sandboxMediaStore.ts";
import { DEMO_VENDOR, ensureDemoVendor } from "./ensureDemoVendor.ts";
import { createSandboxChatLog } from "./sandboxChatLog.ts";

export type Sandbox = {
  /** The config to run with: the app secret the webhook checks and the sandbox number's id. */
  config: Config;
  graph: SandboxGraphClient;
  /** Creates the demo vendor unless it exists. */
  prepare(pool: DatabasePool): Promise<void>;
  routes(pool: DatabasePool): Router;
  /** Tells the sandbox where the app listens and prints the sandbox URL and demo credentials. */
  attach(appUrl: string): void;
  stop(): void;
};

/** A phone number id for the sandbox's shared number when none is configured (any digits do). */
export const SANDBOX_PHONE_NUMBER_ID = "100000000000001";

/**
 * Sandbox mode (docs/sandbox.md): with no WhatsApp credentials, and never in production, outbound
 * messages go to an in-process fake Graph API and `/sandbox` serves a web chat. Returns `null`
 * when the app must talk to Meta. Without `WHATSAPP_APP_SECRET` a secret is made for this
 * process, so the webhook still checks the signature of every POST, the sandbox's included.
 */
export function createSandbox(config: Config, log: Logger): Sandbox | null {
  if (!config.whatsapp.sandbox || config.nodeEnv === "production") return null;

  const appSecret = config.whatsapp.appSecret ?? randomBytes(32).toString("hex");
  const business: SandboxBusinessNumber = {
    phoneNumberId: config.whatsapp.phoneNumberId ?? SANDBOX_PHONE_NUMBER_ID,
    displayPhoneNumber: config.whatsapp.displayPhoneNumber,
  };
  const sandboxConfig: Config = Object.freeze({
    ...config,
    whatsapp: Object.freeze({ ...config.whatsapp, appSecret, phoneNumberId: business.phoneNumberId }),
  });
  const chatLog = createSandboxChatLog();
  const mediaStore = createSandboxMediaStore();
  let appUrl: string | undefined;
  let resolveAppUrl: (url: string) => void = () => undefined;
  const appUrlKnown = new Promise<string>((resolve) => (resolveAppUrl = resolve));
  const graph = createSandboxGraphClient({
    log,
    chatLog,
    business,
    apiVersion: config.whatsapp.apiVersion,
    appSecret,
    appUrl: appUrlKnown,
    mediaStore,
  });

  return {
    config: sandboxConfig,
    graph,
    async prepare(pool) {
      await ensureDemoVendor(pool, log);
    },
    routes: (pool) =>
      createSandboxRoutes({
        config: sandboxConfig,
        pool,
        chatLog,
        mediaStore,
        business,
        appSecret,
        appUrl: () => appUrl,
      }),
    attach(url) {
      appUrl = url;
      resolveAppUrl(url);
      const { vendorCode, staff } = DEMO_VENDOR;
      // The demo PIN is printed on purpose (it guards a fake vendor), in the message, not under a
      // redacted key. Everything else stays redacted.
      log.info(
        { sandboxUrl: `${url}/sandbox`, vendorCode },
        `sandbox mode (no WhatsApp credentials): chat at ${url}/sandbox · vendor code ${vendorCode} · staff phone +${staff.phoneNumber} · staff PIN ${staff.pin}`,
      );
      log.info(
        { sandboxPublic: config.sandboxPublic },
        config.sandboxPublic
          ? "sandbox served to every client (SANDBOX_PUBLIC=true): anyone who reaches it can chat as any phone"
          : "sandbox served on loopback only (127.0.0.1, ::1); set SANDBOX_PUBLIC=true to open it to other machines",
      );
    },
    stop: () => graph.stop(),
  };
}
