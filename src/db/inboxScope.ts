import type { FragmentSqlToken } from "slonik";
import { sql } from "./sql.ts";

/** The numbers a process drains messages for; `all` drains every number (one process, or one deployment). */
export type InboxScope = { all: true } | { all: false; phoneNumberIds: readonly string[] };

/** The condition that `column` (a phone number id) is one of the scope's numbers. */
export function scopeFilter(scope: InboxScope, column: string): FragmentSqlToken {
  const ids = scope.all ? [] : [...scope.phoneNumberIds];
  return sql.fragment`(${scope.all} OR ${sql.identifier(column.split("."))} = ANY(${sql.array(ids, "text")}))`;
}
