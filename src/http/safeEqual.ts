import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented secret with the expected one in constant time. Both are hashed first,
 * so the comparison takes the same time whatever their lengths (timingSafeEqual alone throws
 * on a length mismatch, and an early return would reveal the expected length).
 */
export function safeEqual(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
