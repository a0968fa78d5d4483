import type { lifecycleEn } from "../en/lifecycle.ts";
import type { Translation } from "../translation.ts";

/** Group `lifecycle.` in this language: same keys and placeholders as ../en/lifecycle.ts. */
export const lifecycleYo: Translation<typeof lifecycleEn> = {};
