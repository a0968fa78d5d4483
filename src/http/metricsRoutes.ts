import { Router } from "express";
import type { Metrics } from "../metrics.ts";
import { safeEqual } from "./safeEqual.ts";

/**
 * `GET /metrics`: Prometheus text format. With a token (METRICS_TOKEN) it answers only
 * `Authorization: Bearer <token>`: the counters say how busy each part of the app is.
 */
export function createMetricsRoutes(metrics: Metrics, options: { token?: string | undefined } = {}): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    const token = options.token;
    if (token !== undefined && !safeEqual(req.header("authorization") ?? "", `Bearer ${token}`)) {
      res.status(401).json({ error: { code: "unauthorized", message: "A bearer token is required for /metrics" } });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
