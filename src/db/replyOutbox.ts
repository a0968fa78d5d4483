import { z } from "zod";
import { sendOutcomeColumns, sendOutcomesTable, type SendOutcome } from "./sendOutcomes.ts";
import type { FragmentSqlToken } from "slonik";
import { sql, type Db } from "./sql.ts";
import { WORKER_LEASE_NAMESPACE } from "./workerSession.ts";

/**
 * The reply outbox's claim and record statements (platform path). A reply goes `queued` →
 * `sending` (claimed: one sender has it, no transaction open) → `sent` / `failed`, or back to
 * `queued` for a retry. Broadcast rows are not replies: the broadcast sender has its own.
 */

/** A claim older than this belongs to a sender that died mid-send: the row may be claimed again. */
export const STALE_REPLY_CLAIM_MS = 60_000;

/**
 * Whether the claim on a `sending` row `m` is stale: its worker's lease (workerSession.ts) is no
 * longer held — PostgreSQL ended that session — or, for a claim that names no lease, it is older
 * than {@link STALE_REPLY_CLAIM_MS}. A lease still held means the worker lives and may be sending.
 */
export function staleReplyClaim(m: FragmentSqlToken): FragmentSqlToken {
  return sql.fragment`(${m}.updated_at < now() - make_interval(secs => ${STALE_REPLY_CLAIM_MS / 1000}) OR ${leaseGone(m)})`;
}

/**
 * A PostgreSQL restart ends every session, so every lease is missing until its worker has
 * connected again (within a second or two): for this long after the server started, a missing
 * lease proves nothing, and only the stale-claim timer counts.
 */
export const LEASE_SETTLE_MS = 10_000;

/**
 * Whether row `m` names a worker lease that is no longer held (and the server has been up long
 * enough for live workers to have taken theirs again: {@link LEASE_SETTLE_MS}). The live leases are read once per
 * statement (a hashed subplan over pg_locks), not once per row.
 */
export function leaseGone(m: FragmentSqlToken): FragmentSqlToken {
  return sql.fragment`(${m}.claimed_by IS NOT NULL
    AND now() - pg_postmaster_start_time() > make_interval(secs => ${LEASE_SETTLE_MS / 1000})
    AND ${m}.claimed_by::bigint NOT IN (
    SELECT l.objid::bigint FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.classid = ${WORKER_LEASE_NAMESPACE}::oid AND l.objsubid = 2
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  ))`;
}

/** A reply claimed for sending. */
export const claimedReplySchema = z.object({
  id: z.uuid(),
  tenant_id: z.uuid().nullable(),
  contact_phone: z.string(),
  business_phone_number_id: z.string(),
  payload: z.unknown(),
  /** This attempt's number (counting from 1). */
  attempts: z.number(),
  /** The row was `sending` under a claim gone stale: Meta may have it already. */
  recovered: z.boolean(),
});
export type ClaimedReply = z.infer<typeof claimedReplySchema>;

/** What claiming did for one asked-for row. */
export type ReplyClaim =
  /** Nothing to send: the row is sent, failed, a broadcast's, or not an outbound row. */
  | { kind: "done" }
  /** A row of the same recipient is ahead of it and cannot be taken now (being sent, or locked). */
  | { kind: "waiting"; contactPhone: string }
  /** The recipient's next reply (this row or an older one) is now this caller's to send. */
  | { kind: "claimed"; reply: ClaimedReply };

const claimRow = z.object({
  requested_id: z.uuid(),
  requested_status: z.string().nullable(),
  requested_contact: z.string().nullable(),
  claimed: z.unknown(),
});

/**
 * Claims, in one statement, the next reply of each asked-for row's recipient: their oldest reply
 * still unsent, up to the asked-for row (so a person's replies go out in the order they were
 * written), provided no older one is being sent. Claimed rows become `sending` with one more
 * attempt. Rows locked by a concurrent claim are passed over (SKIP LOCKED), and a row claimed
 * meanwhile is not taken (the lock re-reads it), so two senders never take one row or one
 * person's two replies at once. A claim whose sender died (staleReplyClaim) is taken again,
 * marked `recovered`. Claims record `leaseId`, the claiming worker's lease. One answer per asked-for id, in order.
 */
