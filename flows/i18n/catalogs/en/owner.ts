/** English, group `owner.`: see ../en.ts for the catalog's rules. */
export const ownerEn = {};
