import type { DatabasePool } from "slonik";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { purchaseNotices } from "../../conversation/purchaseNotices.ts";
import { findTenantById } from "../../db/tenants.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import { withTenant } from "../../db/withTenant.ts";
import { createMessageQueues, enqueueOutbound } from "../../queues/messageQueues.ts";
import type { QueueFactory } from "../../queues/queueFactory.ts";
import { findCustomerById } from "../../domain/customers/findCustomerById.ts";
import { findCustomerDetail } from "../../domain/customers/findCustomerDetail.ts";
import { listCustomers } from "../../domain/customers/listCustomers.ts";
import { updateCustomerProfile } from "../../domain/customers/updateCustomerProfile.ts";
import { adjustPoints } from "../../domain/ledger/adjustPoints.ts";
import { logPurchase } from "../../domain/purchases/logPurchase.ts";
import { ConflictError, NotFoundError, PlanLimitError, ValidationError } from "../../errors.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { amountKobo, date, dateTime, idParams, int4, pageOf, pageQuery, phoneInput, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { isoOrNull } from "../platform/platformSchemas.ts";
import { ANY_CALLER, MANAGERS, PEOPLE } from "./roles.ts";
import { normalisePhone, personId } from "./staffRoutes.ts";
import {
  customerResponse,
  ledgerEntryResponse,
  purchaseResponse,
  serializeCustomer,
  serializeLedgerEntry,
  serializePurchase,
} from "./vendorSchemas.ts";

export const tag = text(50).regex(/^[\p{L}\p{N} _-]+$/u, "letters, digits, spaces, _ and - only");

const listCustomersQuery = pageQuery.extend({
  loyalty_status: z.enum(["active", "inactive", "blocked"]).optional(),
  tag: tag.optional(),
  opted_in: z.enum(["true", "false"]).optional(),
  min_points: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  max_points: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  min_purchases: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  last_purchase_before: dateTime.optional(),
  last_purchase_after: dateTime.optional(),
  search: text(100).optional(),
});

