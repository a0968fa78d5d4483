import express, { Router } from "express";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { settlePaystackCharge } from "../../domain/billing/settlePaystackCharge.ts";
import type { Logger } from "../../logger.ts";
import type { PaystackGateway } from "../../paystack/createPaystackGateway.ts";
import { verifyPaystackSignature } from "../../paystack/verifyPaystackSignature.ts";

const MAX_BODY = "256kb";

/** What we read of an event before asking Paystack itself (everything else is verified there). */
const eventSchema = z.looseObject({
  event: z.string().max(100),
  data: z.looseObject({ reference: z.string().min(1).max(100).optional() }).optional(),
});

/**
 * `POST /webhooks/paystack`: the signature (`x-paystack-signature`, HMAC-SHA512 of the raw body
 * with the secret key) is checked in constant time before anything is parsed — 401 if it is
 * missing or wrong. `charge.success` is verified with Paystack and applied once
 * (settlePaystackCharge); other events and unknown references are logged and answered 200 so
 * Paystack stops retrying; a verify that cannot be done now is 502, so Paystack retries.
 * https://paystack.com/docs/payments/webhooks/
 */
export function createPaystackWebhookRoutes(deps: {
  pool: DatabasePool;
  log: Logger;
  gateway: PaystackGateway;
}): Router {
  const router = Router();
  router.post("/webhooks/paystack", express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const { gateway, log } = deps;
    if (gateway.client === null || gateway.secretKey === null) {
      res.status(503).json({ error: { code: "payments_unavailable", message: "Paystack is not configured" } });
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifyPaystackSignature(raw, req.header("x-paystack-signature"), gateway.secretKey);
    if (!check.ok) {
      log.warn({ reason: check.reason }, "paystack webhook signature refused");
      res.status(401).json({ error: { code: "invalid_signature", message: `Signature ${check.reason}` } });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      res.status(400).json({ error: { code: "validation_error", message: "The body is not JSON" } });
      return;
    }
    const event = eventSchema.safeParse(json);
    if (!event.success) {
      res.status(400).json({ error: { code: "validation_error", message: "Not a Paystack event" } });
      return;
    }
    const reference = event.data.data?.reference;
    if (event.data.event !== "charge.success" || reference === undefined) {
      log.info({ event: event.data.event }, "paystack event ignored");
      res.status(200).json({ received: true });
      return;
    }
    const settled = await settlePaystackCharge(
      { pool: deps.pool, paystack: gateway.client },
      { reference, now: new Date() },
    );
    if (settled.outcome === "verify_failed") {
      log.error({ reference, reason: settled.message }, "paystack charge could not be verified");
      res.status(502).json({ error: { code: "verify_failed", message: "The payment could not be verified yet" } });
      return;
    }
    if (settled.outcome === "applied") {
      log.info(
        {
          reference,
          tenantId: settled.invoice.tenantId,
          invoiceId: settled.invoice.id,
          reactivated: settled.reactivated,
        },
        "invoice paid through paystack",
      );
    } else if (settled.outcome === "unknown_reference") {
      log.warn({ reference }, "paystack charge for an unknown reference");
    } else if (settled.outcome === "mismatch" || settled.outcome === "already_paid") {
      log.error({ reference, outcome: settled.outcome }, "paystack charge not applied: needs an operator");
    } else {
      log.info({ reference, outcome: settled.outcome }, "paystack charge settled");
    }
    res.status(200).json({ received: true });
  });
  return router;
}
