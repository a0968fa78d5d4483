import { randomUUID } from "node:crypto";
import express, { type Express, type Router } from "express";
import { pinoHttp } from "pino-http";
import type { DatabasePool } from "slonik";
import type { Config } from "../config.ts";
import type { QueueFactory } from "../queues/queueFactory.ts";
import type { Logger } from "../logger.ts";
import { createErrorHandler, notFoundHandler } from "./errorHandler.ts";
import { createHealthRoutes } from "./healthRoutes.ts";

export type AppDeps = {
  config: Config;
  log: Logger;
  pool: DatabasePool;
  queues: QueueFactory;
  /** Routers mounted before the JSON body parser (the webhook needs its raw body). */
  rawRoutes?: Router[];
  /** Routers mounted after the JSON body parser. */
  routes?: Router[];
};

/** Builds the express app: request ids and logs, health, the given routes, JSON errors. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // Off unless configured: behind no proxy, X-Forwarded-For is the client's to forge, and the
  // login limiter and the sandbox's loopback check read req.ip.
  app.set("trust proxy", deps.config.trustProxy);
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err !== undefined || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      // The webhook logs one structured line of its own per delivery (counts, outcome).
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/metrics" || req.url === "/webhook" },
      serializers: {
        // The path only: query strings can carry tokens (Meta's hub.verify_token).
        req: (req: { id: unknown; method: unknown; url: unknown }) => ({
          id: req.id,
          method: req.method,
          url: typeof req.url === "string" ? req.url.split("?")[0] : req.url,
        }),
        res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(createHealthRoutes(deps));
  for (const router of deps.rawRoutes ?? []) app.use(router);
  app.use(express.json({ limit: "256kb" }));
  for (const router of deps.routes ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(createErrorHandler(deps.log));
  return app;
}
