import type { Tx } from "../../db/sql.ts";
import { findCustomerByPhone } from "../customers/findCustomerByPhone.ts";
import type { Award } from "../rules/evaluatePurchase.ts";
import { evaluatePurchaseFor } from "./evaluatePurchaseFor.ts";
import { loadPurchaseContext } from "./loadPurchaseContext.ts";

export type PreviewPurchaseInput = {
  tenantId: string;
  customerPhone: string;
  amountKobo: number;
  productName?: string | null;
  now: Date;
};

export type PreviewPurchaseResult =
  | {
      ok: true;
      /** Points the buyer would earn. */
      points: number;
      referrerPoints: number;
      awards: Award[];
      /** false when logging would create the customer. */
      customerExists: boolean;
    }
  | { ok: false; reason: "invalid_amount" };

/**
 * The points a purchase would award, for a staff member's "confirm?" step. Writes nothing and
 * takes no locks, so the logged result can differ if something changes in between.
 */
export async function previewPurchase(tx: Tx, input: PreviewPurchaseInput): Promise<PreviewPurchaseResult> {
  if (!Number.isSafeInteger(input.amountKobo) || input.amountKobo <= 0) return { ok: false, reason: "invalid_amount" };
  const customer = await findCustomerByPhone(tx, input.customerPhone);
  const context = await loadPurchaseContext(tx, {
    tenantId: input.tenantId,
    customer,
    idempotencyKey: null,
    now: input.now,
  });
  const { awards } = evaluatePurchaseFor({
    context,
    customer,
    amountKobo: input.amountKobo,
    productName: input.productName ?? null,
    now: input.now,
  });
  const sum = (beneficiary: Award["beneficiary"]) =>
    awards.filter((award) => award.beneficiary === beneficiary).reduce((total, award) => total + award.points, 0);
  return {
    ok: true,
    points: sum("customer"),
    referrerPoints: customer?.referredByCustomerId === null || customer === null ? 0 : sum("referrer"),
    awards,
    customerExists: customer !== null,
  };
}
