import type { FragmentSqlToken } from "slonik";
import { sql } from "./sql.ts";

/** What became of one claimed outbound message (a reply or a broadcast message). */
export type SendOutcome =
  | { id: string; kind: "sent"; wamid: string }
  | { id: string; kind: "failed"; code: string; message: string }
  /** A retryable failure: the error is kept until the next attempt. */
  | { id: string; kind: "retry"; code: string; message: string };

/**
 * The outcomes as a table `o(id, kind, wamid, code, message)`, for the FROM list of an UPDATE of
 * `whatsapp_messages m`. Its text does not depend on the values (prepared statements keep it).
 */
export function sendOutcomesTable(outcomes: readonly SendOutcome[]): FragmentSqlToken {
  return sql.fragment`unnest(
    ${sql.array(
      outcomes.map((o) => o.id),
      "uuid",
    )},
    ${sql.array(
      outcomes.map((o) => o.kind),
      "text",
    )},
    ${sql.array(
      outcomes.map((o) => (o.kind === "sent" ? o.wamid : null)),
      "text",
    )},
    ${sql.array(
      outcomes.map((o) => (o.kind === "sent" ? null : o.code)),
      "text",
    )},
    ${sql.array(
      outcomes.map((o) => (o.kind === "sent" ? null : o.message)),
      "text",
    )}
  ) AS o(id, kind, wamid, code, message)`;
}

/**
 * The SET items every outcome writes on `whatsapp_messages m` from {@link sendOutcomesTable}'s
 * `o`: the wamid and send time of a sent message, the failure time of a failed one, and the
 * error (cleared when sent). The status and attempts are the caller's: a retry means different
 * things to different senders.
 */
export const sendOutcomeColumns = sql.fragment`
  whatsapp_message_id = CASE o.kind WHEN 'sent' THEN o.wamid ELSE m.whatsapp_message_id END,
  sent_at = CASE o.kind WHEN 'sent' THEN now() ELSE m.sent_at END,
  failed_at = CASE o.kind WHEN 'failed' THEN now() ELSE m.failed_at END,
  error_code = o.code,
  error_message = o.message
`;
