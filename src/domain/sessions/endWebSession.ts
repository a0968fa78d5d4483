import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { hashSessionSecret, type WebSessionKind } from "./webSession.ts";

const endedRow = z.object({ id: z.uuid() });

/** Ends the live session with this cookie secret (sign-out); false when there was none. */
export async function endWebSession(tx: Tx, kind: WebSessionKind, secret: string, now: Date): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(endedRow)`
    UPDATE web_sessions SET ended_at = ${sql.timestamp(now)}
    WHERE session_hash = ${hashSessionSecret(secret)} AND kind = ${kind} AND ended_at IS NULL
    RETURNING id
  `);
  return row !== null;
}
