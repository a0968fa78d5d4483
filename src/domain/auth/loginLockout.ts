import { z } from "zod";
import { noRows, sql, type Db } from "../../db/sql.ts";

/** Failures in a row before the first lock. */
export const LOCK_AFTER_FAILURES = 5;
/** The first lock; each further failure while the count stands doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 60 * 60_000;
/** A count this old starts again from zero. */
const FORGET_AFTER = "1 day";

const lockRow = z.object({ locked_until: z.date() });

/** The key of an account as typed: `vendor:<CODE>:<email>` or `platform:<email>`. */
export function loginAccountKey(input: { vendorCode?: string; email: string }): string {
  const email = input.email.trim().toLowerCase();
  return input.vendorCode === undefined
    ? `platform:${email}`
    : `vendor:${input.vendorCode.trim().toUpperCase()}:${email}`;
}

/** Until when the account is locked, or null. Run on the platform path. */
export async function findLoginLock(db: Db, accountKey: string, now: Date): Promise<Date | null> {
  const row = await db.maybeOne(sql.type(lockRow)`
    SELECT locked_until FROM login_failures WHERE account_key = ${accountKey} AND locked_until > ${sql.timestamp(now)}
  `);
  return row?.locked_until ?? null;
}

/**
 * Counts one failed login in a single statement (so concurrent failures from several processes
 * all count), and from the LOCK_AFTER_FAILURES-th failure locks the account for FIRST_LOCK_MS,
 * doubling with every further failure up to MAX_LOCK_MS.
 * @returns until when the account is now locked, or null.
 */
export async function recordLoginFailure(db: Db, accountKey: string, now: Date): Promise<Date | null> {
  const at = sql.timestamp(now);
  const row = await db.one(sql.type(z.object({ locked_until: z.date().nullable() }))`
    INSERT INTO login_failures AS f (account_key, failures, last_failed_at, locked_until)
    VALUES (${accountKey}, 1, ${at}, NULL)
    ON CONFLICT (account_key) DO UPDATE SET
      failures = CASE WHEN f.last_failed_at < ${at}::timestamptz - ${FORGET_AFTER}::interval THEN 1 ELSE f.failures + 1 END,
      last_failed_at = ${at},
      locked_until = CASE
        WHEN (CASE WHEN f.last_failed_at < ${at}::timestamptz - ${FORGET_AFTER}::interval THEN 1 ELSE f.failures + 1 END) >= ${LOCK_AFTER_FAILURES}
        THEN ${at}::timestamptz + LEAST(
          ${MAX_LOCK_MS}::float8,
          ${FIRST_LOCK_MS}::float8 * power(2, LEAST(20, f.failures + 1 - ${LOCK_AFTER_FAILURES}))
        ) * interval '1 millisecond'
        ELSE NULL
      END
    RETURNING locked_until
  `);
  return row.locked_until;
}

/** A successful login forgets the account's failures. */
export async function clearLoginFailures(db: Db, accountKey: string): Promise<void> {
  await db.query(sql.type(noRows)`DELETE FROM login_failures WHERE account_key = ${accountKey}`);
}
