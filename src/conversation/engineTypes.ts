import type { DatabasePool } from "slonik";
import type { Config } from "../config.ts";
import type { InboundRow } from "../db/whatsappMessages.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { MediaDownloader } from "../whatsapp/downloadMedia.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

/**
 * The types the conversation engine's parts share (the drain, the router and the handlers it
 * calls), in a file of their own so that those parts import it and not each other.
 */

/**
 * `startBroadcast`: queues the start of a broadcast the owner chat sent, once the message's
 * transaction has committed (the jobs layer supplies it, so the engine imports no worker code).
 */
export type EngineDeps = {
  pool: DatabasePool;
  config: Config;
  log: Logger;
  metrics: Metrics;
  startBroadcast?: (input: { tenantId: string; broadcastId: string }) => Promise<void>;
  /** A checkout link for the business's oldest unpaid invoice, or null (billing supplies it; `PLAN` shows it). */
  paymentLink?: (input: { tenantId: string; now: Date }) => Promise<string | null>;
  /**
   * Downloads an inbound photo (a receipt claim) through the Graph API media endpoints. Unset:
   * the real downloader built from `config.whatsapp` (claimMedia.ts); sandbox mode supplies one
   * answered by its in-process fake, so it never reaches the network.
   */
  downloadMedia?: MediaDownloader;
};

/** What one handled message produced: replies to send and who they belong to. */
export type Handled = {
  route: string;
  tenantId: string | null;
  customerId: string | null;
  replies: OutMessage[];
  /** The customer flow's new snapshot, saved on `customerId` with the handled mark. */
  conversationState?: unknown;
  /** Messages to other people (a customer told about points a staff member logged). */
  notifications?: { contactPhone: string; customerId: string | null; message: OutMessage; triggeredBy: string }[];
  /** Outbox rows a domain function already wrote (a claim decision's notice), to hand to the sender after commit. */
  outboxIds?: string[];
  /** Work to start once the message's transaction has committed (queueing a broadcast's start). */
  afterCommit?: (() => Promise<void>)[];
};

/** The person's message as the flows see it. */
export type PersonMessage = { text: string | null; now: Date; profileName: string | null; row: InboundRow };
