import { randomBytes, randomInt } from "node:crypto";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Logger } from "../logger.ts";
import { signPaystackBody } from "../paystack/verifyPaystackSignature.ts";

/** Where the fake is mounted in the app; the sandbox client's PAYSTACK_API_URL. */
export const SANDBOX_PAYSTACK_PATH = "/sandbox/paystack";

type FakeTransaction = {
  id: number;
  reference: string;
  accessCode: string;
  amount: number;
  currency: string;
  email: string;
  status: "pending" | "success" | "failed";
  paidAt: string | null;
  createdAt: string;
  metadata: unknown;
  authorizationCode: string | null;
};

const initializeBody = z.looseObject({
  email: z.string().min(3).max(255),
  amount: z.union([z.string().regex(/^\d{1,12}$/), z.int().nonnegative()]).transform(Number),
  reference: z.string().min(1).max(100),
  currency: z.string().length(3).default("NGN"),
  metadata: z.unknown().optional(),
});

const chargeBody = initializeBody.extend({ authorization_code: z.string().min(1).max(100) });

/**
 * Sandbox mode's Paystack (no PAYSTACK_SECRET_KEY, never in production): the three API calls
 * billing makes, answered as Paystack documents them, and a checkout page where a person
 * completes or fails the payment. A completed payment is announced to the app's own
 * `/webhooks/paystack` as a signed `charge.success`, exactly as Paystack would. State is kept
 * in memory: a restart forgets checkouts (the invoices stay unpaid and can be paid again).
 * The card of a checkout "declines at renewal" if the person picks that button, so dunning can
 * be clicked through too.
 */
