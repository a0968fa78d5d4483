/** Whether more than `timeoutMs` passed between the last message and this one (unknown times: no). */
export function isIdleTooLong(lastActivityAt: string | null, now: string | null, timeoutMs: number): boolean {
  if (lastActivityAt === null || now === null) return false;
  const idle = Date.parse(now) - Date.parse(lastActivityAt);
  return Number.isFinite(idle) && idle > timeoutMs;
}
