import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import { formatCount } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { messageOf, useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../../ui/ui.tsx";
import { can, type Session } from "../session.ts";

/** Rewards: the list for everyone; add, pause and resume for managers. */
export function RewardsPage(props: { session: Session }) {
  const manage = can(props.session, "managers");
  const rewards = useRequest(() => ok(api.GET("/api/v1/rewards", { params: { query: { limit: 100 } } })), []);
  const [error, setError] = useState<string | null>(null);
  const setActive = async (id: string, active: boolean) => {
    setError(null);
    try {
      await ok(api.PATCH("/api/v1/rewards/{id}", { params: { path: { id } }, body: { is_active: active } }));
      rewards.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <>
      <h1>Rewards</h1>
      <div class={manage ? "grid two" : "grid"}>
        {manage ? <NewReward onCreated={rewards.reload} /> : null}
        <section class="card" aria-labelledby="rewards-list">
          <h2 id="rewards-list">Your rewards</h2>
          <Outcome error={error} />
          <Loaded state={rewards} label="rewards">
            {(page) =>
              page.data.length === 0 ? (
                <p>No rewards yet{manage ? ": add the first one." : "."}</p>
              ) : (
                <ul class="rows">
                  {page.data.map((r) => (
                    <li key={r.id}>
                      <span class="row-main">
                        <strong>{r.name}</strong>
                        <span class="muted">
                          {formatCount(r.points_required)} points ·{" "}
                          {r.stock_quantity === null ? "unlimited stock" : `${formatCount(r.stock_quantity)} left`} ·{" "}
                          {formatCount(r.total_redemptions)} redeemed
                        </span>
                      </span>
                      {r.is_active ? <Badge tone="good">active</Badge> : <Badge tone="plain">paused</Badge>}
                      {manage ? (
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => setActive(r.id, !r.is_active)}
                          aria-label={`${r.is_active ? "Pause" : "Resume"} ${r.name}`}
                        >
                          {r.is_active ? "Pause" : "Resume"}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
      </div>
    </>
  );
}

function NewReward(props: { onCreated: () => void }) {
  const [name, setName] = useState("");
  const [points, setPoints] = useState("");
  const [stock, setStock] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const pointsRequired = Number(points);
    const stockQuantity = stock.trim() === "" ? null : Number(stock);
    if (!Number.isInteger(pointsRequired) || pointsRequired < 1)
      return action.fail("Points must be a whole number of at least 1.");
    if (stockQuantity !== null && (!Number.isInteger(stockQuantity) || stockQuantity < 0))
      return action.fail("Stock must be a whole number, or empty for unlimited.");
    await action.run(async () => {
      const reward = await ok(
        api.POST("/api/v1/rewards", { body: { name, points_required: pointsRequired, stock_quantity: stockQuantity } }),
      );
      setName("");
      setPoints("");
      setStock("");
      props.onCreated();
      return `Added “${reward.name}”.`;
    });
  };
  return (
    <section class="card" aria-labelledby="new-reward">
      <h2 id="new-reward">Add a reward</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Name">
          <input
            name="name"
            required
            maxLength={255}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            placeholder="Free coffee"
          />
        </Field>
        <Field label="Points needed">
          <input
            name="points_required"
            inputMode="numeric"
            pattern="[0-9]+"
            required
            value={points}
            onInput={(e) => setPoints(e.currentTarget.value)}
          />
        </Field>
        <Field label="Stock" hint="Leave empty for unlimited">
          <input
            name="stock_quantity"
            inputMode="numeric"
            pattern="[0-9]*"
            value={stock}
            onInput={(e) => setStock(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Adding…" : "Add reward"}
        </button>
      </form>
    </section>
  );
}
