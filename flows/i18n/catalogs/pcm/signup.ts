import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/** Group `signup.` in this language: same keys and placeholders as ../en/signup.ts. */
export const signupPcm: Translation<typeof signupEn> = {};
