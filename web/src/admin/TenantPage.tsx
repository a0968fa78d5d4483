import { useState } from "preact/hooks";
import { api, ok } from "../api/client.ts";
import { formatCount, formatDate, formatNaira, parseNairaToKobo } from "../lib/format.ts";
import { useFormAction } from "../lib/useFormAction.ts";
import { useRequest } from "../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../ui/ui.tsx";

const UTC = "UTC";

/** One tenant: status, plan, suspend/reactivate, change plan, invoices (issue, mark paid). */
export function TenantPage(props: { id: string; canWrite: boolean }) {
  const tenant = useRequest(
    () => ok(api.GET("/api/platform/tenants/{id}", { params: { path: { id: props.id } } })),
    [props.id],
  );
  const invoices = useRequest(
    () =>
      ok(api.GET("/api/platform/tenants/{id}/invoices", { params: { path: { id: props.id }, query: { limit: 50 } } })),
    [props.id],
  );
  const plans = useRequest(() => ok(api.GET("/api/platform/plans")), []);
  const usage = useRequest(
    () => ok(api.GET("/api/platform/tenants/{id}/subscription", { params: { path: { id: props.id } } })),
    [props.id],
  );
  const [reason, setReason] = useState("");
  const action = useFormAction();
  const act = (what: () => Promise<unknown>, message: string, reload: () => void) =>
    action.run(async () => {
      await what();
      reload();
      return message;
    });
  return (
    <>
      <p>
        <a href="/admin/tenants">← All tenants</a>
      </p>
      <Loaded state={tenant} label="the tenant">
        {(t) => (
          <>
            <h1>{t.business_name}</h1>
            <section class="card">
              <p>
                <Badge tone={t.subscription_status === "suspended" ? "bad" : "good"}>{t.subscription_status}</Badge> ·
                code <strong>{t.vendor_code}</strong> · plan {t.plan ?? "none"} · +{t.phone_number}
              </p>
              <p class="muted">
                Trial ends {formatDate(t.trial_ends_at, UTC)} · subscription ends{" "}
                {formatDate(t.subscription_ends_at, UTC)} · joined {formatDate(t.created_at, UTC)}
              </p>
              <Outcome error={action.error} done={action.done} />
              {props.canWrite ? (
                t.subscription_status === "suspended" ? (
                  <div class="actions">
                    <button
                      type="button"
                      onClick={() =>
                        act(
                          () =>
                            ok(
                              api.POST("/api/platform/tenants/{id}/reactivate", {
                                params: { path: { id: t.id } },
                                body: {},
                              }),
                            ),
                          "Reactivated.",
                          tenant.reload,
                        )
                      }
                    >
                      Reactivate
                    </button>
                  </div>
                ) : (
                  <form
                    class="stack"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(
                        () =>
                          ok(
                            api.POST("/api/platform/tenants/{id}/suspend", {
                              params: { path: { id: t.id } },
                              body: { reason },
                            }),
                          ),
                        "Suspended: the bot and the dashboard are paused.",
                        tenant.reload,
                      );
                    }}
                  >
                    <Field label="Reason for suspending">
                      <input
                        name="reason"
                        required
                        maxLength={500}
                        value={reason}
                        onInput={(e) => setReason(e.currentTarget.value)}
                      />
                    </Field>
                    <button type="submit" class="danger">
                      Suspend tenant
                    </button>
                  </form>
                )
              ) : (
                <p class="muted">Your role is read-only.</p>
              )}
            </section>
            {props.canWrite ? (
              <section class="card">
                <h2>Plan</h2>
                <Loaded state={plans} label="plans">
                  {(p) => (
                    <div class="actions">
                      {p.data.map((plan) => (
                        <button
                          type="button"
                          key={plan.id}
                          class={plan.slug === t.plan ? "" : "secondary"}
                          aria-pressed={plan.slug === t.plan}
                          onClick={() =>
                            act(
                              () =>
                                ok(
                                  api.PATCH("/api/platform/tenants/{id}", {
                                    params: { path: { id: t.id } },
                                    body: { plan: plan.slug },
                                  }),
                                ),
                              `Plan changed to ${plan.name}.`,
                              tenant.reload,
                            )
                          }
                        >
                          {plan.name}
                        </button>
                      ))}
                    </div>
                  )}
                </Loaded>
              </section>
            ) : null}
          </>
        )}
      </Loaded>
      <section class="card">
        <h2>Usage</h2>
        <Loaded state={usage} label="usage">
          {(u) => (
            <ul class="rows">
              {(
                [
                  ["Customers", u.usage.customers],
                  ["Staff", u.usage.staff],
                  ["Broadcasts this month", u.usage.broadcasts_this_month],
                  ["Messages this month", u.usage.messages_this_month],
                ] as const
              ).map(([label, figure]) => (
                <li key={label}>
                  <span>{label}</span>
                  <span>
                    {formatCount(figure.used)}{" "}
                    {figure.limit === null ? "(unlimited)" : `of ${formatCount(figure.limit)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      <section class="card">
        <h2>Invoices</h2>
        {props.canWrite ? <NewInvoice tenantId={props.id} onIssued={invoices.reload} /> : null}
        <Loaded state={invoices} label="invoices">
          {(page) =>
            page.data.length === 0 ? (
              <p>No invoices yet.</p>
            ) : (
              <ul class="rows">
                {page.data.map((inv) => (
                  <li key={inv.id}>
                    <span class="row-main">
                      <strong>{inv.invoice_number}</strong>
                      <span class="muted">
                        {formatNaira(inv.total_kobo)} · {formatDate(inv.period_start, UTC)} –{" "}
                        {formatDate(inv.period_end, UTC)}
                      </span>
                    </span>
                    <Badge tone={inv.status === "paid" ? "good" : "warn"}>{inv.status}</Badge>
                    {props.canWrite && inv.status === "pending" ? (
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`Mark ${inv.invoice_number} paid`}
                        onClick={() =>
                          act(
                            () =>
                              ok(
                                api.POST("/api/platform/tenants/{id}/invoices/{invoiceId}/mark-paid", {
                                  params: { path: { id: props.id, invoiceId: inv.id } },
                                  body: { payment_method: "bank_transfer" },
                                }),
                              ),
                            `${inv.invoice_number} marked paid.`,
                            invoices.reload,
                          )
                        }
                      >
                        Mark paid
                      </button>
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

function NewInvoice(props: { tenantId: string; onIssued: () => void }) {
  const [amount, setAmount] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const kobo = parseNairaToKobo(amount);
    if (kobo === null || kobo <= 0) return action.fail("Enter an amount in naira, e.g. 5,000.");
    await action.run(async () => {
      await ok(
        api.POST("/api/platform/tenants/{id}/invoices", {
          params: { path: { id: props.tenantId } },
          body: { amount_kobo: kobo, period_start: start, period_end: end },
        }),
      );
      setAmount("");
      props.onIssued();
      return "Invoice issued.";
    });
  };
  return (
    <form class="stack" onSubmit={submit} style="margin-bottom:1rem">
      <Field label="Amount (₦)">
        <input
          name="amount"
          inputMode="decimal"
          required
          value={amount}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
      </Field>
      <div class="grid two">
        <Field label="Period start">
          <input
            name="period_start"
            type="date"
            required
            value={start}
            onInput={(e) => setStart(e.currentTarget.value)}
          />
        </Field>
        <Field label="Period end">
          <input name="period_end" type="date" required value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
        </Field>
      </div>
      <Outcome error={action.error} done={action.done} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? "Issuing…" : "Issue invoice"}
      </button>
    </form>
  );
}
