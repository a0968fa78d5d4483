import { useEffect, useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import { formatCount, formatDate, formatNaira } from "../../lib/format.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

/** Customers, searched by phone or name. */
export function CustomersPage(props: { session: Session }) {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const customers = useRequest(
    () => ok(api.GET("/api/v1/customers", { params: { query: { limit: 50, ...(search === "" ? {} : { search }) } } })),
    [search],
  );
  return (
    <>
      <h1>Customers</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element has no Preact typing yet; role=search is the same landmark */}
      <form class="card" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search by phone or name">
          <input
            type="search"
            name="search"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            placeholder="0803… or Ada"
          />
        </Field>
      </form>
      <section class="card" aria-label="Customer list">
        <Loaded state={customers} label="customers">
          {(page) =>
            page.data.length === 0 ? (
              <p>No customers {search === "" ? "yet" : "match that search"}.</p>
            ) : (
              <ul class="rows">
                {page.data.map((c) => (
                  <li key={c.id}>
                    <span class="row-main">
                      <a href={`/dashboard/customers/${c.id}`}>{c.whatsapp_name ?? `+${c.phone_number}`}</a>
                      <span class="muted">
                        +{c.phone_number} · {formatCount(c.total_purchases)} purchases ·{" "}
                        {formatNaira(c.total_spent_kobo)} · last{" "}
                        {formatDate(c.last_purchase_at, props.session.timezone)}
                      </span>
                    </span>
                    <span>
                      <strong>{formatCount(c.balance)}</strong> pts{" "}
                      {c.loyalty_status === "blocked" ? (
                        <Badge tone="bad">blocked</Badge>
                      ) : c.opted_in ? null : (
                        <Badge tone="plain">opted out</Badge>
                      )}
                    </span>
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
