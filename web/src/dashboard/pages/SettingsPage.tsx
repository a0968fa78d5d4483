import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
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

/** Settings: greeting, points expiry, redemption window, language, time zone, templates (owner edits). */
export function SettingsPage(props: { session: Session }) {
  const settings = useRequest(() => ok(api.GET("/api/v1/settings")), []);
  return (
    <>
      <h1>Settings</h1>
      <Loaded state={settings} label="the settings">
        {(s) => <SettingsForm settings={s} editable={can(props.session, "owner")} onSaved={settings.reload} />}
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
