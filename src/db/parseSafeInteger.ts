/**
 * Reads a PostgreSQL int8 (bigint: kobo, points, counts, sums) as a JavaScript number, and
 * refuses one that a number cannot hold exactly: past Number.MAX_SAFE_INTEGER
 * (9,007,199,254,740,991, about ₦90 trillion in kobo) parseInt would silently round, and a
 * rounded balance or amount is worse than a failed query.
 * @throws RangeError for a value outside the safe integer range.
 */
export function parseSafeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || !/^-?\d+$/.test(value)) {
    throw new RangeError(`int8 value ${value} is outside JavaScript's safe integer range`);
  }
  return parsed;
}
