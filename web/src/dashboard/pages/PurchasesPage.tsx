import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatCount, formatDateTime, formatNaira, todayIn, zonedLocalToIso } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../../ui/ui.tsx";
import { can, type Session } from "../session.ts";

/** Purchases: filter by staff member and date, void with a reason (managers). */
export function PurchasesPage(props: { session: Session }) {
  const { session } = props;
  const manage = can(session, "managers", "can_void_purchases");
  const [staffId, setStaffId] = useState("");
  const [day, setDay] = useState("");
  const from = day === "" ? undefined : (zonedLocalToIso(`${day}T00:00`, session.timezone) ?? undefined);
  const to = day === "" ? undefined : (zonedLocalToIso(`${nextDay(day)}T00:00`, session.timezone) ?? undefined);
  const purchases = useRequest(
    () =>
      ok(
        api.GET("/api/v1/purchases", {
          params: {
            query: {
              limit: 50,
              ...(staffId === "" ? {} : { staff_id: staffId }),
              ...(from === undefined ? {} : { from }),
              ...(to === undefined ? {} : { to }),
            },
          },
        }),
      ),
    [staffId, from, to],
  );
  const staff = useRequest(
    () =>
      can(session, "managers")
        ? ok(api.GET("/api/v1/staff", { params: { query: { limit: 100 } } }))
        : Promise.resolve({ data: [], next_cursor: null }),
    [],
  );
  const [voiding, setVoiding] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1>Purchases</h1>
      <form class="card grid two" onSubmit={(e) => e.preventDefault()} aria-label="Filter purchases">
        {can(session, "managers") ? (
          <Field label="Logged by">
            <select name="staff_id" value={staffId} onChange={(e) => setStaffId(e.currentTarget.value)}>
              <option value="">Anyone</option>
              {(staff.data?.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.full_name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="Day">
          <input
            name="day"
            type="date"
            max={todayIn(session.timezone)}
            value={day}
            onInput={(e) => setDay(e.currentTarget.value)}
          />
        </Field>
      </form>
      {done === null ? null : (
        <p class="done" role="status">
          {done}
        </p>
      )}
      <section class="card" aria-label="Purchase list">
        <Loaded state={purchases} label="purchases">
          {(page) =>
            page.data.length === 0 ? (
              <p>No purchases{day === "" ? " yet" : " that day"}.</p>
            ) : (
              <ul class="rows">
                {page.data.map((p) => (
                  <li key={p.id}>
                    <span class="row-main">
                      <strong>{formatNaira(p.amount_kobo)}</strong>
                      <span class="muted">
                        +{p.customer_phone} · {formatCount(p.points_awarded)} points ·{" "}
                        {formatDateTime(p.created_at, session.timezone)}
                        {p.void_reason === null ? "" : ` · voided: ${p.void_reason}`}
                      </span>
                    </span>
                    {p.voided_at === null ? null : <Badge tone="plain">voided</Badge>}
                    {manage && p.voided_at === null ? (
                      voiding === p.id ? (
                        <VoidForm
                          purchase={p}
                          onCancel={() => setVoiding(null)}
                          onVoided={(message) => {
                            setVoiding(null);
                            setDone(message);
                            purchases.reload();
                          }}
                        />
                      ) : (
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => setVoiding(p.id)}
                          aria-label={`Void ${formatNaira(p.amount_kobo)} purchase`}
                        >
                          Void
                        </button>
                      )
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function VoidForm(props: {
  purchase: Schemas["PurchaseDetail"];
  onCancel: () => void;
  onVoided: (message: string) => void;
}) {
  const [reason, setReason] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const voided = await ok(
        api.POST("/api/v1/purchases/{id}/void", { params: { path: { id: props.purchase.id } }, body: { reason } }),
      );
      props.onVoided(
        `Voided ${formatNaira(voided.amount_kobo)}: ${formatCount(voided.points_reversed ?? 0)} points taken back, balance now ${formatCount(voided.balance)}.`,
      );
      return undefined;
    });
  };
  return (
    <form class="stack" style="flex-basis:100%" onSubmit={submit}>
      <Field label="Reason for voiding">
        <input
          name="void_reason"
          required
          maxLength={200}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <Outcome error={action.error} />
      <div class="actions" style="margin-top:0">
        <button type="submit" class="danger" disabled={action.busy}>
          {action.busy ? "Voiding…" : "Confirm void"}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Keep it
        </button>
      </div>
    </form>
  );
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
