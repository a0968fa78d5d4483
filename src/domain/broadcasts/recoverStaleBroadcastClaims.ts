import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const countRow = z.object({ recovered: z.number() });

/**
 * Puts back to `queued` a broadcast's messages left `sending` for longer than `olderThanMs` by a
 * sender that died (a crash, not a stop: a stopping sender records or releases its claims).
 * Such a row may have reached Meta before the crash, so sending it again may deliver it twice;
 * the caller counts them. The sender recovers only rows far older than any send can take.
 * @returns how many rows were put back.
 */
export async function recoverStaleBroadcastClaims(
  tx: Tx,
  input: { broadcastId: string; olderThanMs: number },
): Promise<number> {
  return tx.oneFirst(sql.type(countRow)`
    WITH recovered AS (
      UPDATE whatsapp_messages SET whatsapp_status = 'queued'
      WHERE broadcast_id = ${input.broadcastId} AND whatsapp_status = 'sending'
        AND updated_at < now() - make_interval(secs => ${input.olderThanMs / 1000})
      RETURNING 1
    )
    SELECT count(*)::int AS recovered FROM recovered
  `);
}
