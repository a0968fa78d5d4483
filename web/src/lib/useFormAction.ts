import { useState } from "preact/hooks";
import { messageOf } from "./useRequest.ts";

export type FormAction = {
  busy: boolean;
  error: string | null;
  done: string | null;
  /** Refuses before anything is sent (a field the browser's own checks let through). */
  fail(message: string): void;
  /**
   * Runs a form's work: busy while it runs, the earlier outcome cleared; the sentence it returns
   * is shown as done, a thrown error as the API's message (or `describeError`'s).
   */
  run(work: () => Promise<string | undefined>, describeError?: (err: unknown) => string): Promise<void>;
};

/** The busy, error and done states every form of the dashboard and console shares. */
export function useFormAction(): FormAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    busy,
    error,
    done,
    fail(message) {
      setError(message);
      setDone(null);
    },
    async run(work, describeError = messageOf) {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const outcome = await work();
        if (outcome !== undefined) setDone(outcome);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
