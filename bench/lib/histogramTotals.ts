import type { Histogram } from "prom-client";

/** A prom-client histogram's sum (seconds) and count over all its label sets. */
export async function histogramTotals(histogram: Histogram): Promise<{ sum: number; count: number }> {
  const { values } = await histogram.get();
  const total = (suffix: string) =>
    values.filter((v) => v.metricName?.endsWith(suffix)).reduce((acc, v) => acc + v.value, 0);
  return { sum: total("_sum"), count: total("_count") };
}
