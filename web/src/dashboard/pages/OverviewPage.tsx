import { useMemo, useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatCount, formatNaira, todayIn } from "../../lib/format.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { DailyChart } from "../../ui/Chart.tsx";
import { Loaded, Stat } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

const RANGES = [
  { days: 1, label: "Today" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
] as const;

/** Today, 7 or 30 days from daily_metrics (today live), with charts. */
export function OverviewPage(props: { session: Session }) {
  const [days, setDays] = useState<number>(30);
  const to = todayIn(props.session.timezone);
  const from = new Date(Date.parse(`${to}T12:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const summary = useRequest(
    () => ok(api.GET("/api/v1/analytics/summary", { params: { query: { from, to } } })),
    [from, to],
  );
  return (
    <>
      <h1>Overview</h1>
      <fieldset class="segmented" aria-label="Period">
        {RANGES.map((r) => (
          <button type="button" key={r.days} aria-pressed={days === r.days} onClick={() => setDays(r.days)}>
            {r.label}
          </button>
        ))}
      </fieldset>
      <Loaded state={summary} label="the figures">
        {(s) => <Figures summary={s} period={RANGES.find((r) => r.days === days)?.label ?? `${days} days`} />}
      </Loaded>
    </>
  );
}

type Summary = Schemas["AnalyticsSummary"];

function Figures(props: { summary: Summary; period: string }) {
  const { summary } = props;
  const t = summary.totals;
  const num = (key: string) => t[key] ?? 0;
  const charts = useMemo(() => {
    // Every day of the range, zero where daily_metrics has no row, so the axis spans the range.
    const byDate = new Map(summary.days.map((d) => [String(d["date"]), d]));
    const dates: string[] = [];
    for (let t = Date.parse(`${summary.from}T12:00:00Z`); t <= Date.parse(`${summary.to}T12:00:00Z`); t += 86_400_000) {
      dates.push(new Date(t).toISOString().slice(0, 10));
    }
    const col = (key: string) =>
      dates.map((date) => {
        const value = byDate.get(date)?.[key];
        return typeof value === "number" ? value : 0;
      });
    return {
      dates,
      purchases: [{ label: "Purchases", values: col("total_purchases"), color: "#0b6e4f" }],
      revenue: [{ label: "Revenue", values: col("revenue_kobo"), color: "#1f5fa8" }],
      points: [
        { label: "Points issued", values: col("points_earned"), color: "#0b6e4f" },
        { label: "Points redeemed", values: col("points_redeemed"), color: "#b5470b" },
      ],
      customers: [{ label: "New customers", values: col("new_customers"), color: "#6b3fa0" }],
    };
  }, [summary]);
  return (
    <>
      <div class="stats">
        <Stat label="Purchases" value={formatCount(num("total_purchases"))} />
        <Stat label="Revenue" value={formatNaira(num("revenue_kobo"))} />
        <Stat label="Points issued" value={formatCount(num("points_earned"))} />
        <Stat label="Points redeemed" value={formatCount(num("points_redeemed"))} />
        <Stat label="New customers" value={formatCount(num("new_customers"))} />
        <Stat label="Active customers (30 days)" value={formatCount(num("active_customers_30d"))} />
        <Stat label="All customers" value={formatCount(num("customers"))} />
        <Stat label="Rewards redeemed" value={formatCount(num("rewards_redeemed"))} />
        <Stat
          label={`Customers who bought or wrote (${props.period.toLowerCase()})`}
          value={formatCount(num("active_customers"))}
        />
        <Stat label="Churned (no purchase in 90 days)" value={formatCount(num("churned_customers"))} />
        <Stat label="Average order" value={formatNaira(num("average_order_value_kobo"))} />
        <Stat
          label="WhatsApp messages in / out"
          value={`${formatCount(num("messages_in"))} / ${formatCount(num("messages_out"))}`}
        />
      </div>
      <div class="grid two" style="margin-top:1rem">
        <section class="card">
          <DailyChart title="Purchases per day" dates={charts.dates} series={charts.purchases} format={formatCount} />
        </section>
        <section class="card">
          <DailyChart title="Revenue per day" dates={charts.dates} series={charts.revenue} format={formatNaira} />
        </section>
        <section class="card">
          <DailyChart
            title="Points issued and redeemed"
            dates={charts.dates}
            series={charts.points}
            format={formatCount}
          />
        </section>
        <section class="card">
          <DailyChart
            title="New customers per day"
            dates={charts.dates}
            series={charts.customers}
            format={formatCount}
          />
        </section>
      </div>
      {summary.top_customers.length === 0 ? null : (
        <section class="card">
          <h2>Top customers</h2>
          <ul class="rows">
            {summary.top_customers.map((c) => (
              <li key={c.id}>
                <span class="row-main">
                  <a href={`/dashboard/customers/${c.id}`}>{c.whatsapp_name ?? `+${c.phone_number}`}</a>
                  <span class="muted">{formatCount(c.total_purchases)} purchases</span>
                </span>
                <span>{formatNaira(c.total_spent_kobo)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
