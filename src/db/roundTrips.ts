import type { Interceptor } from "slonik";

/** What a pool has sent PostgreSQL so far; every statement and every BEGIN and COMMIT is one round trip. */
export type RoundTrips = {
  statements: number;
  /** Explicit transactions: each adds two round trips (BEGIN and COMMIT) to its statements. */
  transactions: number;
};

/**
 * Counts the round trips a pool makes: an interceptor sees every statement, and a statement
 * whose transaction id differs from the last one on its connection starts a new transaction
 * (slonik sends BEGIN and COMMIT itself, past interceptors). Round trips are what a message
 * costs on the inbound path, so this is the figure to watch, not only time.
 */
export function createRoundTripCounter(): { interceptor: Interceptor; counts: RoundTrips } {
  const counts: RoundTrips = { statements: 0, transactions: 0 };
  const lastTransactionOf = new Map<string, string>();
  return {
    counts,
    interceptor: {
      name: "round-trip-counter",
      beforeQueryExecution: (context) => {
        counts.statements += 1;
        const { transactionId, connectionId } = context;
        if (transactionId !== null && lastTransactionOf.get(connectionId) !== transactionId) {
          lastTransactionOf.set(connectionId, transactionId);
          counts.transactions += 1;
        }
        return null;
      },
      beforePoolConnectionRelease: (context) => {
        lastTransactionOf.delete(context.connectionId);
        return null;
      },
    },
  };
}
