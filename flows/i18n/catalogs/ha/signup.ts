import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/** Group `signup.` in this language: same keys and placeholders as ../en/signup.ts. */
export const signupHa: Translation<typeof signupEn> = {};
