import type { z } from "zod";

/** One line naming each invalid field, e.g. `config.points_per_ngn: Too small: expected number to be >0`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
