import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { broadcastStatusSchema, type Broadcast } from "../../domain/broadcasts/broadcastRecord.ts";
import { cancelBroadcast } from "../../domain/broadcasts/cancelBroadcast.ts";
import { BROADCAST_MESSAGE_MAX, createBroadcast } from "../../domain/broadcasts/createBroadcast.ts";
import { findBroadcast } from "../../domain/broadcasts/findBroadcast.ts";
import { listBroadcasts } from "../../domain/broadcasts/listBroadcasts.ts";
import { scheduleBroadcast, type ScheduleBroadcastResult } from "../../domain/broadcasts/scheduleBroadcast.ts";
import { sendBroadcastNow } from "../../domain/broadcasts/sendBroadcastNow.ts";
import { ConflictError, NotFoundError, PlanLimitError, ValidationError } from "../../errors.ts";
import type { QueueFactory } from "../../queues/queueFactory.ts";
import { enqueueBroadcastStart } from "../../jobs/scheduled/enqueueBroadcastStart.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, idParams, nonNegativeInt4, pageOf, pageQuery, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { tag } from "./customerRoutes.ts";
import { MANAGERS } from "./roles.ts";
import { broadcastResponse, serializeBroadcast } from "./vendorSchemas.ts";

/** Who may run broadcasts: owners and admins, and anyone granted `can_broadcast` (a `false` closes it to admins). */
const BROADCAST_ACCESS = { roles: MANAGERS, permission: "can_broadcast" };

const segmentStatus = z.enum(["active", "inactive"]);

/**
 * The request form of `target_segment` (the domain's broadcastSegmentSchema, with the API's
 * length and range bounds); createBroadcast checks it again before storing it.
 */
export const targetSegmentBody = z
  .strictObject({
    loyalty_status: z.union([segmentStatus, z.array(segmentStatus).min(1).max(2)]).optional(),
    tags: z.array(tag).min(1).max(50).optional(),
    min_points: nonNegativeInt4.optional(),
    max_points: nonNegativeInt4.optional(),
    last_purchase_before: dateTime.optional(),
    last_purchase_after: dateTime.optional(),
    min_purchases: nonNegativeInt4.optional(),
  })
  .meta({
    id: "BroadcastSegment",
    description:
      "Every key narrows the audience (tags: any of them); {} is every customer. Opted-out, blocked and deleted customers are always left out. Resolved when sending starts.",
  });

const createBroadcastBody = z
  .strictObject({
    name: text(255),
    message_content: text(BROADCAST_MESSAGE_MAX),
    target_segment: targetSegmentBody,
  })
  .meta({
    id: "CreateBroadcast",
    description: "message_content goes out as the {{2}} body parameter of the tenant's approved broadcast template",
  });

const scheduleBroadcastBody = z.strictObject({ scheduled_at: dateTime }).meta({ id: "ScheduleBroadcast" });

const notFound = { description: "No such broadcast" };

const listBroadcastsQuery = pageQuery.extend({ status: broadcastStatusSchema.optional() });

const broadcastsPage = pageOf(broadcastResponse);

