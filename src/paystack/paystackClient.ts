import { z } from "zod";

/**
 * The three Paystack calls billing makes, with their documented shapes
 * (https://paystack.com/docs/api/transaction/): initialize a checkout, verify a transaction by
 * reference, and charge a kept card authorization. Amounts are integers in kobo, as Paystack
 * and our schema both use. Every answer is parsed with zod; a transport error or a non-2xx
 * answer is a result, not an exception, so callers decide (retry, dunning).
 */
export type PaystackClient = {
  initializeTransaction(input: InitializeInput): Promise<PaystackResult<InitializedTransaction>>;
  verifyTransaction(reference: string): Promise<PaystackResult<PaystackTransaction>>;
  chargeAuthorization(input: ChargeAuthorizationInput): Promise<PaystackResult<PaystackTransaction>>;
};

export type InitializeInput = {
  email: string;
  amountKobo: number;
  reference: string;
  currency: "NGN";
  callbackUrl?: string;
  metadata: Record<string, string>;
};

export type ChargeAuthorizationInput = {
  email: string;
  amountKobo: number;
  reference: string;
  currency: "NGN";
  authorizationCode: string;
  metadata: Record<string, string>;
};

export type PaystackResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "unreachable" | "refused"; status: number | null; message: string };

export const paystackAuthorizationSchema = z.looseObject({
  authorization_code: z.string().min(1).max(100),
  last4: z.string().max(4).nullish(),
  brand: z.string().max(30).nullish(),
  card_type: z.string().nullish(),
  reusable: z.boolean().nullish(),
});

/** A transaction as verify, charge_authorization and the `charge.success` event report it. */
export const paystackTransactionSchema = z.looseObject({
  id: z.number().int().nullish(),
  status: z.string(),
  reference: z.string().min(1).max(100),
  amount: z.number().int().nonnegative(),
  currency: z.string().max(3).nullish(),
  channel: z.string().max(30).nullish(),
  gateway_response: z.string().nullish(),
  paid_at: z.string().nullish(),
  authorization: paystackAuthorizationSchema.nullish(),
  customer: z.looseObject({ email: z.string().nullish() }).nullish(),
});

export type PaystackTransaction = z.infer<typeof paystackTransactionSchema>;

const initializedSchema = z.looseObject({
  authorization_url: z.url(),
  access_code: z.string(),
  reference: z.string(),
});

export type InitializedTransaction = z.infer<typeof initializedSchema>;

const envelope = z.looseObject({ status: z.literal(true), message: z.string().optional(), data: z.unknown() });
const errorEnvelope = z.looseObject({ message: z.string() });

const TIMEOUT_MS = 15_000;

/** A client for Paystack's REST API at `apiUrl` (Paystack's, or a fake in tests and sandbox). */
export function createPaystackClient(deps: {
  apiUrl: string | (() => string);
  secretKey: string;
  fetch?: typeof fetch;
}): PaystackClient {
  const doFetch = deps.fetch ?? fetch;
  const base = () => (typeof deps.apiUrl === "function" ? deps.apiUrl() : deps.apiUrl);

  async function request<T extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    schema: T,
  ): Promise<PaystackResult<z.output<T>>> {
    let response: Response;
    try {
      response = await doFetch(`${base()}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${deps.secretKey}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      return {
        ok: false,
        reason: "unreachable",
        status: null,
        message: err instanceof Error ? err.message : "request failed",
      };
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (!response.ok) {
      const parsed = errorEnvelope.safeParse(json);
      const reason = response.status >= 500 ? "unreachable" : "refused";
      return {
        ok: false,
        reason,
        status: response.status,
        message: parsed.success ? parsed.data.message : `HTTP ${response.status}`,
      };
    }
    const wrapped = envelope.safeParse(json);
    const parsed = schema.safeParse(wrapped.success ? wrapped.data.data : undefined);
    if (!parsed.success)
      return { ok: false, reason: "refused", status: response.status, message: "unexpected Paystack answer" };
    return { ok: true, value: parsed.data };
  }

  return {
    initializeTransaction: (input) =>
      request(
        "POST",
        "/transaction/initialize",
        {
          email: input.email,
          amount: String(input.amountKobo),
          currency: input.currency,
          reference: input.reference,
          metadata: input.metadata,
          ...(input.callbackUrl === undefined ? {} : { callback_url: input.callbackUrl }),
        },
        initializedSchema,
      ),
    verifyTransaction: (reference) =>
      request("GET", `/transaction/verify/${encodeURIComponent(reference)}`, undefined, paystackTransactionSchema),
    chargeAuthorization: (input) =>
      request(
        "POST",
        "/transaction/charge_authorization",
        {
          email: input.email,
          amount: String(input.amountKobo),
          currency: input.currency,
          reference: input.reference,
          authorization_code: input.authorizationCode,
          metadata: input.metadata,
        },
        paystackTransactionSchema,
      ),
  };
}
