import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";

/** How many sign-ups one phone may start in 24 hours, and the platform may complete in 24 hours. */
export type SignupLimits = { startsPerPhonePerDay: number; completedPerDay: number };

export const DEFAULT_SIGNUP_LIMITS: SignupLimits = { startsPerPhonePerDay: 3, completedPerDay: 200 };

const countRow = z.object({ count: z.number().int() });

export type StartSignupResult = { ok: true } | { ok: false; reason: "too_many_starts" | "daily_limit" };

/**
 * Records that `phoneNumber` started a sign-up, unless it started too many in the last 24 hours
 * or the platform completed its daily number of sign-ups (a flood of fake shops is refused
 * before it costs a poster). Platform path; the count is kept in PostgreSQL, so every worker
 * sees the same limit. The sender's contact row lock (held by the engine) serialises one phone.
 */
export async function startSignupAttempt(
  tx: Tx,
  phoneNumber: string,
  now: Date,
  limits: SignupLimits = DEFAULT_SIGNUP_LIMITS,
): Promise<StartSignupResult> {
  const since = sql.timestamp(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  const started = await tx.oneFirst(sql.type(countRow)`
    SELECT count(*)::int AS count FROM signup_attempts WHERE phone_number = ${phoneNumber} AND started_at > ${since}
  `);
  if (started >= limits.startsPerPhonePerDay) return { ok: false, reason: "too_many_starts" };
  if ((await countCompletedSignups(tx, now)) >= limits.completedPerDay) return { ok: false, reason: "daily_limit" };
  await tx.query(sql.type(noRows)`
    INSERT INTO signup_attempts (phone_number, started_at) VALUES (${phoneNumber}, ${sql.timestamp(now)})
  `);
  return { ok: true };
}

/** Sign-ups completed on the platform in the 24 hours before `now`. */
export async function countCompletedSignups(tx: Tx, now: Date): Promise<number> {
  const since = sql.timestamp(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return tx.oneFirst(sql.type(countRow)`
    SELECT count(*)::int AS count FROM signup_attempts WHERE completed_at > ${since}
  `);
}