/** Vendor: broadcasts to a customer segment (draft → scheduled → sending → completed, or cancelled). */
export function broadcastRoutes(deps: { pool: DatabasePool; queues: QueueFactory }): ApiRoute[] {
  const { pool, queues } = deps;
  return [
    vendorRoute({
      method: "post",
      path: "/api/v1/broadcasts",
      summary: "Create a broadcast (in draft)",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: createBroadcastBody,
      query: noQuery,
      params: noParams,
      responses: { 201: { description: "The broadcast", schema: broadcastResponse } },
      async handle({ auth, body }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          createBroadcast(tx, {
            tenantId: auth.tenantId,
            name: body.name,
            messageContent: body.message_content,
            targetSegment: body.target_segment,
            userId: auth.userId,
          }),
        );
        if (!result.ok) throw new ValidationError(result.message);
        return { status: 201, json: serializeBroadcast(result.broadcast) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/broadcasts",
      summary: "List broadcasts, newest first",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: noBody,
      query: listBroadcastsQuery,
      params: noParams,
      responses: { 200: { description: "A page of broadcasts", schema: broadcastsPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listBroadcasts(tx, {
            ...(query.status === undefined ? {} : { status: query.status }),
            after,
            limit: query.limit,
          }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeBroadcast) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/broadcasts/{id}",
      summary: "Read a broadcast with its counters",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The broadcast", schema: broadcastResponse }, 404: notFound },
      async handle({ auth, params }) {
        const broadcast = await withTenant(pool, auth.tenantId, (tx) => findBroadcast(tx, params.id));
        if (broadcast === null) throw new NotFoundError("No such broadcast");
        return { status: 200, json: serializeBroadcast(broadcast) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/broadcasts/{id}/schedule",
      summary: "Schedule a draft broadcast (or move a scheduled one) to start at scheduled_at",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: scheduleBroadcastBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The scheduled broadcast", schema: broadcastResponse },
        402: { description: "The plan's broadcasts_per_month is used up (plan_limit_reached)" },
        404: notFound,
        409: { description: "Already started, finished or cancelled" },
      },
      async handle({ auth, body, params }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          scheduleBroadcast(tx, {
            tenantId: auth.tenantId,
            broadcastId: params.id,
            at: new Date(body.scheduled_at),
            now: new Date(),
          }),
        );
        return { status: 200, json: serializeBroadcast(unwrapSchedule(result)) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/broadcasts/{id}/send",
      summary: "Send a draft or scheduled broadcast now (the fan-out runs in the background)",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        202: {
          description: "Accepted: the broadcast is due now and starts in a worker; follow it with GET",
          schema: broadcastResponse,
        },
        402: { description: "The plan's broadcasts_per_month is used up (plan_limit_reached)" },
        404: notFound,
        409: { description: "Already started, finished or cancelled" },
      },
      async handle({ auth, params }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          sendBroadcastNow(tx, { tenantId: auth.tenantId, broadcastId: params.id, now: new Date() }),
        );
        const broadcast = unwrapSchedule(result);
        // After commit, so the worker sees the broadcast due. Were this lost, the minute scan of
        // due broadcasts would start it; a retried request re-enqueues under the same job id.
        await enqueueBroadcastStart(queues, { tenantId: auth.tenantId, broadcastId: broadcast.id });
        return { status: 202, json: serializeBroadcast(broadcast) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/broadcasts/{id}/cancel",
      summary: "Cancel a broadcast: a draft or scheduled one never starts; a sending one stops its unsent messages",
      tag: "broadcasts",
      ...BROADCAST_ACCESS,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The cancelled broadcast", schema: broadcastResponse },
        404: notFound,
        409: { description: "Already finished or cancelled" },
      },
      async handle({ auth, params }) {
        const broadcast = await withTenant(pool, auth.tenantId, async (tx) => {
          const result = await cancelBroadcast(tx, {
            tenantId: auth.tenantId,
            broadcastId: params.id,
            userId: auth.userId,
            now: new Date(),
          });
          if (!result.ok) {
            if (result.reason === "not_found") throw new NotFoundError("No such broadcast");
            throw new ConflictError(result.message, "invalid_transition");
          }
          return findBroadcast(tx, params.id);
        });
        if (broadcast === null) throw new NotFoundError("No such broadcast");
        return { status: 200, json: serializeBroadcast(broadcast) };
      },
    }),
  ];
}

function unwrapSchedule(result: ScheduleBroadcastResult): Broadcast {
  if (result.ok) return result.broadcast;
  switch (result.reason) {
    case "not_found":
      throw new NotFoundError("No such broadcast");
    case "plan_limit_reached":
      throw new PlanLimitError(result.message);
    case "in_the_past":
      throw new ValidationError(result.message);
    case "not_schedulable":
      throw new ConflictError(result.message, "invalid_transition");
  }
}
