export type CoalesceOptions = {
  /** Most calls one run takes; the rest wait for the next run. */
  maxBatch: number;
  /** Told the size of every run that succeeded (for a metric). */
  onBatch?: (size: number) => void;
};

/**
 * Coalesces concurrent calls the way PostgreSQL coalesces commits: when no run is going, a call
 * runs at once, alone; calls that arrive meanwhile wait for that run to end and then go
 * together, in one run of up to `maxBatch`. A quiet caller pays no delay; a busy one pays one
 * run (one transaction, one queue call) per batch instead of one per call.
 *
 * `run` answers its items in order, one result each. A run that fails is retried one item at a
 * time, so one bad item fails only its own call.
 */
export function coalesceCalls<I, O>(
  run: (items: I[]) => Promise<O[]>,
  options: CoalesceOptions,
): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (result: O) => void; reject: (err: unknown) => void };
  const waiting: Waiting[] = [];
  let draining = false;

  async function runBatch(batch: Waiting[]): Promise<void> {
    let results: O[];
    try {
      results = await run(batch.map((entry) => entry.item));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const entry of batch) await runBatch([entry]);
      return;
    }
    options.onBatch?.(batch.length);
    batch.forEach((entry, n) => {
      if (n < results.length) entry.resolve(results[n] as O);
      else entry.reject(new Error("a coalesced run answered fewer items than it was given"));
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) await runBatch(waiting.splice(0, options.maxBatch));
    } finally {
      draining = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!draining) void drain();
    });
}
