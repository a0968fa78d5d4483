import { useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Badge, Field, Loaded, Outcome } from "../../ui/ui.tsx";
import type { Session } from "../session.ts";

/** Staff: add, reset a PIN, disable (managers only; the API refuses anyone else). */
export function StaffPage(props: { session: Session }) {
  const staff = useRequest(() => ok(api.GET("/api/v1/staff", { params: { query: { limit: 100 } } })), []);
  const action = useFormAction();
  const act = (what: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await what();
      staff.reload();
      return message;
    });
  const resetPin = (id: string, name: string) => {
    const pin = window.prompt(`New 4–6 digit PIN for ${name}`);
    if (pin === null) return;
    if (!/^\d{4,6}$/.test(pin)) return action.fail("A PIN is 4 to 6 digits.");
    void act(
      () => ok(api.PUT("/api/v1/staff/{id}/pin", { params: { path: { id } }, body: { pin } })),
      `PIN reset for ${name}.`,
    );
  };
  return (
    <>
      <h1>Staff</h1>
      <div class="grid two">
        <NewStaff session={props.session} onCreated={staff.reload} />
        <section class="card" aria-labelledby="staff-list">
          <h2 id="staff-list">Team</h2>
          <Outcome error={action.error} done={action.done} />
          <Loaded state={staff} label="staff">
            {(page) => (
              <ul class="rows">
                {page.data.map((m) => (
                  <li key={m.id}>
                    <span class="row-main">
                      <strong>{m.full_name}</strong>
                      <span class="muted">
                        {m.role} · {m.phone_number === null ? "no phone" : `+${m.phone_number}`} ·{" "}
                        {m.pin_enabled ? "PIN set" : "no PIN"}
                      </span>
                    </span>
                    {m.is_active ? <Badge tone="good">active</Badge> : <Badge tone="plain">disabled</Badge>}
                    {m.is_active && m.role !== "owner" ? (
                      <span class="actions" style="margin-top:0">
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => resetPin(m.id, m.full_name)}
                          aria-label={`Reset PIN of ${m.full_name}`}
                        >
                          Reset PIN
                        </button>
                        <button
                          type="button"
                          class="danger"
                          aria-label={`Disable ${m.full_name}`}
                          onClick={() => {
                            if (
                              window.confirm(
                                `Disable ${m.full_name}? They can no longer sign in or use the staff chat.`,
                              )
                            ) {
                              void act(
                                () => ok(api.POST("/api/v1/staff/{id}/disable", { params: { path: { id: m.id } } })),
                                `${m.full_name} disabled.`,
                              );
                            }
                          }}
                        >
                          Disable
                        </button>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </section>
      </div>
    </>
  );
}

function NewStaff(props: { session: Session; onCreated: () => void }) {
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [role, setRole] = useState<"staff" | "admin">("staff");
  const [pin, setPin] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const created = await ok(
        api.POST("/api/v1/staff", {
          body: { full_name: fullName, email, phone_number: phone, role, ...(pin === "" ? {} : { pin }) },
        }),
      );
      setFullName("");
      setEmail("");
      setPhone("");
      setPin("");
      props.onCreated();
      return `Added ${created.full_name}. ${pin === "" ? "Set a PIN with Reset PIN before they use the staff chat." : "They send STAFF on WhatsApp and enter their PIN."}`;
    });
  };
  return (
    <section class="card" aria-labelledby="new-staff">
      <h2 id="new-staff">Add staff</h2>
      <form class="stack" onSubmit={submit}>
        <Field label="Full name">
          <input
            name="full_name"
            required
            maxLength={255}
            value={fullName}
            onInput={(e) => setFullName(e.currentTarget.value)}
          />
        </Field>
        <Field label="Email">
          <input name="email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field label="WhatsApp phone">
          <input
            name="phone_number"
            type="tel"
            required
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
            placeholder="0803 123 4567"
          />
        </Field>
        <Field label="Role">
          <select
            name="role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value === "admin" ? "admin" : "staff")}
          >
            <option value="staff">Staff (logs purchases, verifies codes)</option>
            {props.session.role === "owner" ? <option value="admin">Admin (manages the programme)</option> : null}
          </select>
        </Field>
        <Field label="PIN (optional)" hint="4–6 digits for the staff chat; you can set it later with Reset PIN">
          <input
            name="pin"
            inputMode="numeric"
            pattern="[0-9]{4,6}"
            autocomplete="off"
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Adding…" : "Add staff member"}
        </button>
      </form>
    </section>
  );
}
