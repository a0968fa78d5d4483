/** English, group `lifecycle.`: see ../en.ts for the catalog's rules. */
export const lifecycleEn = {};
