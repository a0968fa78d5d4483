/** A group's messages in another language: every key of its English group, nothing else. */
export type Translation<English> = { readonly [Key in keyof English]: string };
