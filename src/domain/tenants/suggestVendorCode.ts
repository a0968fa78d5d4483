import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const codeRow = z.object({ code: z.string() });

const CODE_MAX = 20;

/**
 * Whether `code` (upper case, 3–20 letters and digits) is free, and the first free code made
 * from it: itself, or with 2, 3, … appended (shortened to stay within 20 characters). Platform
 * path: vendor codes are unique across tenants.
 */
export async function suggestVendorCode(tx: Tx, code: string): Promise<{ free: boolean; suggestion: string }> {
  const stem = code.slice(0, CODE_MAX - 2);
  // Codes are letters and digits only, so they are safe inside a LIKE pattern.
  const taken = new Set(
    await tx.anyFirst(sql.type(codeRow)`
      SELECT upper(vendor_code) AS code FROM tenants
      WHERE upper(vendor_code) = ${code} OR upper(vendor_code) LIKE ${`${stem}%`}
    `),
  );
  if (!taken.has(code)) return { free: true, suggestion: code };
  for (let n = 2; n < 1000; n += 1) {
    const suffix = String(n);
    const candidate = `${code.slice(0, CODE_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return { free: false, suggestion: candidate };
  }
  // A thousand shops named alike: a random tail is as good a suggestion as any.
  return { free: false, suggestion: `${code.slice(0, CODE_MAX - 6)}${Math.floor(100_000 + Math.random() * 900_000)}` };
}
