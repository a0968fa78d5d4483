import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatCount, formatNaira, parseNairaToKobo } from "../../lib/format.ts";
import { checkTiers, MAX_TIER_NAME, MAX_TIERS, type TierDraft } from "../../lib/tiers.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Field, Loaded, Outcome } from "../../ui/ui.tsx";
import { can, type Session } from "../session.ts";

type Language = "en" | "pcm" | "yo" | "ha" | "ig";

/** The languages the bot speaks (the settings API accepts these codes only). */
const LANGUAGES: { code: Language; name: string }[] = [
  { code: "en", name: "English" },
  { code: "pcm", name: "Nigerian Pidgin" },
  { code: "yo", name: "Yorùbá" },
  { code: "ha", name: "Hausa" },
  { code: "ig", name: "Igbo" },
];

/**
 * Settings: greeting, points expiry, redemption window, language, time zone, templates; receipt
 * claims; VIP tiers (owner edits, everyone reads). Each section saves on its own.
 */
export function SettingsPage(props: { session: Session }) {
  const settings = useRequest(() => ok(api.GET("/api/v1/settings")), []);
  const editable = can(props.session, "owner");
  return (
    <>
      <h1>Settings</h1>
      <Loaded state={settings} label="the settings">
        {(s) => (
          <>
            <SettingsForm settings={s} editable={editable} onSaved={settings.reload} />
            <ClaimsSettingsForm claims={s.claims} editable={editable} onSaved={settings.reload} />
            <TiersForm tiers={s.tiers} editable={editable} onSaved={settings.reload} />
          </>
        )}
      </Loaded>
    </>
  );
}

