import { useEffect, useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatCount, formatDateTime, zonedLocalToIso } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { messageOf, useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

type Segment = Schemas["BroadcastSegment"];

/** Broadcasts: compose with a live audience count, schedule or send, and watch delivery counts. */
export function BroadcastsPage(props: { session: Session }) {
  const broadcasts = useRequest(() => ok(api.GET("/api/v1/broadcasts", { params: { query: { limit: 50 } } })), []);
  const sending = broadcasts.data?.data.some((b) => b.status === "sending" || b.status === "scheduled") ?? false;
  // Delivery counts move as WhatsApp's status callbacks arrive: refresh while any is under way.
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(broadcasts.reload, 5000);
    return () => clearInterval(timer);
  }, [sending, broadcasts.reload]);
  return (
    <>
      <h1>Broadcasts</h1>
      <div class="grid two">
        <Composer session={props.session} onSaved={broadcasts.reload} />
        <section class="card" aria-labelledby="broadcast-list">
          <h2 id="broadcast-list">Sent and planned</h2>
          <Loaded state={broadcasts} label="broadcasts">
            {(page) =>
              page.data.length === 0 ? (
                <p>No broadcasts yet.</p>
              ) : (
                <ul class="rows">
                  {page.data.map((b) => (
                    <li key={b.id}>
                      <span class="row-main">
                        <strong>{b.name}</strong>
                        <span class="muted">
                          {b.status === "scheduled"
                            ? `starts ${formatDateTime(b.scheduled_at, props.session.timezone)}`
                            : formatDateTime(b.started_at ?? b.created_at, props.session.timezone)}
                        </span>
                        {b.total_recipients > 0 ? (
                          <span class="muted">
                            {formatCount(b.total_recipients)} recipients · {formatCount(b.sent_count)} sent ·{" "}
                            {formatCount(b.delivered_count)} delivered · {formatCount(b.read_count)} read ·{" "}
                            {formatCount(b.failed_count)} failed
                          </span>
                        ) : null}
                      </span>
                      <Badge tone={b.status === "completed" ? "good" : b.status === "cancelled" ? "plain" : "warn"}>
                        {b.status}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
      </div>
    </>
  );
}

function Composer(props: { session: Session; onSaved: () => void }) {
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [tags, setTags] = useState("");
  const [minPoints, setMinPoints] = useState("");
  const [status, setStatus] = useState<"" | "active" | "inactive">("");
  const [when, setWhen] = useState("");
  const action = useFormAction();

  const segment: Segment = {
    ...(status === "" ? {} : { loyalty_status: status }),
    ...(tags.trim() === ""
      ? {}
      : {
          tags: tags
            .split(",")
            .map((t) => t.trim())
            .filter((t) => t !== ""),
        }),
    ...(/^\d+$/.test(minPoints) ? { min_points: Number(minPoints) } : {}),
  };
  const segmentKey = JSON.stringify(segment);
  const [audience, setAudience] = useState<
    { state: "loading" } | { state: "ok"; count: number } | { state: "error"; message: string }
  >({ state: "loading" });
  // The live count: asked again once the person stops changing the segment.
  useEffect(() => {
    setAudience({ state: "loading" });
    let current = true;
    const timer = setTimeout(() => {
      ok(api.POST("/api/v1/broadcasts/audience", { body: { target_segment: segment } })).then(
        (r) => current && setAudience({ state: "ok", count: r.count }),
        (err: unknown) => current && setAudience({ state: "error", message: messageOf(err) }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [segmentKey]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const scheduledAt = when === "" ? null : zonedLocalToIso(when, props.session.timezone);
    if (when !== "" && scheduledAt === null) return action.fail("Pick a date and time to schedule it.");
    await action.run(async () => {
      const created = await ok(
        api.POST("/api/v1/broadcasts", { body: { name, message_content: message, target_segment: segment } }),
      );
      let outcome = `Sending “${created.name}” now.`;
      if (scheduledAt !== null) {
        await ok(
          api.POST("/api/v1/broadcasts/{id}/schedule", {
            params: { path: { id: created.id } },
            body: { scheduled_at: scheduledAt },
          }),
        );
        outcome = `Scheduled “${created.name}” for ${formatDateTime(scheduledAt, props.session.timezone)}.`;
      } else {
        await ok(api.POST("/api/v1/broadcasts/{id}/send", { params: { path: { id: created.id } } }));
      }
      setName("");
      setMessage("");
      setWhen("");
      props.onSaved();
      return outcome;
    });
  };

  return (
    <section class="card" aria-labelledby="compose">
      <h2 id="compose">New broadcast</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Name (for you)">
          <input
            name="name"
            required
            maxLength={255}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            placeholder="Weekend promo"
          />
        </Field>
        <Field label="Message" hint={`${message.length} / 1024`}>
          <textarea
            name="message_content"
            required
            maxLength={1024}
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </Field>
        <fieldset>
          <legend>Who gets it</legend>
          <Field label="Status">
            <select
              name="loyalty_status"
              value={status}
              onChange={(e) =>
                setStatus(
                  e.currentTarget.value === "active"
                    ? "active"
                    : e.currentTarget.value === "inactive"
                      ? "inactive"
                      : "",
                )
              }
            >
              <option value="">Everyone</option>
              <option value="active">Active customers</option>
              <option value="inactive">Inactive customers</option>
            </select>
          </Field>
          <Field label="Tags (any of, comma separated)">
            <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="vip, lunch" />
          </Field>
          <Field label="At least this many points">
            <input
              name="min_points"
              inputMode="numeric"
              pattern="[0-9]*"
              value={minPoints}
              onInput={(e) => setMinPoints(e.currentTarget.value)}
            />
          </Field>
          <p class="audience" role="status" aria-live="polite" data-state={audience.state}>
            {audience.state === "loading"
              ? "Counting customers…"
              : audience.state === "error"
                ? `Could not count: ${audience.message}`
                : `${formatCount(audience.count)} customer${audience.count === 1 ? "" : "s"} will get this (opted-in only).`}
          </p>
        </fieldset>
        <Field label={`Send at (${props.session.timezone})`} hint="Leave empty to send now">
          <input
            name="scheduled_at"
            type="datetime-local"
            value={when}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Saving…" : when === "" ? "Send now" : "Schedule"}
        </button>
      </form>
    </section>
  );
}
