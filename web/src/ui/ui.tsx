import type { ComponentChildren } from "preact";
import type { RequestState } from "../lib/useRequest.ts";

/** Shows a request's loading or error state, or its content once it has data. */
export function Loaded<T>(props: {
  state: RequestState<T> & { reload: () => void };
  label: string;
  children: (data: T) => ComponentChildren;
}) {
  const { state } = props;
  if (state.status === "error") {
    return (
      <div class="error" role="alert">
        <p>
          Could not load {props.label}: {state.error}
        </p>
        <button type="button" onClick={state.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (state.data === null) {
    return (
      <p class="loading" role="status" aria-live="polite">
        Loading {props.label}…
      </p>
    );
  }
  return (
    <>
      {state.status === "loading" ? (
        <p class="loading small" role="status" aria-live="polite">
          Refreshing…
        </p>
      ) : null}
      {props.children(state.data)}
    </>
  );
}

/** A form's outcome line: the API's error, or what was done. */
export function Outcome(props: { error: string | null; done?: string | null }) {
  if (props.error !== null)
    return (
      <p class="error" role="alert">
        {props.error}
      </p>
    );
  if (props.done !== undefined && props.done !== null)
    return (
      <p class="done" role="status">
        {props.done}
      </p>
    );
  return null;
}

export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children (an input or select), wrapped by the label
    <label class="field">
      <span class="label">{props.label}</span>
      {props.children}
      {props.hint === undefined ? null : <span class="hint">{props.hint}</span>}
    </label>
  );
}

export function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Stat(props: { label: string; value: string }) {
  return (
    <div class="stat">
      <span class="stat-value">{props.value}</span>
      <span class="stat-label">{props.label}</span>
    </div>
  );
}

export function Badge(props: { tone: "good" | "warn" | "bad" | "plain"; children: ComponentChildren }) {
  return <span class={`badge ${props.tone}`}>{props.children}</span>;
}
