import { z } from "zod";
import { sql } from "../../db/sql.ts";

const isoInstant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/**
 * Who a broadcast goes to (`broadcasts.target_segment`). Every key narrows the audience; an
 * empty segment is every opted-in, unblocked customer. Opt-in and blocking are not part of the
 * segment: they always apply (docs/architecture.md, Sending and the rate limit).
 */
export const broadcastSegmentSchema = z.strictObject({
  /** One status or any of several (`active`, `inactive`). */
  loyalty_status: z.union([z.enum(["active", "inactive"]), z.array(z.enum(["active", "inactive"])).min(1)]).optional(),
  /** Customers carrying any of these tags. */
  tags: z.array(z.string().min(1)).min(1).optional(),
  min_points: z.int().min(0).optional(),
  max_points: z.int().min(0).optional(),
  last_purchase_before: isoInstant.optional(),
  last_purchase_after: isoInstant.optional(),
  min_purchases: z.int().min(0).optional(),
});

export type BroadcastSegment = z.output<typeof broadcastSegmentSchema>;

/**
 * The SQL condition selecting a segment's customers, over `customers c` left-joined to
 * `customer_points_balance b`. Opted-in, unblocked, not deleted customers only.
 */
export function segmentCondition(segment: BroadcastSegment) {
  const conditions = [
    sql.fragment`c.deleted_at IS NULL`,
    sql.fragment`c.opted_in IS TRUE`,
    sql.fragment`c.loyalty_status IS DISTINCT FROM 'blocked'`,
  ];
  if (segment.loyalty_status !== undefined) {
    const statuses = Array.isArray(segment.loyalty_status) ? segment.loyalty_status : [segment.loyalty_status];
    conditions.push(sql.fragment`COALESCE(c.loyalty_status, 'active') = ANY(${sql.array(statuses, "text")})`);
  }
  if (segment.tags !== undefined) {
    conditions.push(sql.fragment`COALESCE(c.tags, '[]'::jsonb) ?| ${sql.array(segment.tags, "text")}`);
  }
  if (segment.min_points !== undefined)
    conditions.push(sql.fragment`COALESCE(b.current_balance, 0) >= ${segment.min_points}`);
  if (segment.max_points !== undefined)
    conditions.push(sql.fragment`COALESCE(b.current_balance, 0) <= ${segment.max_points}`);
  if (segment.last_purchase_before !== undefined) {
    conditions.push(sql.fragment`c.last_purchase_at < ${sql.timestamp(segment.last_purchase_before)}`);
  }
  if (segment.last_purchase_after !== undefined) {
    conditions.push(sql.fragment`c.last_purchase_at > ${sql.timestamp(segment.last_purchase_after)}`);
  }
  if (segment.min_purchases !== undefined)
    conditions.push(sql.fragment`COALESCE(c.total_purchases, 0) >= ${segment.min_purchases}`);
  return sql.join(conditions, sql.fragment` AND `);
}
