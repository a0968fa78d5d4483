/**
 * A well-formed scrypt hash of a random secret nobody knows. Verifying against it when there is
 * no user costs as much as a real check, so login timing does not reveal whether an email exists.
 */
export const DUMMY_HASH =
  "scrypt$32768$8$1$0ZbDWh5lZmYpsnHxUZOuzQ==$Cr6U0c4k6Nw4KRrVQvAyWWlDF29vPZKnA6Z8B7Q16d0zEFh1/Pu85EFm6u5I0yQ3nM5sEAQqzjlD1X6o3VJY9w==";
