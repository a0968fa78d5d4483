import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { ValidationError } from "../../errors.ts";
import { broadcastSegmentSchema, segmentCondition } from "./broadcastSegment.ts";

const countRow = z.object({ count: z.number() });

/**
 * How many customers a segment reaches now: the same condition the broadcast resolves when it
 * starts (opted-in, unblocked customers only), so the dashboard's live count is what would go out.
 * @throws ValidationError when the segment is malformed
 */
export async function countBroadcastAudience(tx: Tx, input: { tenantId: string; segment: unknown }): Promise<number> {
  const segment = broadcastSegmentSchema.safeParse(input.segment);
  if (!segment.success) throw new ValidationError("The target segment is invalid");
  return tx.oneFirst(sql.type(countRow)`
    SELECT count(*)::int AS count
    FROM customers c
    LEFT JOIN customer_points_balance b ON b.tenant_id = c.tenant_id AND b.customer_id = c.id
    WHERE c.tenant_id = ${input.tenantId} AND ${segmentCondition(segment.data)}
  `);
}
