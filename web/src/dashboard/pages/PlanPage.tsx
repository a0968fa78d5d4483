import { api, ok } from "../../api/client.ts";
import { formatCount, formatDate, formatNaira } from "../../lib/format.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Badge, Loaded } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

/** The plan, its status and period, and usage against each limit. */
export function PlanPage(props: { session: Session }) {
  const subscription = useRequest(() => ok(api.GET("/api/v1/subscription")), []);
  const tz = props.session.timezone;
  return (
    <>
      <h1>Plan and usage</h1>
      <Loaded state={subscription} label="the plan">
        {(s) => (
          <>
            <section class="card">
              <h2>{s.plan === null ? "No plan" : s.plan.name}</h2>
              <p>
                <Badge tone={s.status === "active" ? "good" : s.status === "trial" ? "warn" : "bad"}>{s.status}</Badge>{" "}
                {s.plan === null
                  ? null
                  : `${formatNaira(s.plan.price_kobo)} / ${s.plan.billing_period === "monthly" ? "month" : "year"}`}
              </p>
              <p class="muted">
                {s.on_trial
                  ? `Trial ends ${formatDate(s.trial_ends_at, tz)}`
                  : s.current_period === null
                    ? ""
                    : `Current period ${formatDate(s.current_period.start, tz)} – ${formatDate(s.current_period.end, tz)}`}
              </p>
              {s.pending_plan === null ? null : (
                <p class="muted">Changes to {s.pending_plan.name} at the end of this period.</p>
              )}
              {s.open_invoice === null ? null : (
                <p class="banner">
                  Invoice {s.open_invoice.invoice_number}: {formatNaira(s.open_invoice.total_kobo)} due{" "}
                  {formatDate(s.open_invoice.due_date, tz)}.
                </p>
              )}
            </section>
            <section class="card">
              <h2>Usage ({s.month})</h2>
              <Usage label="Customers" used={s.usage.customers.used} limit={s.usage.customers.limit} />
              <Usage label="Staff" used={s.usage.staff.used} limit={s.usage.staff.limit} />
              <Usage
                label="Broadcasts this month"
                used={s.usage.broadcasts_this_month.used}
                limit={s.usage.broadcasts_this_month.limit}
              />
              <Usage
                label="Messages this month"
                used={s.usage.messages_this_month.used}
                limit={s.usage.messages_this_month.limit}
              />
              {s.customers_turned_away > 0 ? (
                <p class="banner">
                  {formatCount(s.customers_turned_away)} people could not join because of the customer limit. Upgrade to
                  let them in.
                </p>
              ) : null}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

function Usage(props: { label: string; used: number; limit: number | null }) {
  return (
    <div class="field" style="margin-bottom:0.75rem">
      <span class="label">
        {props.label}: {formatCount(props.used)}{" "}
        {props.limit === null ? "(unlimited)" : `of ${formatCount(props.limit)}`}
      </span>
      {props.limit === null ? null : (
        <progress
          max={props.limit}
          value={Math.min(props.used, props.limit)}
          aria-label={props.label}
          style="width:100%;height:12px"
        />
      )}
    </div>
  );
}
