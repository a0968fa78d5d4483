import { Router } from "express";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../db/sql.ts";
import type { QueueFactory } from "../queues/queueFactory.ts";

const READY_TIMEOUT_MS = 2000;

const okRow = z.object({ ok: z.number() });

/** `/healthz`: the process is up. `/readyz`: PostgreSQL and the queue backend answer. */
export function createHealthRoutes(deps: { pool: DatabasePool; queues: QueueFactory }): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (req, res) => {
    const [database, queue] = await Promise.all([
      check(() => deps.pool.oneFirst(sql.type(okRow)`SELECT 1 AS ok`)),
      check(() => deps.queues.ping()),
    ]);
    const ready = database === "ok" && queue === "ok";
    if (!ready) req.log.warn({ database, queue }, "not ready");
    res.status(ready ? 200 : 503).json({
      status: ready ? "ready" : "not_ready",
      checks: { database, queue, queueBackend: deps.queues.kind },
    });
  });
  return router;
}

async function check(probe: () => Promise<unknown>): Promise<"ok" | "unreachable"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), READY_TIMEOUT_MS);
      }),
    ]);
    return "ok";
  } catch {
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}
