import { useState } from "preact/hooks";
import { api, ApiError, ok } from "../api/client.ts";
import { messageOf } from "../lib/useRequest.ts";
import { Field, Outcome } from "../ui/ui.tsx";

/** Sign in with vendor code, email and password (or follow the WhatsApp LOGIN link). */
export function LoginPage(props: {
  notice: string | null;
  onSignedIn: (csrf: string) => Promise<void>;
  onSuspended: () => void;
}) {
  const [vendorCode, setVendorCode] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await ok(
        api.POST("/api/v1/auth/session", { body: { vendor_code: vendorCode, email, password } }),
      );
      await props.onSignedIn(session.csrf_token);
    } catch (err) {
      if (err instanceof ApiError && err.status === 403 && /suspended/i.test(err.message)) props.onSuspended();
      else
        setError(
          err instanceof ApiError && err.status === 401 ? "Wrong vendor code, email or password." : messageOf(err),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <h1>Sign in to your dashboard</h1>
      {props.notice === null ? null : (
        <p class="banner" role="status">
          {props.notice}
        </p>
      )}
      <form class="card stack" onSubmit={submit}>
        <Field label="Vendor code">
          <input
            name="vendor_code"
            autocomplete="organization"
            autocapitalize="characters"
            required
            value={vendorCode}
            onInput={(e) => setVendorCode(e.currentTarget.value)}
          />
        </Field>
        <Field label="Email">
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field label="Password">
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <Outcome error={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p class="muted">Owners can also send LOGIN to the LoyaltyLaaS WhatsApp number for a one-time sign-in link.</p>
      </form>
    </main>
  );
}
