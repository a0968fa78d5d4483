import { useState } from "preact/hooks";
import { api, ok } from "../api/client.ts";
import { formatCount } from "../lib/format.ts";
import { useRequest } from "../lib/useRequest.ts";
import { DailyChart } from "../ui/Chart.tsx";
import { Loaded, Stat } from "../ui/ui.tsx";

/** Platform figures: messages per day in and out, failed sends, tenants. */
export function MetricsPage() {
  const [days, setDays] = useState(30);
  const metrics = useRequest(() => ok(api.GET("/api/platform/metrics", { params: { query: { days } } })), [days]);
  return (
    <>
      <h1>Platform metrics</h1>
      <fieldset class="segmented" aria-label="Period">
        {[7, 30, 90].map((d) => (
          <button type="button" key={d} aria-pressed={days === d} onClick={() => setDays(d)}>
            {d} days
          </button>
        ))}
      </fieldset>
      <Loaded state={metrics} label="the metrics">
        {(m) => (
          <>
            <div class="stats">
              <Stat label="Tenants serving" value={formatCount(m.tenants.serving)} />
              <Stat label="Tenants suspended" value={formatCount(m.tenants.suspended)} />
              <Stat label={`Tenants with traffic (${days} d)`} value={formatCount(m.tenants.with_traffic)} />
              <Stat label="Failed sends" value={formatCount(m.totals.failed_sends)} />
              <Stat label="Messages in" value={formatCount(m.totals.messages_in)} />
              <Stat label="Messages out" value={formatCount(m.totals.messages_out)} />
            </div>
            <section class="card" style="margin-top:1rem">
              <DailyChart
                title="WhatsApp messages per day (UTC)"
                dates={m.days.map((d) => d.date)}
                series={[
                  { label: "In", values: m.days.map((d) => d.messages_in), color: "#1f5fa8" },
                  { label: "Out", values: m.days.map((d) => d.messages_out), color: "#0b6e4f" },
                  { label: "Failed", values: m.days.map((d) => d.failed_sends), color: "#a4161a" },
                ]}
                format={formatCount}
              />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
