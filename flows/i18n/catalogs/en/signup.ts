/** English, group `signup.`: see ../en.ts for the catalog's rules. */
export const signupEn = {};
