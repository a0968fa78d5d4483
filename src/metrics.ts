import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RoundTrips } from "./db/roundTrips.ts";

/** Prometheus metrics (prom-client): webhook, queue, send and ledger counters and latencies. */
export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(sources: { databaseRoundTrips?: () => RoundTrips } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const roundTrips = sources.databaseRoundTrips;
  if (roundTrips !== undefined) {
    // Read from the pool's own count at each scrape: every statement, BEGIN and COMMIT is a round trip.
    const reported: RoundTrips = { statements: 0, transactions: 0 };
    new Counter({
      name: "loyalty_db_round_trips_total",
      help: "Round trips to PostgreSQL: statements, and the BEGIN and COMMIT of explicit transactions",
      labelNames: ["kind"] as const,
      registers: [registry],
      collect() {
        const now = roundTrips();
        this.inc({ kind: "statement" }, now.statements - reported.statements);
        this.inc({ kind: "begin_commit" }, 2 * (now.transactions - reported.transactions));
        Object.assign(reported, now);
      },
    });
  }
  return {
    registry,
    webhookRequests: new Counter({
      name: "loyalty_webhook_requests_total",
      help: "Webhook POSTs by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    webhookDuration: new Histogram({
      name: "loyalty_webhook_duration_seconds",
      help: "Time to store and queue a webhook delivery",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    webhookBatchSize: new Histogram({
      name: "loyalty_webhook_batch_deliveries",
      help: "Webhook deliveries stored together in one transaction (concurrent deliveries are coalesced)",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    outboundBatchSize: new Histogram({
      name: "loyalty_outbound_batch_replies",
      help: "Replies claimed, or outcomes recorded, together in one transaction by an outbound worker (concurrent jobs are coalesced)",
      labelNames: ["step"] as const,
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers: [registry],
    }),
    inboundMessages: new Counter({
      name: "loyalty_inbound_messages_total",
      help: "Inbound WhatsApp messages received",
      registers: [registry],
    }),
    inboundProcessed: new Counter({
      name: "loyalty_inbound_processed_total",
      help: "Inbound messages handled by the engine, by route",
      labelNames: ["route"] as const,
      registers: [registry],
    }),
    engineDuration: new Histogram({
      name: "loyalty_engine_duration_seconds",
      help: "Time to handle one inbound job (one transaction)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    sends: new Counter({
      name: "loyalty_outbound_sends_total",
      help: "Graph API sends by result",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    sendDuration: new Histogram({
      name: "loyalty_outbound_send_duration_seconds",
      help: "Graph API call latency",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    replyHandOffs: new Counter({
      name: "loyalty_reply_handoffs_total",
      help: "Replies the inbound worker handed to its own process's sender (direct), or queued as outbound jobs (queued: too many sends in flight; retry: a direct send to try again)",
      labelNames: ["path"] as const,
      registers: [registry],
    }),
    possibleDuplicateSends: new Counter({
      name: "loyalty_outbound_possible_duplicates_total",
      help: "Sends accepted by the Graph API whose wamid could not be recorded (a retry may duplicate)",
      registers: [registry],
    }),
    ledgerRows: new Counter({
      name: "loyalty_ledger_rows_total",
      help: "Points ledger rows written, by type",
      labelNames: ["type"] as const,
      registers: [registry],
    }),
    sweeperRequeued: new Counter({
      name: "loyalty_sweeper_requeued_total",
      help: "Rows the sweeper queued again, by direction",
      labelNames: ["direction"] as const,
      registers: [registry],
    }),
  };
}