function SettingsForm(props: { settings: Schemas["Settings"]; editable: boolean; onSaved: () => void }) {
  const s = props.settings;
  const [greeting, setGreeting] = useState(s.greeting_message ?? "");
  const [expiry, setExpiry] = useState(s.points_expiry_days === null ? "" : String(s.points_expiry_days));
  const [window, setWindow] = useState(String(s.redemption_window_days));
  const [language, setLanguage] = useState(s.language);
  const [timezone, setTimezone] = useState(s.timezone);
  const [template, setTemplate] = useState(s.templates.broadcast?.name ?? "");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (expiry !== "" && !/^\d+$/.test(expiry))
      return action.fail("Points expiry is a number of days, or empty for never.");
    await action.run(async () => {
      await ok(
        api.PATCH("/api/v1/settings", {
          body: {
            greeting_message: greeting.trim() === "" ? null : greeting,
            points_expiry_days: expiry === "" ? null : Number(expiry),
            redemption_window_days: Number(window),
            language,
            timezone,
            templates: { broadcast: template.trim() === "" ? null : template.trim() },
          },
        }),
      );
      props.onSaved();
      return "Settings saved.";
    });
  };
  const disabled = !props.editable;
  return (
    <form class="card stack" onSubmit={submit}>
      {props.editable ? null : <p class="banner">Only the owner can change settings.</p>}
      <p class="muted">
        Vendor code <strong>{s.vendor_code}</strong> · join link <a href={s.join_link}>{s.join_link}</a>
      </p>
      <Field label="Greeting" hint="Sent when a customer joins">
        <textarea
          name="greeting_message"
          maxLength={1000}
          disabled={disabled}
          value={greeting}
          onInput={(e) => setGreeting(e.currentTarget.value)}
        />
      </Field>
      <Field label="Points expire after (days)" hint="Empty: points never expire">
        <input
          name="points_expiry_days"
          inputMode="numeric"
          disabled={disabled}
          value={expiry}
          onInput={(e) => setExpiry(e.currentTarget.value)}
        />
      </Field>
      <Field label="Unverified redemptions are refunded after (days)">
        <input
          name="redemption_window_days"
          type="number"
          min={1}
          max={90}
          disabled={disabled}
          value={window}
          onInput={(e) => setWindow(e.currentTarget.value)}
        />
      </Field>
      <Field label="Bot language">
        <select
          name="language"
          disabled={disabled}
          value={language}
          onChange={(e) => {
            const chosen = LANGUAGES.find((l) => l.code === e.currentTarget.value);
            if (chosen !== undefined) setLanguage(chosen.code);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Time zone" hint="IANA name, e.g. Africa/Lagos">
        <input
          name="timezone"
          disabled={disabled}
          value={timezone}
          onInput={(e) => setTimezone(e.currentTarget.value)}
        />
      </Field>
      <Field label="Broadcast template" hint="Your approved WhatsApp template's name; empty uses the platform's">
        <input
          name="broadcast_template"
          disabled={disabled}
          value={template}
          onInput={(e) => setTemplate(e.currentTarget.value)}
        />
      </Field>
      <Outcome error={action.error} done={action.done} />
      {props.editable ? (
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Saving…" : "Save settings"}
        </button>
      ) : null}
    </form>
  );
}

/** Receipt claims: on or off, claims per customer per day, the largest amount of one claim. */
function ClaimsSettingsForm(props: { claims: Schemas["ClaimsSettings"]; editable: boolean; onSaved: () => void }) {
  const [enabled, setEnabled] = useState(props.claims.enabled);
  const [perDay, setPerDay] = useState(String(props.claims.max_per_day));
  const [maxAmount, setMaxAmount] = useState(formatNaira(props.claims.max_amount_kobo).replace("₦", ""));
  const action = useFormAction();
  const disabled = !props.editable;
  const submit = async (event: Event) => {
    event.preventDefault();
    const perDayValue = Number(perDay);
    if (!/^\d+$/.test(perDay.trim()) || perDayValue < 1 || perDayValue > 50)
      return action.fail("Claims per customer per day is a whole number from 1 to 50.");
    const kobo = parseNairaToKobo(maxAmount);
    if (kobo === null || kobo < 100 || kobo > 100_000_000_000)
      return action.fail("The largest amount is in naira, from ₦1 to ₦1,000,000,000.");
    await action.run(async () => {
      const saved = await ok(
        api.PATCH("/api/v1/settings", {
          body: { claims: { enabled, max_per_day: perDayValue, max_amount_kobo: kobo } },
        }),
      );
      props.onSaved();
      return saved.claims.enabled
        ? `Receipt claims on: up to ${formatCount(saved.claims.max_per_day)} a day per customer, ${formatNaira(saved.claims.max_amount_kobo)} at most each.`
        : "Receipt claims off: customers' receipt photos are no longer taken.";
    });
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="claims-settings">
      <h2 id="claims-settings">Receipt claims</h2>
      <p class="muted">
        Customers send a photo of their receipt on WhatsApp with the amount; someone here approves it into a purchase on
        the Claims page.
      </p>
      <label class="check">
        <input
          type="checkbox"
          name="claims_enabled"
          disabled={disabled}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <span>Customers may claim points with a receipt photo</span>
      </label>
      <Field label="Claims per customer per day" hint="1 to 50">
        <input
          name="claims_max_per_day"
          type="number"
          min={1}
          max={50}
          disabled={disabled}
          value={perDay}
          onInput={(e) => setPerDay(e.currentTarget.value)}
        />
      </Field>
      <Field label="Largest amount per claim (₦)" hint="A bigger receipt is refused in the chat">
        <input
          name="claims_max_amount"
          inputMode="decimal"
          disabled={disabled}
          value={maxAmount}
          onInput={(e) => setMaxAmount(e.currentTarget.value)}
        />
      </Field>
      <Outcome error={action.error} done={action.done} />
      {props.editable ? (
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Saving…" : "Save receipt claims"}
        </button>
      ) : null}
    </form>
  );
}

let tierKeys = 0;
type TierRow = TierDraft & { key: number };

function tierRow(draft: TierDraft): TierRow {
  tierKeys += 1;
  return { ...draft, key: tierKeys };
}

/** VIP tiers, lowest first: name, lifetime points that reach it, multiplier on spending points. */
function TiersForm(props: { tiers: Schemas["Tier"][]; editable: boolean; onSaved: () => void }) {
  const [rows, setRows] = useState<TierRow[]>(() =>
    props.tiers.map((t) =>
      tierRow({ name: t.name, minPoints: String(t.min_points), multiplier: String(t.multiplier) }),
    ),
  );
  const action = useFormAction();
  const disabled = !props.editable;
  const update = (key: number, change: Partial<TierDraft>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkTiers(rows);
    if (!checked.ok) return action.fail(checked.message);
    await action.run(async () => {
      const saved = await ok(api.PATCH("/api/v1/settings", { body: { tiers: checked.tiers } }));
      props.onSaved();
      return saved.tiers.length === 0
        ? "Tiers removed."
        : `Tiers saved: ${saved.tiers.map((t) => `${t.name} from ${formatCount(t.min_points)} points ×${t.multiplier}`).join(", ")}.`;
    });
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="tiers-settings">
      <h2 id="tiers-settings">Tiers</h2>
      <p class="muted">
        VIP levels on the points a customer has earned in all (spending points does not lower them), lowest first, at
        most {MAX_TIERS}. A tier's multiplier raises the points of every purchase, e.g. 1.5 gives half as many again.
      </p>
      {rows.length === 0 ? <p>No tiers: every customer earns at the same rate.</p> : null}
      {rows.map((row, index) => (
        <fieldset class="tier" key={row.key}>
          <legend>Tier {index + 1}</legend>
          <Field label={`Tier ${index + 1} name`}>
            <input
              name={`tier_${index}_name`}
              maxLength={MAX_TIER_NAME}
              disabled={disabled}
              value={row.name}
              onInput={(e) => update(row.key, { name: e.currentTarget.value })}
            />
          </Field>
          <Field label={`Tier ${index + 1} points needed`}>
            <input
              name={`tier_${index}_min_points`}
              inputMode="numeric"
              disabled={disabled}
              value={row.minPoints}
              onInput={(e) => update(row.key, { minPoints: e.currentTarget.value })}
            />
          </Field>
          <Field label={`Tier ${index + 1} multiplier`} hint="1 to 5">
            <input
              name={`tier_${index}_multiplier`}
              inputMode="decimal"
              disabled={disabled}
              value={row.multiplier}
              onInput={(e) => update(row.key, { multiplier: e.currentTarget.value })}
            />
          </Field>
          {props.editable ? (
            <button
              type="button"
              class="secondary"
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              aria-label={`Remove tier ${index + 1}${row.name.trim() === "" ? "" : ` (${row.name.trim()})`}`}
            >
              Remove
            </button>
          ) : null}
        </fieldset>
      ))}
      <Outcome error={action.error} done={action.done} />
      {props.editable ? (
        <div class="actions" style="margin-top:0">
          <button
            type="button"
            class="secondary"
            disabled={rows.length >= MAX_TIERS}
            onClick={() => setRows((current) => [...current, tierRow({ name: "", minPoints: "", multiplier: "1" })])}
          >
            Add a tier
          </button>
          <button type="submit" disabled={action.busy}>
            {action.busy ? "Saving…" : "Save tiers"}
          </button>
        </div>
      ) : null}
    </form>
  );
}
