import { z } from "zod";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import { withTenant } from "../../db/withTenant.ts";
import { voidNoticeFor } from "../../conversation/voidNoticeFor.ts";
import { listPurchases } from "../../domain/purchases/listPurchases.ts";
import type { PurchaseDetail } from "../../domain/purchases/purchaseDetail.ts";
import { purchaseSourceSchema } from "../../domain/purchases/purchaseRecord.ts";
import { VOID_REASON_MAX, voidPurchase } from "../../domain/purchases/voidPurchase.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { createMessageQueues, enqueueOutbound } from "../../queues/messageQueues.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, idParams, pageOf, pageQuery, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import type { ApiDeps } from "./createApiRoutes.ts";
import { ANY_CALLER, MANAGERS } from "./roles.ts";

const iso = z.string().meta({ format: "date-time" });

export const purchaseDetailResponse = z
  .object({
    id: z.uuid(),
    customer_id: z.uuid(),
    customer_phone: z.string(),
    amount_kobo: z.int(),
    product_name: z.string().nullable(),
    source: z.string().nullable(),
    logged_by_user_id: z.uuid().nullable(),
    logged_via: z.string().nullable(),
    points_awarded: z.int(),
    idempotency_key: z.string().nullable(),
    created_at: iso,
    voided_at: iso.nullable(),
    voided_by_user_id: z.uuid().nullable(),
    void_reason: z.string().nullable(),
    points_reversed: z.int().nullable(),
    points_shortfall: z.int().nullable(),
  })
  .meta({ id: "PurchaseDetail" });

const voidedPurchaseResponse = purchaseDetailResponse
  .extend({ balance: z.int().meta({ description: "The customer's balance after the void" }) })
  .meta({ id: "VoidedPurchase" });

const listPurchasesQuery = pageQuery
  .extend({
    customer_id: z.uuid().optional(),
    staff_id: z.uuid().optional().meta({ description: "The vendor user who logged them" }),
    source: purchaseSourceSchema.optional(),
    from: dateTime.optional().meta({ description: "Logged at or after" }),
    to: dateTime.optional().meta({ description: "Logged before" }),
    voided: z.enum(["true", "false"]).optional(),
  })
  .refine(
    (q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to),
    "from must be before to",
  );

const voidPurchaseBody = z.strictObject({ reason: text(VOID_REASON_MAX) }).meta({ id: "VoidPurchase" });

/** Vendor: the purchase list (with filters) and voids (points reversed, customer told). */
export function purchaseRoutes(deps: ApiDeps): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/purchases",
      summary: "List purchases, newest first (filters: customer, staff member, source, period, voided)",
      tag: "purchases",
      roles: ANY_CALLER,
      body: noBody,
      query: listPurchasesQuery,
      params: noParams,
      responses: { 200: { description: "A page of purchases", schema: pageOf(purchaseDetailResponse) } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listPurchases(tx, {
            customerId: query.customer_id,
            loggedByUserId: query.staff_id,
            source: query.source,
            from: query.from === undefined ? undefined : new Date(query.from),
            to: query.to === undefined ? undefined : new Date(query.to),
            voided: query.voided === undefined ? undefined : query.voided === "true",
            after,
            limit: query.limit,
          }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializePurchaseDetail) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/purchases/{id}",
      summary: "Read a purchase, with its void if it was voided",
      tag: "purchases",
      roles: ANY_CALLER,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The purchase", schema: purchaseDetailResponse },
        404: { description: "No such purchase" },
      },
      async handle({ auth, params }) {
        const [purchase] = await withTenant(pool, auth.tenantId, (tx) =>
          listPurchases(tx, { id: params.id, after: null, limit: 1 }),
        );
        if (purchase === undefined) throw new NotFoundError("No such purchase");
        return { status: 200, json: serializePurchaseDetail(purchase) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/purchases/{id}/void",
      summary:
        "Void a purchase: its points taken back as far as the balance allows (the rest recorded as a shortfall), the customer told (audited)",
      tag: "purchases",
      roles: MANAGERS,
      permission: "can_void_purchases",
      body: voidPurchaseBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The purchase, voided, with the customer's balance", schema: voidedPurchaseResponse },
        404: { description: "No such purchase" },
        409: { description: "The purchase was already voided" },
      },
      async handle({ auth, params, body }) {
        const now = new Date();
        const done = await withTenant(pool, auth.tenantId, async (tx) => {
          const result = await voidPurchase(tx, {
            tenantId: auth.tenantId,
            purchaseId: params.id,
            reason: body.reason,
            userId: auth.userId,
            now,
          });
          if (!result.ok) return result;
          const notice = await voidNoticeFor(tx, {
            purchase: result.purchase,
            pointsReversed: result.buyer.reversed,
            balance: result.buyer.balance,
            now,
          });
          const outboxId = await insertOutboxMessage(tx, {
            tenantId: auth.tenantId,
            customerId: notice.customerId,
            contactPhone: notice.contactPhone,
            businessPhoneNumberId: notice.tenantPhoneNumberId ?? deps.config.whatsapp.phoneNumberId ?? "sandbox",
            message: notice.message,
            triggeredBy: "purchase_voided",
          });
          return { ...result, outboxId };
        });
        if (!done.ok) {
          if (done.reason === "not_found") throw new NotFoundError("No such purchase");
          if (done.reason === "already_voided")
            throw new ConflictError("This purchase was already voided", "already_voided");
          throw new ValidationError(`reason must be 1 to ${VOID_REASON_MAX} characters`);
        }
        try {
          await enqueueOutbound(createMessageQueues(deps.queues).outbound, [done.outboxId]);
        } catch {
          // The void is committed and its notice is in the outbox: the sweeper queues it.
        }
        return { status: 200, json: { ...serializePurchaseDetail(done.purchase), balance: done.buyer.balance } };
      },
    }),
  ];
}

export function serializePurchaseDetail(p: PurchaseDetail): z.infer<typeof purchaseDetailResponse> {
  return {
    id: p.id,
    customer_id: p.customerId,
    customer_phone: p.customerPhone,
    amount_kobo: p.amountKobo,
    product_name: p.productName,
    source: p.source,
    logged_by_user_id: p.loggedByUserId,
    logged_via: p.loggedVia,
    points_awarded: p.pointsAwarded,
    idempotency_key: p.idempotencyKey,
    created_at: p.createdAt.toISOString(),
    voided_at: p.voidedAt === null ? null : p.voidedAt.toISOString(),
    voided_by_user_id: p.voidedByUserId,
    void_reason: p.voidReason,
    points_reversed: p.pointsReversed,
    points_shortfall: p.pointsShortfall,
  };
}
