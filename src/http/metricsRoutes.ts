import { Router } from "express";
import type { Metrics } from "../metrics.ts";

/** `GET /metrics`: Prometheus text format. */
export function createMetricsRoutes(metrics: Metrics): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
