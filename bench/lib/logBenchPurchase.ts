import { randomInt } from "node:crypto";
import type { DatabasePool } from "slonik";
import { withTenant } from "../../src/db/withTenant.ts";
import { logPurchase, type LogPurchaseResult } from "../../src/domain/purchases/logPurchase.ts";

/**
 * One purchase as the staff chat logs it (`logPurchase` inside `withTenant`): a random amount
 * between ₦500 and ₦50,000 for an existing customer, under the idempotency key given.
 */
export function logBenchPurchase(
  db: DatabasePool,
  customer: { tenantId: string; phone: string },
  idempotencyKey: string,
): Promise<LogPurchaseResult> {
  return withTenant(db, customer.tenantId, (tx) =>
    logPurchase(tx, {
      tenantId: customer.tenantId,
      customerPhone: customer.phone,
      amountKobo: randomInt(50_000, 5_000_000),
      source: "whatsapp",
      loggedVia: "staff_pin",
      loggedByUserId: null,
      idempotencyKey,
      now: new Date(),
    }),
  );
}