export function createSandboxPaystack(deps: {
  secretKey: string;
  appUrl: () => string | undefined;
  log: Logger;
}): Router {
  const byReference = new Map<string, FakeTransaction>();
  const byAccessCode = new Map<string, FakeTransaction>();
  const decliningCards = new Set<string>();
  const cards = new Map<string, string>();
  const router = Router();

  const authorized = (req: Request, res: Response): boolean => {
    if (req.header("authorization") === `Bearer ${deps.secretKey}`) return true;
    res.status(401).json({ status: false, message: "Invalid key" });
    return false;
  };

  router.post(`${SANDBOX_PAYSTACK_PATH}/transaction/initialize`, (req, res) => {
    if (!authorized(req, res)) return;
    const body = initializeBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ status: false, message: "Invalid request" });
      return;
    }
    if (byReference.has(body.data.reference)) {
      res.status(400).json({ status: false, message: "Duplicate Transaction Reference" });
      return;
    }
    const trx: FakeTransaction = {
      id: randomInt(1, 2 ** 31),
      reference: body.data.reference,
      accessCode: randomBytes(8).toString("hex"),
      amount: body.data.amount,
      currency: body.data.currency,
      email: body.data.email,
      status: "pending",
      paidAt: null,
      createdAt: new Date().toISOString(),
      metadata: body.data.metadata ?? null,
      authorizationCode: null,
    };
    byReference.set(trx.reference, trx);
    byAccessCode.set(trx.accessCode, trx);
    res.json({
      status: true,
      message: "Authorization URL created",
      data: {
        authorization_url: `${deps.appUrl() ?? ""}${SANDBOX_PAYSTACK_PATH}/checkout/${trx.accessCode}`,
        access_code: trx.accessCode,
        reference: trx.reference,
      },
    });
  });

  router.get(`${SANDBOX_PAYSTACK_PATH}/transaction/verify/:reference`, (req, res) => {
    if (!authorized(req, res)) return;
    const trx = byReference.get(String(req.params.reference));
    if (trx === undefined) {
      res.status(400).json({ status: false, message: "Transaction reference not found" });
      return;
    }
    res.json({ status: true, message: "Verification successful", data: transactionJson(trx) });
  });

  router.post(`${SANDBOX_PAYSTACK_PATH}/transaction/charge_authorization`, (req, res) => {
    if (!authorized(req, res)) return;
    const body = chargeBody.safeParse(req.body);
    if (!body.success || !cards.has(body.data.authorization_code)) {
      res.status(400).json({ status: false, message: "Invalid authorization code" });
      return;
    }
    const declined = decliningCards.has(body.data.authorization_code);
    const trx: FakeTransaction = {
      id: randomInt(1, 2 ** 31),
      reference: body.data.reference,
      accessCode: randomBytes(8).toString("hex"),
      amount: body.data.amount,
      currency: body.data.currency,
      email: body.data.email,
      status: declined ? "failed" : "success",
      paidAt: declined ? null : new Date().toISOString(),
      createdAt: new Date().toISOString(),
      metadata: body.data.metadata ?? null,
      authorizationCode: body.data.authorization_code,
    };
    byReference.set(trx.reference, trx);
    res.json({ status: true, message: "Charge attempted", data: transactionJson(trx) });
  });

  router.get(`${SANDBOX_PAYSTACK_PATH}/checkout/:accessCode`, (req, res) => {
    const trx = byAccessCode.get(String(req.params.accessCode));
    if (trx === undefined) {
      res.status(404).type("html").send(page("Checkout not found", "<p>This checkout link is unknown or expired.</p>"));
      return;
    }
    const naira = (trx.amount / 100).toLocaleString("en-NG", { minimumFractionDigits: 2 });
    const action = `${SANDBOX_PAYSTACK_PATH}/checkout/${trx.accessCode}/complete`;
    const form = (outcome: string, label: string) =>
      `<form method="post" action="${action}?outcome=${outcome}"><button type="submit">${label}</button></form>`;
    const body =
      trx.status === "pending"
        ? `<p>Pay <strong>₦${naira}</strong> for invoice reference <code>${escapeHtml(trx.reference)}</code>.</p>
           <p>Sandbox: no money moves. Pick what the card does.</p>
           ${form("success", "Pay now")}${form("success_declines_later", "Pay now (card declines at renewal)")}${form("failed", "Fail the payment")}`
        : `<p>This payment is already ${trx.status}.</p>`;
    res.type("html").send(page("Sandbox Paystack checkout", body));
  });

  router.post(`${SANDBOX_PAYSTACK_PATH}/checkout/:accessCode/complete`, async (req, res) => {
    const trx = byAccessCode.get(String(req.params.accessCode));
    const outcome = z.enum(["success", "success_declines_later", "failed"]).safeParse(req.query.outcome);
    if (trx === undefined || !outcome.success) {
      res.status(404).type("html").send(page("Checkout not found", "<p>This checkout link is unknown or expired.</p>"));
      return;
    }
    if (trx.status !== "pending") {
      res.type("html").send(page("Sandbox Paystack checkout", `<p>This payment is already ${trx.status}.</p>`));
      return;
    }
    if (outcome.data === "failed") {
      trx.status = "failed";
      res
        .type("html")
        .send(
          page("Payment failed", `<p>The payment failed. Nothing was charged.</p><p><a href="/dashboard">Back</a></p>`),
        );
      return;
    }
    trx.status = "success";
    trx.paidAt = new Date().toISOString();
    trx.authorizationCode = `AUTH_${randomBytes(6).toString("hex")}`;
    cards.set(trx.authorizationCode, trx.email);
    if (outcome.data === "success_declines_later") decliningCards.add(trx.authorizationCode);
    const status = await announce(trx);
    res
      .type("html")
      .send(
        page(
          "Payment successful",
          `<p>Payment received (webhook answered ${status}).</p><p><a href="/dashboard">Back to the dashboard</a></p>`,
        ),
      );
  });

  async function announce(trx: FakeTransaction): Promise<number | string> {
    const appUrl = deps.appUrl();
    if (appUrl === undefined) return "not sent";
    const raw = JSON.stringify({ event: "charge.success", data: transactionJson(trx) });
    try {
      const response = await fetch(`${appUrl}/webhooks/paystack`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-paystack-signature": signPaystackBody(raw, deps.secretKey) },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch (err) {
      deps.log.warn({ err }, "sandbox paystack webhook failed");
      return "failed";
    }
  }

  return router;
}

/** A transaction as Paystack's verify endpoint and `charge.success` describe it. */
function transactionJson(trx: FakeTransaction) {
  return {
    id: trx.id,
    domain: "test",
    status: trx.status === "pending" ? "abandoned" : trx.status,
    reference: trx.reference,
    amount: trx.amount,
    message: null,
    gateway_response:
      trx.status === "success"
        ? "Successful"
        : trx.status === "failed"
          ? "Declined"
          : "The transaction was not completed",
    paid_at: trx.paidAt,
    created_at: trx.createdAt,
    channel: "card",
    currency: trx.currency,
    metadata: trx.metadata,
    authorization:
      trx.authorizationCode === null
        ? null
        : {
            authorization_code: trx.authorizationCode,
            bin: "408408",
            last4: "4081",
            exp_month: "12",
            exp_year: "2030",
            channel: "card",
            card_type: "visa ",
            bank: "TEST BANK",
            country_code: "NG",
            brand: "visa",
            reusable: true,
            signature: `SIG_${trx.authorizationCode}`,
          },
    customer: { id: 1, email: trx.email, customer_code: "CUS_sandbox" },
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
button{display:block;width:100%;padding:.8rem;margin:.5rem 0;font-size:1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
