import type { DatabasePool } from "slonik";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { withTenant } from "../../db/withTenant.ts";
import type { ClaimRecord } from "../../domain/claims/claimRecord.ts";
import { claimStatusSchema } from "../../domain/claims/claimRecord.ts";
import { listClaims } from "../../domain/claims/listClaims.ts";
import { reviewClaim, type ReviewClaimResult } from "../../domain/claims/reviewClaim.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { createMessageQueues, enqueueOutbound } from "../../queues/messageQueues.ts";
import type { QueueFactory } from "../../queues/queueFactory.ts";
import { createReceiptStore } from "../../storage/createReceiptStore.ts";
import { noBody, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { idParams, pageOf, pageQuery, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { PEOPLE } from "./roles.ts";
import { personId } from "./staffRoutes.ts";

const claimResponse = z
  .object({
    id: z.uuid(),
    customer_id: z.uuid(),
    customer_phone: z.string(),
    amount_kobo: z.int(),
    status: claimStatusSchema,
    receipt_url: z.string().meta({ description: "Served only to the tenant's signed-in users" }),
    receipt_mime_type: z.string(),
    receipt_bytes: z.int(),
    reviewed_by_user_id: z.uuid().nullable(),
    reviewed_at: z.iso.datetime().nullable(),
    rejection_reason: z.string().nullable(),
    purchase_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "ReceiptClaim" });

const listQuery = pageQuery.extend({ status: claimStatusSchema.optional() });
const approveBody = z
  .strictObject({
    amount_kobo: z
      .int()
      .positive()
      .max(100_000_000_000)
      .optional()
      .meta({ description: "Override the amount the customer claimed" }),
  })
  .meta({ id: "ApproveClaim" });
const rejectBody = z.strictObject({ reason: text(300) }).meta({ id: "RejectClaim" });
const receiptResponse = z.string().meta({ description: "The receipt photo (JPEG, PNG or WebP)" });

function serializeClaim(claim: ClaimRecord): z.input<typeof claimResponse> {
  return {
    id: claim.id,
    customer_id: claim.customerId,
    customer_phone: claim.customerPhone,
    amount_kobo: claim.amountKobo,
    status: claim.status,
    receipt_url: `/api/v1/claims/${claim.id}/receipt`,
    receipt_mime_type: claim.receiptMimeType,
    receipt_bytes: claim.receiptBytes,
    reviewed_by_user_id: claim.reviewedByUserId,
    reviewed_at: claim.reviewedAt?.toISOString() ?? null,
    rejection_reason: claim.rejectionReason,
    purchase_id: claim.purchaseId,
    created_at: claim.createdAt.toISOString(),
  };
}

/**
 * Vendor: customers' receipt claims (list, read, the photo, approve into a purchase, reject).
 * The photo is served here only, to the tenant's signed-in people (RLS finds the claim first).
 */
export function claimRoutes(deps: { pool: DatabasePool; config: Config; queues: QueueFactory }): ApiRoute[] {
  const { pool } = deps;
  const store = createReceiptStore(deps.config.receiptStorage);
  const { outbound } = createMessageQueues(deps.queues);
  const defaultPhoneNumberId = deps.config.whatsapp.phoneNumberId ?? "sandbox";

  const findClaim = async (tenantId: string, id: string): Promise<ClaimRecord> => {
    const [claim] = await withTenant(pool, tenantId, (tx) => listClaims(tx, { id, after: null, limit: 1 }));
    if (claim === undefined) throw new NotFoundError("No such claim");
    return claim;
  };
  const finishReview = async (result: ReviewClaimResult) => {
    if (!result.ok) {
      if (result.reason === "not_found") throw new NotFoundError("No such claim");
      if (result.reason === "already_reviewed") throw new ConflictError("This claim was already reviewed");
      throw new ValidationError(`The purchase could not be logged: ${result.detail ?? "refused"}`);
    }
    await enqueueOutbound(outbound, result.outboxIds);
    return { status: 200, json: serializeClaim(result.claim) };
  };

  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/claims",
      summary: "List receipt claims, oldest first (filter by status, e.g. pending)",
      tag: "claims",
      roles: PEOPLE,
      body: noBody,
      query: listQuery,
      params: z.strictObject({}),
      responses: { 200: { description: "A page of claims", schema: pageOf(claimResponse) } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listClaims(tx, { status: query.status, after, limit: query.limit }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeClaim) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/claims/{id}",
      summary: "Read a receipt claim",
      tag: "claims",
      roles: PEOPLE,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The claim", schema: claimResponse }, 404: { description: "No such claim" } },
      async handle({ auth, params }) {
        return { status: 200, json: serializeClaim(await findClaim(auth.tenantId, params.id)) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/claims/{id}/receipt",
      summary: "The receipt photo of a claim",
      tag: "claims",
      roles: PEOPLE,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The photo", contentType: "image/jpeg", schema: receiptResponse },
        404: { description: "No such claim or photo" },
      },
      async handle({ auth, params }) {
        const claim = await findClaim(auth.tenantId, params.id);
        const stored = await store.get(claim.receiptKey);
        if (stored === null) throw new NotFoundError("The receipt photo is no longer stored");
        return { status: 200, contentType: stored.mimeType, body: Buffer.from(stored.bytes) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/claims/{id}/approve",
      summary: "Approve a claim: the purchase is logged through the earning rules and the customer told",
      tag: "claims",
      roles: PEOPLE,
      permission: "can_log_purchases",
      body: approveBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The approved claim", schema: claimResponse },
        404: { description: "No such claim" },
        409: { description: "Already reviewed" },
      },
      async handle({ auth, params, body }) {
        const reviewerUserId = personId(auth);
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          reviewClaim(tx, {
            tenantId: auth.tenantId,
            claimId: params.id,
            reviewerUserId,
            now: new Date(),
            defaultPhoneNumberId,
            decision: "approve",
            ...(body.amount_kobo === undefined ? {} : { amountKobo: body.amount_kobo }),
          }),
        );
        return finishReview(result);
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/claims/{id}/reject",
      summary: "Reject a claim with a reason the customer is told",
      tag: "claims",
      roles: PEOPLE,
      permission: "can_log_purchases",
      body: rejectBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The rejected claim", schema: claimResponse },
        404: { description: "No such claim" },
        409: { description: "Already reviewed" },
      },
      async handle({ auth, params, body }) {
        const reviewerUserId = personId(auth);
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          reviewClaim(tx, {
            tenantId: auth.tenantId,
            claimId: params.id,
            reviewerUserId,
            now: new Date(),
            defaultPhoneNumberId,
            decision: "reject",
            reason: body.reason,
          }),
        );
        return finishReview(result);
      },
    }),
  ];
}
