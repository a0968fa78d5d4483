import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, ok, setCsrfToken, whenSignedOut } from "../api/client.ts";
import { interceptLinks, matchPath, navigate, usePath } from "../lib/router.ts";
import { useFormAction } from "../lib/useFormAction.ts";
import { messageOf } from "../lib/useRequest.ts";
import "../ui/styles.css";
import { Field, Outcome } from "../ui/ui.tsx";
import { AuditPage } from "./AuditPage.tsx";
import { MetricsPage } from "./MetricsPage.tsx";
import { PlansPage } from "./PlansPage.tsx";
import { TenantPage } from "./TenantPage.tsx";
import { TenantsPage } from "./TenantsPage.tsx";

type Admin = { role: string };
type AppState =
  | { kind: "checking" }
  | { kind: "signed-out"; notice: string | null }
  | { kind: "signed-in"; admin: Admin };

const NAV = [
  { path: "/admin", title: "Metrics" },
  { path: "/admin/tenants", title: "Tenants" },
  { path: "/admin/plans", title: "Plans" },
  { path: "/admin/audit", title: "Audit log" },
];

function App() {
  const [state, setState] = useState<AppState>({ kind: "checking" });
  const path = usePath();
  useEffect(() => {
    whenSignedOut(() => setState({ kind: "signed-out", notice: "Your session has ended. Please sign in again." }));
    ok(api.GET("/api/platform/auth/session"))
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setState({ kind: "signed-in", admin: { role: s.role } });
      })
      .catch((err: unknown) =>
        setState({ kind: "signed-out", notice: err instanceof ApiError && err.status === 401 ? null : messageOf(err) }),
      );
  }, []);

  if (state.kind === "checking")
    return (
      <main>
        <p class="loading" role="status">
          Loading…
        </p>
      </main>
    );
  if (state.kind === "signed-out") {
    return (
      <Login
        notice={state.notice}
        onSignedIn={(admin) => {
          setState({ kind: "signed-in", admin });
          navigate("/admin", true);
        }}
      />
    );
  }
  const canWrite = state.admin.role !== "support";
  const tenant = matchPath("/admin/tenants/:id", path);
  const page =
    tenant !== null ? (
      <TenantPage id={tenant["id"] ?? ""} canWrite={canWrite} />
    ) : path.startsWith("/admin/tenants") ? (
      <TenantsPage />
    ) : path.startsWith("/admin/plans") ? (
      <PlansPage />
    ) : path.startsWith("/admin/audit") ? (
      <AuditPage />
    ) : (
      <MetricsPage />
    );
  const active =
    tenant !== null
      ? "/admin/tenants"
      : (NAV.find((n) => n.path !== "/admin" && path.startsWith(n.path))?.path ?? "/admin");
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">LoyaltyLaaS console</span>
        <span style="color:#fff">{state.admin.role}</span>
        <button
          type="button"
          onClick={async () => {
            await ok(api.DELETE("/api/platform/auth/session")).catch(() => null);
            setCsrfToken(null);
            setState({ kind: "signed-out", notice: "You have signed out." });
          }}
        >
          Sign out
        </button>
      </header>
      <nav class="tabs" aria-label="Console">
        <ul>
          {NAV.map((n) => (
            <li key={n.path}>
              <a href={n.path} aria-current={active === n.path ? "page" : undefined}>
                {n.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{page}</main>
    </>
  );
}

function Login(props: { notice: string | null; onSignedIn: (admin: Admin) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(
      async () => {
        const session = await ok(api.POST("/api/platform/auth/session", { body: { email, password } }));
        setCsrfToken(session.csrf_token);
        props.onSignedIn({ role: session.role });
        return undefined;
      },
      (err) => (err instanceof ApiError && err.status === 401 ? "Wrong email or password." : messageOf(err)),
    );
  };
  return (
    <main class="login">
      <h1>Platform console sign-in</h1>
      {props.notice === null ? null : (
        <p class="banner" role="status">
          {props.notice}
        </p>
      )}
      <form class="card stack" onSubmit={submit}>
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
        <Outcome error={action.error} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}

interceptLinks("/admin");
const root = document.getElementById("app");
if (root !== null) render(<App />, root);
