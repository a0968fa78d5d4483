import { useEffect, useState } from "preact/hooks";
import { api, ok } from "../api/client.ts";
import { useRequest } from "../lib/useRequest.ts";
import { Badge, Field, Loaded } from "../ui/ui.tsx";

/** Tenants, searched by name or vendor code. */
export function TenantsPage() {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const tenants = useRequest(
    () =>
      ok(api.GET("/api/platform/tenants", { params: { query: { limit: 50, ...(search === "" ? {} : { search }) } } })),
    [search],
  );
  return (
    <>
      <h1>Tenants</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element has no Preact typing yet; role=search is the same landmark */}
      <form class="card" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search by name or vendor code">
          <input type="search" name="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </Field>
      </form>
      <section class="card" aria-label="Tenant list">
        <Loaded state={tenants} label="tenants">
          {(page) =>
            page.data.length === 0 ? (
              <p>No tenants match.</p>
            ) : (
              <ul class="rows">
                {page.data.map((t) => (
                  <li key={t.id}>
                    <span class="row-main">
                      <a href={`/admin/tenants/${t.id}`}>{t.business_name}</a>
                      <span class="muted">
                        {t.vendor_code} · plan {t.plan ?? "none"}
                      </span>
                    </span>
                    <Badge
                      tone={
                        t.subscription_status === "suspended"
                          ? "bad"
                          : t.subscription_status === "active"
                            ? "good"
                            : "warn"
                      }
                    >
                      {t.subscription_status}
                    </Badge>
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
