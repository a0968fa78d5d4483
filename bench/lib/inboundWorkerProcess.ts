import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { z } from "zod";
import { loadConfig } from "../../src/config.ts";
import { roundTripsOf } from "../../src/db/pool.ts";
import { createLogger } from "../../src/logger.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { histogramTotals } from "./histogramTotals.ts";

/**
 * A worker process for `bench/inbound --workers N`: the same runtime as `npm start -- --role
 * worker` (inbound and outbound workers, scheduled jobs, sweeper), started on the bench's
 * database, Redis prefix and fake Graph API. Talks to the bench over IPC: `ready` after start,
 * `stats` (its engine and Graph-call histograms, PostgreSQL round trips and event loop) when asked, stops on `exit`.
 */
const startSchema = z.object({
  type: z.literal("start"),
  env: z.record(z.string(), z.string()),
  databaseUrl: z.url(),
  queuePrefix: z.string(),
  logLevel: z.enum(["info", "warn", "silent"]),
  inboundConcurrency: z.number().int().positive().optional(),
  inboundDrainSenders: z.number().int().positive().optional(),
  outboundConcurrency: z.number().int().positive().optional(),
});
const commandSchema = z.discriminatedUnion("type", [
  startSchema,
  z.object({ type: z.literal("stats") }),
  z.object({ type: z.literal("exit") }),
]);

let runtime: Runtime | undefined;
let elu = performance.eventLoopUtilization();

process.on("message", (raw: unknown) => {
  const command = commandSchema.parse(raw);
  void handle(command).catch((err: unknown) => {
    send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  });
});

async function handle(command: z.infer<typeof commandSchema>): Promise<void> {
  switch (command.type) {
    case "start": {
      const config = loadConfig(command.env);
      const log = createLogger(command.logLevel, pino.destination({ dest: "/dev/null", sync: true }));
      runtime = await startRuntime({
        config,
        log,
        databaseUrl: command.databaseUrl,
        role: "worker",
        queuePrefix: command.queuePrefix,
        ...(command.inboundConcurrency === undefined ? {} : { inboundConcurrency: command.inboundConcurrency }),
        ...(command.inboundDrainSenders === undefined ? {} : { inboundDrainSenders: command.inboundDrainSenders }),
        ...(command.outboundConcurrency === undefined ? {} : { outboundConcurrency: command.outboundConcurrency }),
      });
      elu = performance.eventLoopUtilization();
      send({ type: "ready" });
      return;
    }
    case "stats": {
      if (runtime === undefined) throw new Error("stats before start");
      const { metrics, pool } = runtime;
      const utilization = performance.eventLoopUtilization(elu).utilization;
      elu = performance.eventLoopUtilization();
      send({
        type: "stats",
        engineTransaction: await histogramTotals(metrics.engineDuration),
        graphApiCall: await histogramTotals(metrics.sendDuration),
        roundTrips: { ...roundTripsOf(pool) },
        eventLoopUtilization: utilization,
        rssBytes: process.memoryUsage.rss(),
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      });
      return;
    }
    case "exit": {
      await runtime?.stop();
      process.exit(0);
    }
  }
}

function send(message: unknown): void {
  process.send?.(message);
}

send({ type: "spawned" });
