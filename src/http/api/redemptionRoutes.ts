import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { cancelRedemption } from "../../domain/rewards/cancelRedemption.ts";
import { fulfilRedemption, type FulfilRedemptionResult } from "../../domain/rewards/fulfilRedemption.ts";
import { listRedemptions } from "../../domain/rewards/listRedemptions.ts";
import { redemptionStatusSchema } from "../../domain/rewards/redemptionRecord.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { idParams, pageOf, pageQuery, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { ANY_CALLER, MANAGERS, PEOPLE } from "./roles.ts";
import { personId } from "./staffRoutes.ts";
import { redemptionResponse, serializeRedemption } from "./vendorSchemas.ts";

const reply = { description: "The redemption", schema: redemptionResponse };

const listRedemptionsQuery = pageQuery.extend({
  status: redemptionStatusSchema.optional(),
  customer_id: z.uuid().optional(),
});

const redemptionsPage = pageOf(redemptionResponse);

const verifyRedemptionBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .min(4)
      .max(20)
      .regex(/^[A-Za-z0-9 -]+$/),
  })
  .meta({ id: "VerifyRedemption" });

const cancelRedemptionBody = z.strictObject({ reason: text(500) }).meta({ id: "CancelRedemption" });

/** Vendor: redemptions (list, verify a code at the till, fulfil, cancel with refund). */
export function redemptionRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/redemptions",
      summary: "List redemptions",
      tag: "redemptions",
      roles: ANY_CALLER,
      body: noBody,
      query: listRedemptionsQuery,
      params: noParams,
      responses: { 200: { description: "A page of redemptions", schema: redemptionsPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listRedemptions(tx, { status: query.status, customerId: query.customer_id, after, limit: query.limit }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeRedemption) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/redemptions/{id}",
      summary: "Read a redemption",
      tag: "redemptions",
      roles: ANY_CALLER,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: reply, 404: { description: "No such redemption" } },
      async handle({ auth, params }) {
        const [redemption] = await withTenant(pool, auth.tenantId, (tx) =>
          listRedemptions(tx, { id: params.id, after: null, limit: 1 }),
        );
        if (redemption === undefined) throw new NotFoundError("No such redemption");
        return { status: 200, json: serializeRedemption(redemption) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/redemptions/verify",
      summary: "Verify a customer's redemption code at the till: it becomes fulfilled (audited)",
      tag: "redemptions",
      roles: PEOPLE,
      permission: "can_verify_redemptions",
      body: verifyRedemptionBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: reply,
        404: { description: "No such code" },
        409: { description: "Already fulfilled or cancelled" },
      },
      async handle({ auth, body }) {
        const userId = personId(auth);
        const result = await withTenant(pool, auth.tenantId, (tx) => fulfilRedemption(tx, { code: body.code, userId }));
        return { status: 200, json: serializeRedemption(unwrapFulfil(result)) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/redemptions/{id}/fulfil",
      summary: "Mark a redemption fulfilled (audited)",
      tag: "redemptions",
      roles: PEOPLE,
      permission: "can_verify_redemptions",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: reply,
        404: { description: "No such redemption" },
        409: { description: "Already fulfilled or cancelled" },
      },
      async handle({ auth, params }) {
        const userId = personId(auth);
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          const [found] = await listRedemptions(tx, { id: params.id, after: null, limit: 1 });
          if (found === undefined) return null;
          return fulfilRedemption(tx, { code: found.code, userId });
        });
        if (result === null) throw new NotFoundError("No such redemption");
        return { status: 200, json: serializeRedemption(unwrapFulfil(result)) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/redemptions/{id}/cancel",
      summary: "Cancel a redemption: points refunded, stock restored (audited)",
      tag: "redemptions",
      roles: MANAGERS,
      permission: "can_cancel_redemptions",
      body: cancelRedemptionBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: reply,
        404: { description: "No such redemption" },
        409: { description: "Already fulfilled or cancelled" },
      },
      async handle({ auth, body, params }) {
        const redemption = await withTenant(pool, auth.tenantId, async (tx) => {
          const result = await cancelRedemption(tx, {
            redemptionId: params.id,
            reason: body.reason,
            userId: auth.userId,
          });
          if (!result.ok) {
            if (result.reason === "not_found") throw new NotFoundError("No such redemption");
            throw new ConflictError("Only a pending redemption can be cancelled", "not_cancellable");
          }
          const [updated] = await listRedemptions(tx, { id: params.id, after: null, limit: 1 });
          if (updated === undefined) throw new NotFoundError("No such redemption");
          return updated;
        });
        return { status: 200, json: serializeRedemption(redemption) };
      },
    }),
  ];
}

function unwrapFulfil(result: FulfilRedemptionResult) {
  if (result.ok) return result.redemption;
  if (result.reason === "not_found") throw new NotFoundError("No redemption with that code");
  throw new ConflictError(
    result.reason === "cancelled" ? "This redemption was cancelled" : "This redemption was already fulfilled",
    result.reason === "cancelled" ? "redemption_cancelled" : "already_fulfilled",
  );
}
