import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { queueTierUpNotice } from "../lifecycle/tierUpNotice.ts";
import { logPurchase } from "../purchases/logPurchase.ts";
import { claimColumns, claimRecordSchema, type ClaimRecord } from "./claimRecord.ts";
import { queueClaimDecisionNotice } from "./queueClaimDecisionNotice.ts";

export type ReviewClaimInput = {
  tenantId: string;
  claimId: string;
  reviewerUserId: string;
  now: Date;
  defaultPhoneNumberId: string;
} & ({ decision: "approve"; amountKobo?: number } | { decision: "reject"; reason: string });

export type ReviewClaimResult =
  | { ok: true; claim: ClaimRecord; pointsAwarded: number; outboxIds: string[] }
  | { ok: false; reason: "not_found" | "already_reviewed" | "purchase_refused"; detail?: string };

const idRow = z.object({ id: z.string() });

/**
 * Approves or rejects a pending receipt claim, one front door for chat (`CLAIMS`) and the API.
 * The claim row is locked, so two reviewers cannot both decide it. Approval logs the purchase
 * through the same rules as any other (`source` customer_self, logged by the reviewer, keyed by
 * the claim so a retry cannot log it twice, its `receipt_url` the claim's receipt route), and
 * rejection keeps the reason. Either way the customer is told and an audit row is written.
 */
export async function reviewClaim(tx: Tx, input: ReviewClaimInput): Promise<ReviewClaimResult> {
  const claim = await tx.maybeOne(sql.type(claimRecordSchema)`
    SELECT ${claimColumns} FROM purchase_claims pc JOIN customers c ON c.id = pc.customer_id
    WHERE pc.id = ${input.claimId} FOR UPDATE OF pc
  `);
  if (claim === null) return { ok: false, reason: "not_found" };
  if (claim.status !== "pending") return { ok: false, reason: "already_reviewed" };

  if (input.decision === "reject") {
    const rejected = await tx.one(sql.type(claimRecordSchema)`
      WITH updated AS (
        UPDATE purchase_claims SET status = 'rejected', rejection_reason = ${input.reason}, reviewed_by_user_id = ${input.reviewerUserId},
          reviewed_at = ${sql.timestamp(input.now)}
        WHERE id = ${claim.id} RETURNING *
      )
      SELECT ${claimColumns} FROM updated pc JOIN customers c ON c.id = pc.customer_id
    `);
    await audit(tx, input, rejected, { reason: input.reason });
    const outboxId = await queueClaimDecisionNotice(tx, {
      tenantId: input.tenantId,
      customerId: claim.customerId,
      decision: { kind: "rejected", reason: input.reason },
      now: input.now,
      defaultPhoneNumberId: input.defaultPhoneNumberId,
    });
    return { ok: true, claim: rejected, pointsAwarded: 0, outboxIds: [outboxId] };
  }

  const amountKobo = input.amountKobo ?? claim.amountKobo;
  const purchase = await logPurchase(tx, {
    tenantId: input.tenantId,
    customerPhone: claim.customerPhone,
    amountKobo,
    source: "customer_self",
    loggedVia: "customer_self",
    loggedByUserId: input.reviewerUserId,
    idempotencyKey: `claim-${claim.id}`,
    now: input.now,
  });
  if (!purchase.ok) return { ok: false, reason: "purchase_refused", detail: purchase.reason };
  await tx.query(sql.type(idRow)`
    UPDATE purchases SET receipt_url = ${`/api/v1/claims/${claim.id}/receipt`}, receipt_verified = true WHERE id = ${purchase.purchase.id} RETURNING id
  `);
  const approved = await tx.one(sql.type(claimRecordSchema)`
    WITH updated AS (
      UPDATE purchase_claims SET status = 'approved', amount_kobo = ${amountKobo}, purchase_id = ${purchase.purchase.id},
        reviewed_by_user_id = ${input.reviewerUserId}, reviewed_at = ${sql.timestamp(input.now)}
      WHERE id = ${claim.id} RETURNING *
    )
    SELECT ${claimColumns} FROM updated pc JOIN customers c ON c.id = pc.customer_id
  `);
  const points = purchase.purchase.pointsAwarded;
  await audit(tx, input, approved, {
    purchaseId: purchase.purchase.id,
    amountKobo,
    claimedKobo: claim.amountKobo,
    points,
  });
  const outboxId = await queueClaimDecisionNotice(tx, {
    tenantId: input.tenantId,
    customerId: claim.customerId,
    decision: { kind: "approved", points, balance: purchase.balance },
    now: input.now,
    defaultPhoneNumberId: input.defaultPhoneNumberId,
  });
  // Reaching a VIP tier with this purchase is told once, like any other purchase's.
  const tierUpId =
    purchase.tierUp === null
      ? null
      : await queueTierUpNotice(tx, {
          tenantId: input.tenantId,
          customerId: purchase.customer.id,
          customerPhone: purchase.customer.phoneNumber,
          tier: purchase.tierUp,
          now: input.now,
          defaultPhoneNumberId: input.defaultPhoneNumberId,
        });
  return {
    ok: true,
    claim: approved,
    pointsAwarded: points,
    outboxIds: tierUpId === null ? [outboxId] : [outboxId, tierUpId],
  };
}

async function audit(
  tx: Tx,
  input: ReviewClaimInput,
  claim: ClaimRecord,
  values: Record<string, unknown>,
): Promise<void> {
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.reviewerUserId },
    action: input.decision === "approve" ? "claim.approved" : "claim.rejected",
    entityType: "purchase_claim",
    entityId: claim.id,
    oldValues: { status: "pending" },
    newValues: { status: claim.status, ...values },
  });
}
