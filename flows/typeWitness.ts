/**
 * Returns `value` typed as `T`, so `setup({ types })` can learn a union type from a value without
 * an `as` cast (a `const` annotated with a union would be narrowed to its initialiser).
 */
export function typeWitness<T>(value: T): T {
  return value;
}