const updateCustomerBody = z
  .strictObject({
    tags: z.array(tag).max(50).optional(),
    notes: text(5000, 0).nullable().optional(),
    birth_date: date.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdateCustomer" });

const adjustmentBody = z
  .strictObject({
    points: int4.refine((points) => points !== 0, "must not be zero"),
    reason: text(500),
  })
  .meta({ id: "PointsAdjustment" });

const purchaseBody = z
  .strictObject({
    customer_phone: phoneInput,
    amount_kobo: amountKobo,
    idempotency_key: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
      .optional(),
    product_name: text(255).optional(),
    product_category: text(100)
      .optional()
      .meta({ description: "Matched by rules with a product_categories condition (case-insensitive)" }),
  })
  .meta({ id: "LogPurchase" });

const lotsPageQuery = z.strictObject({
  lots_limit: z.coerce.number().int().min(1).max(200).default(50),
  lots_offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const customerDetailResponse = customerResponse
  .extend({
    notes: z.string().nullable(),
    expiring_soonest: z.object({ points: z.int(), expires_at: z.string() }).nullable(),
    lots: z.array(
      z.object({ id: z.uuid(), points_remaining: z.int(), expires_at: z.string().nullable(), created_at: z.string() }),
    ),
    /** Pass as `lots_offset` for the next page of lots; null after the last. */
    lots_next_offset: z.int().nullable(),
    history: z.array(ledgerEntryResponse),
  })
  .meta({ id: "CustomerDetail" });

const customersPage = pageOf(customerResponse);

const adjustedLedgerEntryResponse = ledgerEntryResponse.extend({ balance: z.int() });

/** Vendor: customers (list, detail, tags, notes, block), point adjustments and purchases. */
export function customerRoutes(deps: { pool: DatabasePool; config: Config; queues: QueueFactory }): ApiRoute[] {
  const { pool } = deps;
  const { outbound } = createMessageQueues(deps.queues);
  const defaultPhoneNumberId = deps.config.whatsapp.phoneNumberId ?? "sandbox";
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/customers",
      summary: "List customers, filtered by segment fields or searched by phone or name",
      tag: "customers",
      roles: ANY_CALLER,
      body: noBody,
      query: listCustomersQuery,
      params: noParams,
      responses: { 200: { description: "A page of customers", schema: customersPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listCustomers(tx, {
            loyaltyStatus: query.loyalty_status,
            tag: query.tag,
            optedIn: query.opted_in === undefined ? undefined : query.opted_in === "true",
            minPoints: query.min_points,
            maxPoints: query.max_points,
            minPurchases: query.min_purchases,
            lastPurchaseBefore:
              query.last_purchase_before === undefined ? undefined : new Date(query.last_purchase_before),
            lastPurchaseAfter:
              query.last_purchase_after === undefined ? undefined : new Date(query.last_purchase_after),
            search: query.search,
            after,
            limit: query.limit,
          }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeCustomer) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/customers/{id}",
      summary: "A customer with balance, a page of open lots (lots_limit, lots_offset) and recent history",
      tag: "customers",
      roles: ANY_CALLER,
      body: noBody,
      query: lotsPageQuery,
      params: idParams,
      responses: {
        200: { description: "The customer", schema: customerDetailResponse },
        404: { description: "No such customer" },
      },
      async handle({ auth, params, query }) {
        const detail = await withTenant(pool, auth.tenantId, (tx) =>
          findCustomerDetail(tx, params.id, 50, { limit: query.lots_limit, offset: query.lots_offset }),
        );
        if (detail === null) throw new NotFoundError("No such customer");
        const soonest = detail.balance.expiringSoonest;
        return {
          status: 200,
          json: {
            ...serializeCustomer({ ...detail.customer, balance: detail.balance.balance }),
            notes: detail.notes,
            expiring_soonest:
              soonest === null ? null : { points: soonest.points, expires_at: soonest.expiresAt.toISOString() },
            lots: detail.lots.map((lot) => ({
              id: lot.id,
              points_remaining: lot.pointsRemaining,
              expires_at: isoOrNull(lot.expiresAt),
              created_at: lot.createdAt.toISOString(),
            })),
            lots_next_offset: detail.lotsNextOffset,
            history: detail.history.map(serializeLedgerEntry),
          },
        };
      },
    }),
    vendorRoute({
      method: "patch",
      path: "/api/v1/customers/{id}",
      summary: "Set a customer's tags, notes or birth date",
      tag: "customers",
      roles: PEOPLE,
      permission: "can_manage_customers",
      body: updateCustomerBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The customer", schema: customerResponse },
        404: { description: "No such customer" },
      },
      async handle({ auth, body, params }) {
        const customer = await withTenant(pool, auth.tenantId, (tx) =>
          updateCustomerProfile(tx, {
            tenantId: auth.tenantId,
            customerId: params.id,
            userId: auth.userId,
            changes: { tags: body.tags, notes: body.notes, birthDate: body.birth_date },
          }),
        );
        if (customer === null) throw new NotFoundError("No such customer");
        return {
          status: 200,
          json: serializeCustomer({ ...customer, balance: await balanceOf(pool, auth.tenantId, customer.id) }),
        };
      },
    }),
    ...BLOCK_ACTIONS.map((action) =>
      vendorRoute({
        method: "post",
        path: `/api/v1/customers/{id}/${action}`,
        summary: action === "block" ? "Block a customer (earns nothing, gets no broadcasts)" : "Unblock a customer",
        tag: "customers",
        roles: MANAGERS,
        permission: "can_manage_customers",
        body: noBody,
        query: noQuery,
        params: idParams,
        responses: {
          200: { description: "The customer", schema: customerResponse },
          404: { description: "No such customer" },
        },
        async handle({ auth, params }) {
          const customer = await withTenant(pool, auth.tenantId, (tx) =>
            updateCustomerProfile(tx, {
              tenantId: auth.tenantId,
              customerId: params.id,
              userId: auth.userId,
              changes: { blocked: action === "block" },
            }),
          );
          if (customer === null) throw new NotFoundError("No such customer");
          return {
            status: 200,
            json: serializeCustomer({ ...customer, balance: await balanceOf(pool, auth.tenantId, customer.id) }),
          };
        },
      }),
    ),
    vendorRoute({
      method: "post",
      path: "/api/v1/customers/{id}/adjustments",
      summary: "Adjust a customer's points by hand (reason required; audited)",
      tag: "customers",
      roles: MANAGERS,
      permission: "can_adjust_points",
      body: adjustmentBody,
      query: noQuery,
      params: idParams,
      responses: {
        201: { description: "The ledger row, with the balance after it", schema: adjustedLedgerEntryResponse },
        404: { description: "No such customer" },
        409: { description: "Not enough points to take" },
      },
      async handle({ auth, body, params }) {
        const userId = personId(auth);
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          if ((await findCustomerById(tx, params.id)) === null) return null;
          return adjustPoints(tx, {
            tenantId: auth.tenantId,
            customerId: params.id,
            points: body.points,
            reason: body.reason,
            userId,
          });
        });
        if (result === null) throw new NotFoundError("No such customer");
        if (!result.ok) {
          if (result.reason === "insufficient_points")
            throw new ConflictError("The customer does not have that many points", "insufficient_points");
          throw new ValidationError("points must be a non-zero integer");
        }
        return { status: 201, json: { ...serializeLedgerEntry(result.entry), balance: result.balance } };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/purchases",
      summary: "Log a purchase and award its points; the same idempotency_key returns the same purchase",
      tag: "purchases",
      roles: ANY_CALLER,
      permission: "can_log_purchases",
      body: purchaseBody,
      query: noQuery,
      params: noParams,
      responses: {
        201: { description: "The purchase, with points_awarded", schema: purchaseResponse },
        200: { description: "The purchase first logged with this idempotency_key", schema: purchaseResponse },
        402: { description: "The plan's customer limit is reached" },
        409: { description: "The customer is blocked, or the key was used for a different purchase" },
      },
      async handle({ auth, body }) {
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          const phone = await normalisePhone(tx, auth.tenantId, body.customer_phone);
          const now = new Date();
          const logged = await logPurchase(tx, {
            tenantId: auth.tenantId,
            customerPhone: phone,
            amountKobo: body.amount_kobo,
            source: auth.role !== "api" ? "manual" : auth.apiKeyKind === "pos" ? "pos_integration" : "api",
            loggedVia: auth.role === "api" ? "api_key" : "admin_portal",
            loggedByUserId: auth.userId,
            idempotencyKey: body.idempotency_key ?? null,
            productName: body.product_name ?? null,
            productCategory: body.product_category ?? null,
            now,
          });
          // Every source tells the customer (and a referrer it earned points) as the staff chat does.
          const outboxIds: string[] = [];
          const tenant = logged.ok && logged.created ? await findTenantById(tx, auth.tenantId) : null;
          if (logged.ok && tenant !== null) {
            const phoneNumberId =
              typeof tenant.whatsapp_config?.phone_number_id === "string"
                ? tenant.whatsapp_config.phone_number_id
                : defaultPhoneNumberId;
            for (const notice of await purchaseNotices(tx, { tenantId: auth.tenantId, tenant, logged, now })) {
              outboxIds.push(
                await insertOutboxMessage(tx, {
                  tenantId: auth.tenantId,
                  customerId: notice.customerId,
                  contactPhone: notice.contactPhone,
                  businessPhoneNumberId: phoneNumberId,
                  message: notice.message,
                  triggeredBy: notice.triggeredBy,
                }),
              );
            }
          }
          return { phone, logged, outboxIds };
        });
        const { phone, logged, outboxIds } = result;
        await enqueueOutbound(outbound, outboxIds);
        if (!logged.ok) {
          if (logged.reason === "plan_limit") throw new PlanLimitError("The plan's customer limit is reached");
          if (logged.reason === "customer_blocked")
            throw new ConflictError("This customer is blocked", "customer_blocked");
          throw new ValidationError("amount_kobo must be a positive integer");
        }
        if (
          !logged.created &&
          (logged.purchase.amountKobo !== body.amount_kobo || logged.customer.phoneNumber !== phone)
        ) {
          throw new ConflictError("This idempotency_key was used for a different purchase", "idempotency_key_reused");
        }
        return {
          status: logged.created ? 201 : 200,
          json: serializePurchase(logged.purchase, logged.customer.phoneNumber, logged.balance),
        };
      },
    }),
  ];
}

const BLOCK_ACTIONS: readonly ("block" | "unblock")[] = ["block", "unblock"];

async function balanceOf(pool: DatabasePool, tenantId: string, customerId: string): Promise<number> {
  const detail = await withTenant(pool, tenantId, (tx) => findCustomerDetail(tx, customerId, 1));
  return detail?.balance.balance ?? 0;
}
