import type { claimsEn } from "../en/claims.ts";
import type { Translation } from "../translation.ts";

/** Group `claims.` in this language: same keys and placeholders as ../en/claims.ts. */
export const claimsIg: Translation<typeof claimsEn> = {};
