import { useState } from "preact/hooks";
import { api, ok } from "../api/client.ts";
import { formatDateTime } from "../lib/format.ts";
import { useRequest } from "../lib/useRequest.ts";
import { Loaded } from "../ui/ui.tsx";

/** The audit log across tenants, newest first, a page at a time. */
export function AuditPage() {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const logs = useRequest(
    () =>
      ok(
        api.GET("/api/platform/audit-logs", {
          params: { query: { limit: 50, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
    [cursor],
  );
  return (
    <>
      <h1>Audit log</h1>
      <section class="card">
        <Loaded state={logs} label="the audit log">
          {(page) => (
            <>
              {page.data.length === 0 ? <p>Nothing recorded yet.</p> : null}
              <ul class="rows">
                {page.data.map((row) => (
                  <li key={row.id}>
                    <span class="row-main">
                      <strong>{row.action}</strong>
                      <span class="muted">
                        {row.entity_type ?? "—"} {row.entity_id ?? ""} · by {row.user_type ?? "system"} ·{" "}
                        {formatDateTime(row.created_at, "UTC")} UTC
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
              <div class="actions">
                {cursors.length > 0 ? (
                  <button type="button" class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                    Newer
                  </button>
                ) : null}
                {page.next_cursor === null ? null : (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setCursors([...cursors, page.next_cursor ?? ""])}
                  >
                    Older
                  </button>
                )}
              </div>
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}
