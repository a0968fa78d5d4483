import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../db/sql.ts";
import { withPlatform } from "../db/withTenant.ts";

const statusRow = z.object({ whatsapp_message_id: z.string(), whatsapp_status: z.string().nullable() });

/**
 * The delivery status the app stored for each of the bot's messages, by wamid: what the signed
 * status callbacks moved it to (`sent`, `delivered`, `read`, `failed`). The web chat's ticks
 * show this, so they prove the callbacks went through the real webhook.
 */
export async function findDeliveryStatuses(
  pool: DatabasePool,
  wamids: readonly string[],
): Promise<Map<string, string>> {
  if (wamids.length === 0) return new Map();
  const rows = await withPlatform(pool, (tx) =>
    tx.any(sql.type(statusRow)`
      SELECT whatsapp_message_id, whatsapp_status FROM whatsapp_messages
      WHERE whatsapp_message_id = ANY(${sql.array([...wamids], "text")}) AND direction = 'outbound'
    `),
  );
  const statuses = new Map<string, string>();
  for (const row of rows) if (row.whatsapp_status !== null) statuses.set(row.whatsapp_message_id, row.whatsapp_status);
  return statuses;
}
