import { z } from "zod";
import type { PersistedFlow } from "./types.ts";

const persistedFlowSchema = z.object({
  flow: z.enum(["customer", "staff", "owner", "claimReview"]),
  version: z.number().int(),
  state: z.object({ value: z.string(), context: z.unknown() }),
});

/**
 * Reads a stored snapshot of `flow` at `version`; anything else (missing, another flow, an older
 * version, a context that no longer fits) gives `null` so the caller starts fresh.
 */
export function readPersistedFlow<Context>(
  persisted: unknown,
  flow: PersistedFlow["flow"],
  version: number,
  contextSchema: z.ZodType<Context>,
): { value: string; context: Context } | null {
  const parsed = persistedFlowSchema.safeParse(persisted);
  if (!parsed.success || parsed.data.flow !== flow || parsed.data.version !== version) return null;
  const context = contextSchema.safeParse(parsed.data.state.context);
  if (!context.success) return null;
  return { value: parsed.data.state.value, context: context.data };
}
