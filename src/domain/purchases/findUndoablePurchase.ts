import { sql, type Tx } from "../../db/sql.ts";
import { purchaseDetailColumns, purchaseDetailSchema, type PurchaseDetail } from "./purchaseDetail.ts";

/** How long a staff member may undo their own purchase in the chat (docs/chat.md). */
export const UNDO_WINDOW_MS = 15 * 60 * 1000;

/**
 * The staff member's own last purchase in the current tenant if it can still be undone: logged by
 * them, not voided, at most 15 minutes before `now`. Older ones, or anyone else's, are the
 * owner's to void. Null when there is none.
 */
export async function findUndoablePurchase(
  tx: Tx,
  input: { staffUserId: string; now: Date },
): Promise<PurchaseDetail | null> {
  const since = new Date(input.now.getTime() - UNDO_WINDOW_MS);
  return tx.maybeOne(sql.type(purchaseDetailSchema)`
    SELECT ${purchaseDetailColumns}
    FROM purchases p JOIN customers c ON c.id = p.customer_id
    WHERE p.logged_by_user_id = ${input.staffUserId} AND p.created_at >= ${sql.timestamp(since)}
      AND p.created_at <= ${sql.timestamp(input.now)} AND p.voided_at IS NULL
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT 1
  `);
}
