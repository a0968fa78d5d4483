import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { describeZodError } from "../rules/describeZodError.ts";
import { broadcastColumns, broadcastRecordSchema, type Broadcast } from "./broadcastRecord.ts";
import { broadcastSegmentSchema } from "./broadcastSegment.ts";

/** A template body parameter is at most 1,024 characters (Meta's limit). */
export const BROADCAST_MESSAGE_MAX = 1024;

const jsonValue = z.json();

export type CreateBroadcastInput = {
  tenantId: string;
  name: string;
  messageContent: string;
  /** Parsed with {@link broadcastSegmentSchema}; `{}` is everyone opted in. */
  targetSegment: unknown;
  /** The vendor user creating it. */
  userId: string | null;
};

export type CreateBroadcastResult =
  | { ok: true; broadcast: Broadcast }
  | { ok: false; reason: "invalid_segment" | "invalid_message"; message: string };

/**
 * Creates a draft broadcast. Its segment is checked now but resolved only when sending starts,
 * so customers who join or opt out in between are counted as they are then.
 */
export async function createBroadcast(tx: Tx, input: CreateBroadcastInput): Promise<CreateBroadcastResult> {
  const segment = broadcastSegmentSchema.safeParse(input.targetSegment ?? {});
  if (!segment.success) return { ok: false, reason: "invalid_segment", message: describeZodError(segment.error) };
  const name = input.name.trim();
  const content = input.messageContent.trim();
  if (name === "" || content === "" || content.length > BROADCAST_MESSAGE_MAX) {
    return {
      ok: false,
      reason: "invalid_message",
      message: `A broadcast needs a name and a message of 1 to ${BROADCAST_MESSAGE_MAX} characters.`,
    };
  }
  const broadcast = await tx.one(sql.type(broadcastRecordSchema)`
    INSERT INTO broadcasts (tenant_id, name, message_content, target_segment, status, created_by_user_id)
    VALUES (${input.tenantId}, ${name}, ${content}, ${sql.jsonb(jsonValue.parse(input.targetSegment ?? {}))}, 'draft', ${input.userId})
    RETURNING ${broadcastColumns}
  `);
  return { ok: true, broadcast };
}
