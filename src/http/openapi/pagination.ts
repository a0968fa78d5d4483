import { z } from "zod";
import { ValidationError } from "../../errors.ts";

const cursorId = z.uuid();

/** The id a `cursor` query parameter points after, or null for the first page. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const id = cursorId.safeParse(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!id.success) throw new ValidationError("The cursor is invalid");
  return id.data;
}

/**
 * A page from rows read with `limit + 1`: the extra row only says a next page exists, and the
 * cursor names the page's last row.
 */
export function toPage<Row extends { id: string }, Out>(
  rows: readonly Row[],
  limit: number,
  serialize: (row: Row) => Out,
): { data: Out[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(serialize),
    next_cursor: rows.length > limit && last !== undefined ? Buffer.from(last.id, "utf8").toString("base64url") : null,
  };
}
