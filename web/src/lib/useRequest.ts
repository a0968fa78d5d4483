import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export type RequestState<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "error"; data: T | null; error: string }
  | { status: "ok"; data: T; error: null };

/**
 * Loads data for a page and keeps its loading and error states, so every request on every page
 * shows one or the other. `reload` fetches again (after a change); an answer that arrives after
 * a newer request started is dropped.
 */
export function useRequest<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): RequestState<T> & { reload: () => void } {
  const [state, setState] = useState<RequestState<T>>({ status: "loading", data: null, error: null });
  const generation = useRef(0);
  const run = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    setState((previous) => ({ status: "loading", data: previous.data, error: null }));
    load().then(
      (data) => {
        if (mine === generation.current) setState({ status: "ok", data, error: null });
      },
      (err: unknown) => {
        if (mine === generation.current)
          setState((previous) => ({ status: "error", data: previous.data, error: messageOf(err) }));
      },
    );
    // `load` is a new closure each render; `deps` say when it means a new request.
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : "Something went wrong";
}
