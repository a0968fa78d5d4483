import { randomBytes, randomInt } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { z } from "zod";
import { signPaystackBody } from "../../src/paystack/verifyPaystackSignature.ts";

/**
 * A fake Paystack API on 127.0.0.1, built from Paystack's documented formats
 * (https://paystack.com/docs/api/transaction/): `POST /transaction/initialize`,
 * `GET /transaction/verify/:reference`, `POST /transaction/charge_authorization`, each behind
 * `Authorization: Bearer <secret key>`, answering `{ status, message, data }`. The test plays
 * the payer with `pay()`, which completes a checkout and returns the `charge.success` event
 * Paystack would post, signed (`x-paystack-signature`, HMAC-SHA512 of the body with the key).
 */
export type FakePaystack = {
  url: string;
  secretKey: string;
  requests: { method: string; path: string; body: unknown }[];
  /** What charge_authorization does with a card: `success` or `failed` (declined). */
  chargeOutcome: "success" | "failed";
  /** Verify answers 500 while true (Paystack down). */
  verifyDown: boolean;
  /** The reference of the last initialized checkout. */
  lastReference(): string;
  /** Completes a checkout as the payer: the event to deliver, signed. `amount` overrides what was paid. */
  pay(reference: string, options?: { amount?: number; currency?: string; authorizationCode?: string }): SignedEvent;
  /** A signed event body for any transaction data (unknown references, other events). */
  signedEvent(event: unknown): SignedEvent;
  stop(): Promise<void>;
};

export type SignedEvent = { raw: string; signature: string };

type Trx = {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  email: string;
  status: "abandoned" | "success" | "failed";
  paidAt: string | null;
  authorizationCode: string | null;
  metadata: unknown;
};

const initializeBody = z.object({
  email: z.string(),
  amount: z.string().regex(/^\d+$/).transform(Number),
  reference: z.string(),
  currency: z.string().default("NGN"),
  metadata: z.unknown().optional(),
});
const chargeBody = initializeBody.extend({ authorization_code: z.string() });

export async function startFakePaystack(): Promise<FakePaystack> {
  const secretKey = `sk_test_${randomBytes(20).toString("hex")}`;
  const transactions = new Map<string, Trx>();
  const app = express();
  app.use(express.json());
  let lastReference = "";
  const fake: FakePaystack = {
    url: "",
    secretKey,
    requests: [],
    chargeOutcome: "success",
    verifyDown: false,
    lastReference: () => lastReference,
    pay(reference, options = {}) {
      const trx = transactions.get(reference);
      if (trx === undefined) throw new Error(`fake paystack: no checkout ${reference}`);
      trx.status = "success";
      trx.paidAt = new Date().toISOString();
      trx.amount = options.amount ?? trx.amount;
      trx.currency = options.currency ?? trx.currency;
      trx.authorizationCode = options.authorizationCode ?? `AUTH_${randomBytes(5).toString("hex")}`;
      return fake.signedEvent({ event: "charge.success", data: transactionJson(trx) });
    },
    signedEvent(event) {
      const raw = JSON.stringify(event);
      return { raw, signature: signPaystackBody(raw, secretKey) };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  app.use((req, res, next) => {
    fake.requests.push({ method: req.method, path: req.path, body: req.body });
    if (req.header("authorization") !== `Bearer ${secretKey}`) {
      res.status(401).json({ status: false, message: "Invalid key" });
      return;
    }
    next();
  });
  app.post("/transaction/initialize", (req, res) => {
    const body = initializeBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ status: false, message: "Invalid request" });
    if (transactions.has(body.data.reference))
      return void res.status(400).json({ status: false, message: "Duplicate Transaction Reference" });
    const accessCode = randomBytes(6).toString("hex");
    transactions.set(body.data.reference, {
      id: randomInt(1, 2 ** 31),
      reference: body.data.reference,
      amount: body.data.amount,
      currency: body.data.currency,
      email: body.data.email,
      status: "abandoned",
      paidAt: null,
      authorizationCode: null,
      metadata: body.data.metadata ?? null,
    });
    lastReference = body.data.reference;
    res.json({
      status: true,
      message: "Authorization URL created",
      data: {
        authorization_url: `https://checkout.paystack.com/${accessCode}`,
        access_code: accessCode,
        reference: body.data.reference,
      },
    });
  });
  app.get("/transaction/verify/:reference", (req, res) => {
    if (fake.verifyDown) return void res.status(500).json({ status: false, message: "Server error" });
    const trx = transactions.get(req.params.reference);
    if (trx === undefined)
      return void res.status(400).json({ status: false, message: "Transaction reference not found" });
    res.json({ status: true, message: "Verification successful", data: transactionJson(trx) });
  });
  app.post("/transaction/charge_authorization", (req, res) => {
    const body = chargeBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ status: false, message: "Invalid request" });
    const success = fake.chargeOutcome === "success";
    const trx: Trx = {
      id: randomInt(1, 2 ** 31),
      reference: body.data.reference,
      amount: body.data.amount,
      currency: body.data.currency,
      email: body.data.email,
      status: success ? "success" : "failed",
      paidAt: success ? new Date().toISOString() : null,
      authorizationCode: body.data.authorization_code,
      metadata: body.data.metadata ?? null,
    };
    transactions.set(trx.reference, trx);
    res.json({ status: true, message: "Charge attempted", data: transactionJson(trx) });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : 0;
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}

function transactionJson(trx: Trx) {
  return {
    id: trx.id,
    domain: "test",
    status: trx.status,
    reference: trx.reference,
    amount: trx.amount,
    message: null,
    gateway_response: trx.status === "success" ? "Successful" : trx.status === "failed" ? "Declined" : "Abandoned",
    paid_at: trx.paidAt,
    created_at: new Date().toISOString(),
    channel: "card",
    currency: trx.currency,
    ip_address: "127.0.0.1",
    metadata: trx.metadata,
    fees: 0,
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
            signature: "SIG_test",
            account_name: null,
          },
    customer: {
      id: 84312,
      first_name: null,
      last_name: null,
      email: trx.email,
      customer_code: "CUS_test",
      phone: null,
      metadata: null,
      risk_action: "default",
    },
    plan: null,
  };
}
