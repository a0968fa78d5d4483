/** English, group `claims.`: see ../en.ts for the catalog's rules. */
export const claimsEn = {};
