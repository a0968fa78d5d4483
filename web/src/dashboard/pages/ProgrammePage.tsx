import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatDateTime, zonedLocalToIso } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { messageOf, useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

/** How points are earned: rules (add, pause, resume) and campaigns (create, activate, pause). Managers only. */
export function ProgrammePage(props: { session: Session }) {
  const rules = useRequest(() => ok(api.GET("/api/v1/rules", { params: { query: { limit: 100 } } })), []);
  const campaigns = useRequest(() => ok(api.GET("/api/v1/campaigns", { params: { query: { limit: 100 } } })), []);
  const [error, setError] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>, reload: () => void) => {
    setError(null);
    try {
      await what();
      reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <>
      <h1>Earning rules and campaigns</h1>
      <Outcome error={error} />
      <div class="grid two">
        <NewRule onCreated={rules.reload} />
        <section class="card" aria-labelledby="rules-list">
          <h2 id="rules-list">Rules</h2>
          <Loaded state={rules} label="rules">
            {(page) =>
              page.data.length === 0 ? (
                <p>No rules yet: customers earn nothing until you add one.</p>
              ) : (
                <ul class="rows">
                  {page.data.map((r) => (
                    <li key={r.id}>
                      <span class="row-main">
                        <strong>{r.name}</strong>
                        <span class="muted">{describeRule(r)}</span>
                      </span>
                      {r.is_active ? <Badge tone="good">active</Badge> : <Badge tone="plain">paused</Badge>}
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`${r.is_active ? "Pause" : "Resume"} ${r.name}`}
                        onClick={() =>
                          act(
                            () =>
                              ok(
                                api.PATCH("/api/v1/rules/{id}", {
                                  params: { path: { id: r.id } },
                                  body: { is_active: !r.is_active },
                                }),
                              ),
                            rules.reload,
                          )
                        }
                      >
                        {r.is_active ? "Pause" : "Resume"}
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
        <NewCampaign session={props.session} onCreated={campaigns.reload} />
        <section class="card" aria-labelledby="campaign-list">
          <h2 id="campaign-list">Campaigns</h2>
          <Loaded state={campaigns} label="campaigns">
            {(page) =>
              page.data.length === 0 ? (
                <p>No campaigns yet.</p>
              ) : (
                <ul class="rows">
                  {page.data.map((c) => {
                    // The lifecycle: draft → scheduled → active ⇄ paused.
                    const next =
                      c.status === "active"
                        ? "paused"
                        : c.status === "paused" || c.status === "scheduled"
                          ? "active"
                          : c.status === "draft"
                            ? "scheduled"
                            : null;
                    return (
                      <li key={c.id}>
                        <span class="row-main">
                          <strong>{c.name}</strong>
                          <span class="muted">
                            {c.campaign_type.replace(/_/g, " ")} · {formatDateTime(c.starts_at, props.session.timezone)}{" "}
                            – {formatDateTime(c.ends_at, props.session.timezone)}
                          </span>
                        </span>
                        <Badge tone={c.status === "active" ? "good" : "plain"}>{c.status}</Badge>
                        {next === null ? null : (
                          <button
                            type="button"
                            class="secondary"
                            aria-label={`${ACTION[next]} ${c.name}`}
                            onClick={() =>
                              act(
                                () =>
                                  ok(
                                    api.POST("/api/v1/campaigns/{id}/status", {
                                      params: { path: { id: c.id } },
                                      body: { status: next },
                                    }),
                                  ),
                                campaigns.reload,
                              )
                            }
                          >
                            {ACTION[next]}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )
            }
          </Loaded>
        </section>
      </div>
    </>
  );
}

const ACTION = { active: "Start", paused: "Pause", scheduled: "Schedule" } as const;

function describeRule(rule: Schemas["PointsRule"]): string {
  const config = rule.config;
  if (rule.rule_type === "per_amount_spent" && typeof config["points_per_ngn"] === "number")
    return `${Math.round(config["points_per_ngn"] * 100 * 100) / 100} points per ₦100 spent`;
  if (rule.rule_type === "per_purchase" && typeof config["points_per_purchase"] === "number")
    return `${config["points_per_purchase"]} points per purchase`;
  return rule.rule_type.replace(/_/g, " ");
}

function NewRule(props: { onCreated: () => void }) {
  const [kind, setKind] = useState<"per_amount_spent" | "per_purchase">("per_amount_spent");
  const [points, setPoints] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = Number(points);
    if (!Number.isFinite(value) || value <= 0) return action.fail("Enter a number of points above 0.");
    if (kind === "per_purchase" && !Number.isInteger(value))
      return action.fail("Points per purchase is a whole number.");
    await action.run(async () => {
      const body =
        kind === "per_amount_spent"
          ? { name: `${value} points per ₦100`, rule_type: kind, config: { points_per_ngn: value / 100 } }
          : { name: `${value} points per purchase`, rule_type: kind, config: { points_per_purchase: value } };
      const rule = await ok(api.POST("/api/v1/rules", { body }));
      setPoints("");
      props.onCreated();
      return `Added “${rule.name}”.`;
    });
  };
  return (
    <section class="card" aria-labelledby="new-rule">
      <h2 id="new-rule">Add a rule</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Customers earn">
          <select
            name="rule_type"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value === "per_purchase" ? "per_purchase" : "per_amount_spent")}
          >
            <option value="per_amount_spent">points for every ₦100 spent</option>
            <option value="per_purchase">points for every purchase</option>
          </select>
        </Field>
        <Field label="Points">
          <input
            name="points"
            inputMode="decimal"
            required
            value={points}
            onInput={(e) => setPoints(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Adding…" : "Add rule"}
        </button>
      </form>
    </section>
  );
}

function NewCampaign(props: { session: Session; onCreated: () => void }) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"double_points" | "bonus_points">("double_points");
  const [bonus, setBonus] = useState("");
  const [starts, setStarts] = useState("");
  const [ends, setEnds] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const startsAt = zonedLocalToIso(starts, props.session.timezone);
    const endsAt = zonedLocalToIso(ends, props.session.timezone);
    if (startsAt === null || endsAt === null) return action.fail("Pick when the campaign starts and ends.");
    if (kind === "bonus_points" && !/^\d+$/.test(bonus)) return action.fail("Bonus points is a whole number.");
    await action.run(async () => {
      const campaign = await ok(
        api.POST("/api/v1/campaigns", {
          body: {
            name,
            campaign_type: kind,
            config: kind === "double_points" ? { multiplier: 2 } : { bonus_points: Number(bonus) },
            starts_at: startsAt,
            ends_at: endsAt,
          },
        }),
      );
      setName("");
      props.onCreated();
      return `Created “${campaign.name}” as a draft: schedule it, then start it, from the list.`;
    });
  };
  return (
    <section class="card" aria-labelledby="new-campaign">
      <h2 id="new-campaign">New campaign</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Name">
          <input
            name="campaign_name"
            required
            maxLength={255}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            placeholder="Double points weekend"
          />
        </Field>
        <Field label="Kind">
          <select
            name="campaign_type"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value === "bonus_points" ? "bonus_points" : "double_points")}
          >
            <option value="double_points">Double points</option>
            <option value="bonus_points">Bonus points per purchase</option>
          </select>
        </Field>
        {kind === "bonus_points" ? (
          <Field label="Bonus points">
            <input
              name="bonus_points"
              inputMode="numeric"
              value={bonus}
              onInput={(e) => setBonus(e.currentTarget.value)}
            />
          </Field>
        ) : null}
        <Field label={`Starts (${props.session.timezone})`}>
          <input
            name="starts_at"
            type="datetime-local"
            required
            value={starts}
            onInput={(e) => setStarts(e.currentTarget.value)}
          />
        </Field>
        <Field label={`Ends (${props.session.timezone})`}>
          <input
            name="ends_at"
            type="datetime-local"
            required
            value={ends}
            onInput={(e) => setEnds(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Creating…" : "Create campaign"}
        </button>
      </form>
    </section>
  );
}