export async function claimReplies(
  db: Db,
  ids: readonly string[],
  leaseId: number | null = null,
): Promise<ReplyClaim[]> {
  if (ids.length === 0) return [];
  const rows = await db.any(sql.prepared("replyOutbox.claimReplies", claimRow)`
    WITH requested AS (
      SELECT r.id, r.ord, w.contact_phone, w.seq, w.whatsapp_status, w.broadcast_id
      FROM unnest(${sql.array([...ids], "uuid")}::uuid[]) WITH ORDINALITY AS r(id, ord)
      LEFT JOIN whatsapp_messages w ON w.id = r.id AND w.direction = 'outbound'
    ), ahead AS (
      SELECT DISTINCT next.id
      FROM requested q
      CROSS JOIN LATERAL (
        SELECT o.id, o.whatsapp_status, o.updated_at, o.claimed_by FROM whatsapp_messages o
        WHERE o.contact_phone = q.contact_phone AND o.direction = 'outbound' AND o.broadcast_id IS NULL
          AND o.whatsapp_status IN ('queued', 'sending') AND o.seq <= q.seq
        ORDER BY o.seq
        LIMIT 1
      ) AS next
      WHERE q.broadcast_id IS NULL AND q.whatsapp_status IN ('queued', 'sending')
        AND (next.whatsapp_status = 'queued' OR ${staleReplyClaim(sql.fragment`next`)})
    ), picked AS (
      SELECT w.id, w.whatsapp_status AS previous_status FROM whatsapp_messages w
      WHERE w.id IN (SELECT id FROM ahead)
        AND (w.whatsapp_status = 'queued' OR (w.whatsapp_status = 'sending' AND ${staleReplyClaim(sql.fragment`w`)}))
      ORDER BY w.id
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE whatsapp_messages m SET whatsapp_status = 'sending', attempts = m.attempts + 1, claimed_by = ${leaseId}::int
      FROM picked p
      WHERE m.id = p.id
      RETURNING m.id, m.tenant_id, m.contact_phone, m.business_phone_number_id, m.payload, m.attempts,
        p.previous_status = 'sending' AS recovered
    )
    SELECT q.id AS requested_id, q.whatsapp_status AS requested_status, q.contact_phone AS requested_contact,
      (SELECT to_jsonb(c) FROM claimed c WHERE c.contact_phone = q.contact_phone) AS claimed
    FROM requested q
    ORDER BY q.ord
  `);
  return rows.map((row): ReplyClaim => {
    if (row.claimed !== null) return { kind: "claimed", reply: claimedReplySchema.parse(row.claimed) };
    const unsent = row.requested_status === "queued" || row.requested_status === "sending";
    if (!unsent || row.requested_contact === null) return { kind: "done" };
    return { kind: "waiting", contactPhone: row.requested_contact };
  });
}

/** What became of one claimed reply; a retry puts it back in line (`queued`). */
export type ReplyOutcome = SendOutcome;

const recordedRow = z.object({ id: z.uuid(), status_parked: z.boolean() });

/** What recording outcomes did: the rows that moved, and whether a status callback waits for one of their wamids. */
export type RecordedReplies = { moved: Set<string>; statusCallbacksParked: boolean };

/**
 * Records the outcomes of claimed replies in one statement: the wamid and `sent`, or `failed`
 * with Meta's code and text, or the error and `queued` again for a retry. Only rows still
 * `sending` move, so recording an outcome twice changes nothing. Also tells whether Meta's status
 * callback for a recorded wamid came first and was parked (the caller applies it now rather than
 * leave it to the sweeper).
 */
export async function recordReplyOutcomes(db: Db, outcomes: readonly ReplyOutcome[]): Promise<RecordedReplies> {
  if (outcomes.length === 0) return { moved: new Set(), statusCallbacksParked: false };
  const rows = await db.any(sql.prepared("replyOutbox.recordReplyOutcomes", recordedRow)`
    UPDATE whatsapp_messages m SET
      whatsapp_status = CASE o.kind WHEN 'retry' THEN 'queued' ELSE o.kind END,
      ${sendOutcomeColumns}
    FROM ${sendOutcomesTable(outcomes)}
    WHERE m.id = o.id AND m.direction = 'outbound' AND m.broadcast_id IS NULL AND m.whatsapp_status = 'sending'
    RETURNING m.id, EXISTS (
      SELECT 1 FROM parked_status_callbacks p WHERE p.whatsapp_message_id = m.whatsapp_message_id
    ) AS status_parked
  `);
  return { moved: new Set(rows.map((row) => row.id)), statusCallbacksParked: rows.some((row) => row.status_parked) };
}
