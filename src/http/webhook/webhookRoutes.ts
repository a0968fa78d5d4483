import express, { Router } from "express";
import type { DatabasePool } from "slonik";
import type { Config } from "../../config.ts";
import { createWebhookIntake } from "../../conversation/createWebhookIntake.ts";
import type { Logger } from "../../logger.ts";
import type { Metrics } from "../../metrics.ts";
import { safeEqual } from "../safeEqual.ts";
import { verifyWebhookSignature } from "../../whatsapp/verifyWebhookSignature.ts";
import { parseWebhookPayload } from "../../whatsapp/webhookPayload.ts";

const MAX_BODY = "1mb";

/**
 * Meta's webhook: `GET /webhook` answers the verification handshake; `POST /webhook` checks
 * the signature on the raw body, parses the payload with our own schema, stores every message
 * and status in one transaction (shared with deliveries arriving at the same time), queues the
 * messages and answers 200. If the store fails the answer is 5xx, so Meta delivers again:
 * nothing is acknowledged that was not stored.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 */
export function createWebhookRoutes(deps: {
  config: Config;
  log: Logger;
  pool: DatabasePool;
  metrics: Metrics;
}): Router {
  const { config, metrics } = deps;
  const router = Router();
  const intake = createWebhookIntake({ pool: deps.pool, metrics });
  if (config.whatsapp.appSecret === undefined && !config.whatsapp.sandbox) {
    deps.log.warn("WHATSAPP_APP_SECRET is not set: every POST /webhook is refused (401) until it is");
  }

  router.get("/webhook", (req, res) => {
    const mode = req.query["hub.mode"];
    const token = req.query["hub.verify_token"];
    const challenge = req.query["hub.challenge"];
    const expected = config.whatsapp.verifyToken;
    // Constant time: the verify token must not be guessable character by character from timings.
    if (
      mode === "subscribe" &&
      expected !== undefined &&
      typeof token === "string" &&
      safeEqual(token, expected) &&
      typeof challenge === "string"
    ) {
      res.status(200).type("text/plain").send(challenge);
      return;
    }
    req.log.warn({ mode: typeof mode === "string" ? mode : null }, "webhook verification refused");
    res.status(403).json({ error: { code: "forbidden", message: "Verification token mismatch" } });
  });

  router.post("/webhook", express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const stopTimer = metrics.webhookDuration.startTimer();
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const appSecret = config.whatsapp.appSecret;
    if (appSecret === undefined) {
      // Fail closed: without the app secret nothing proves a post came from Meta, and an
      // unsigned post could speak for any phone. Sandbox mode always has a secret of its own.
      metrics.webhookRequests.inc({ outcome: "signature_unconfigured" });
      req.log.warn("webhook refused: WHATSAPP_APP_SECRET is not set");
      res.status(401).json({
        error: {
          code: "invalid_signature",
          message: "Webhook signatures cannot be checked: no app secret is configured",
        },
      });
      stopTimer();
      return;
    }
    const header = req.header("x-hub-signature-256");
    const check = verifyWebhookSignature(raw, header, appSecret);
    if (!check.ok) {
      metrics.webhookRequests.inc({ outcome: `signature_${check.reason}` });
      req.log.warn({ reason: check.reason }, "webhook signature refused");
      res.status(401).json({ error: { code: "invalid_signature", message: `Signature ${check.reason}` } });
      stopTimer();
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      metrics.webhookRequests.inc({ outcome: "malformed_json" });
      req.log.warn({ bytes: raw.length }, "webhook body is not JSON");
      res.status(400).json({ error: { code: "invalid_body", message: "The body is not valid JSON" } });
      stopTimer();
      return;
    }
    const parsed = parseWebhookPayload(json);
    if (!parsed.ok) {
      metrics.webhookRequests.inc({ outcome: "invalid_payload" });
      req.log.warn({ reason: parsed.reason }, "webhook payload refused");
      res.status(400).json({ error: { code: "invalid_payload", message: parsed.reason } });
      stopTimer();
      return;
    }
    const events = parsed.value;
    for (const skipped of events.skipped)
      req.log.info({ reason: skipped.reason, waMessageId: skipped.id }, "webhook event skipped");

    let stored: Awaited<ReturnType<typeof intake.accept>>;
    try {
      stored = await intake.accept(events);
    } catch (err) {
      metrics.webhookRequests.inc({ outcome: "store_failed" });
      req.log.error({ err }, "webhook not stored; answering 503 so Meta retries");
      res.status(503).json({ error: { code: "service_unavailable", message: "Try again later" } });
      stopTimer();
      return;
    }
    metrics.webhookRequests.inc({ outcome: "accepted" });
    metrics.inboundMessages.inc(events.messages.length);
    req.log.info(
      {
        messages: events.messages.length,
        statuses: events.statuses.length,
        statusesApplied: stored.statusesApplied,
        queued: stored.pendingIds.length,
      },
      "webhook stored",
    );
    res.status(200).json({ status: "ok" });
    stopTimer();
  });

  return router;
}
