import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import { formatCount, formatDate, formatDateTime, formatNaira } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Field, Loaded, Outcome, Stat } from "../../ui/ui.tsx";
import { can, type Session } from "../session.ts";

/** One customer: balance, figures, ledger history, and (managers) a points adjustment. */
export function CustomerPage(props: { session: Session; id: string }) {
  const { session } = props;
  const customer = useRequest(
    () => ok(api.GET("/api/v1/customers/{id}", { params: { path: { id: props.id } } })),
    [props.id],
  );
  return (
    <>
      <p>
        <a href="/dashboard/customers">← All customers</a>
      </p>
      <Loaded state={customer} label="the customer">
        {(c) => (
          <>
            <h1>{c.whatsapp_name ?? `+${c.phone_number}`}</h1>
            <div class="stats">
              <Stat label="Points" value={formatCount(c.balance)} />
              <Stat label="Purchases" value={formatCount(c.total_purchases)} />
              <Stat label="Spent" value={formatNaira(c.total_spent_kobo)} />
              <Stat label="Last purchase" value={formatDate(c.last_purchase_at, session.timezone)} />
            </div>
            <div class="grid two" style="margin-top:1rem">
              {can(session, "managers") ? <Adjustment customerId={c.id} onDone={customer.reload} /> : null}
              <section class="card">
                <h2>Details</h2>
                <p class="muted">
                  +{c.phone_number} · {c.opted_in ? "opted in" : "opted out"} · {c.loyalty_status}
                  {c.tags.length > 0 ? ` · tags: ${c.tags.join(", ")}` : ""}
                </p>
                {c.expiring_soonest === null ? null : <p class="muted">Some points expire soon.</p>}
              </section>
            </div>
            <section class="card">
              <h2>History</h2>
              {c.history.length === 0 ? (
                <p>No points activity yet.</p>
              ) : (
                <ul class="rows">
                  {c.history.map((h) => (
                    <li key={h.id}>
                      <span class="row-main">
                        <span>{h.description ?? h.transaction_type}</span>
                        <span class="muted">
                          {h.transaction_type} · {formatDateTime(h.created_at, session.timezone)}
                        </span>
                      </span>
                      <strong>{h.points > 0 ? `+${formatCount(h.points)}` : formatCount(h.points)}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

function Adjustment(props: { customerId: string; onDone: () => void }) {
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const amount = Number(points);
    if (!Number.isInteger(amount) || amount === 0)
      return action.fail("Enter a whole number of points, e.g. 50 or -20.");
    await action.run(async () => {
      await ok(
        api.POST("/api/v1/customers/{id}/adjustments", {
          params: { path: { id: props.customerId } },
          body: { points: amount, reason },
        }),
      );
      setPoints("");
      setReason("");
      props.onDone();
      return `Adjusted by ${amount > 0 ? "+" : ""}${formatCount(amount)} points.`;
    });
  };
  return (
    <section class="card">
      <h2>Adjust points</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Points (negative to remove)">
          <input
            name="points"
            inputMode="numeric"
            pattern="-?[0-9]+"
            required
            value={points}
            onInput={(e) => setPoints(e.currentTarget.value)}
          />
        </Field>
        <Field label="Reason">
          <input
            name="reason"
            required
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Saving…" : "Log adjustment"}
        </button>
      </form>
    </section>
  );
}
