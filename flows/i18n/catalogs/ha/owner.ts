import type { ownerEn } from "../en/owner.ts";
import type { Translation } from "../translation.ts";

/** Group `owner.` in this language: same keys and placeholders as ../en/owner.ts. */
export const ownerHa: Translation<typeof ownerEn> = {};
