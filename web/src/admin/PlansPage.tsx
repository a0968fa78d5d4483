import { api, ok } from "../api/client.ts";
import { formatNaira } from "../lib/format.ts";
import { useRequest } from "../lib/useRequest.ts";
import { Badge, Loaded } from "../ui/ui.tsx";

/** The subscription plans and their limits. */
export function PlansPage() {
  const plans = useRequest(() => ok(api.GET("/api/platform/plans")), []);
  return (
    <>
      <h1>Plans</h1>
      <section class="card">
        <Loaded state={plans} label="plans">
          {(p) => (
            <ul class="rows">
              {p.data.map((plan) => (
                <li key={plan.id}>
                  <span class="row-main">
                    <strong>{plan.name}</strong>
                    <span class="muted">
                      {formatNaira(plan.price_kobo)} / {plan.billing_period} ·{" "}
                      {Object.entries(plan.features)
                        .map(([k, v]) => `${k.replace(/_/g, " ")}: ${String(v)}`)
                        .join(" · ")}
                    </span>
                  </span>
                  {plan.is_active ? <Badge tone="good">active</Badge> : <Badge tone="plain">retired</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
    </>
  );
}
