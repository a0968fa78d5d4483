import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, ok, setCsrfToken, whenSignedOut } from "../api/client.ts";
import { interceptLinks, navigate, usePath } from "../lib/router.ts";
import { messageOf } from "../lib/useRequest.ts";
import "../ui/styles.css";
import { DashboardShell } from "./DashboardShell.tsx";
import { LoginPage } from "./LoginPage.tsx";
import type { Session } from "./session.ts";

type AppState =
  | { kind: "checking" }
  | { kind: "signed-out"; notice: string | null }
  | { kind: "suspended" }
  | { kind: "signed-in"; session: Session };

/** Reads the signed-in person and the business settings (role, permissions, time zone). */
async function loadSession(csrfToken: string): Promise<Session> {
  setCsrfToken(csrfToken);
  const [me, settings] = await Promise.all([ok(api.GET("/api/v1/me")), ok(api.GET("/api/v1/settings"))]);
  const role = me.role === "owner" || me.role === "admin" ? me.role : "staff";
  return {
    role,
    userId: me.user_id ?? "",
    permissions: me.permissions,
    timezone: settings.timezone,
    businessName: settings.business_name,
    vendorCode: settings.vendor_code,
  };
}

/**
 * The WhatsApp LOGIN link (/dashboard/login#<one-time token>): the token becomes a short-lived
 * JWT at POST /api/v1/auth/whatsapp-link (owner mode), which is exchanged for the cookie session.
 * The fragment never reaches a server log; it is removed from the address bar at once.
 */
async function signInWithLink(linkToken: string): Promise<string> {
  history.replaceState(null, "", "/dashboard/login");
  let jwt: string;
  try {
    jwt = (await ok(api.POST("/api/v1/auth/whatsapp-link", { body: { token: linkToken } }))).token;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 400)) {
      throw new ApiError(
        err.status,
        "link_invalid",
        "This sign-in link has expired or was already used. Send LOGIN on WhatsApp for a new one.",
      );
    }
    throw err;
  }
  const session = await ok(api.POST("/api/v1/auth/session", { body: {}, headers: { authorization: `Bearer ${jwt}` } }));
  return session.csrf_token;
}

function App() {
  const [state, setState] = useState<AppState>({ kind: "checking" });
  const path = usePath();

  useEffect(() => {
    whenSignedOut((reason) =>
      setState(
        reason === "suspended"
          ? { kind: "suspended" }
          : { kind: "signed-out", notice: "Your session has ended. Please sign in again." },
      ),
    );
    const linkToken =
      location.pathname.startsWith("/dashboard/login") && location.hash.length > 1 ? location.hash.slice(1) : null;
    const start =
      linkToken !== null ? signInWithLink(linkToken) : ok(api.GET("/api/v1/auth/session")).then((s) => s.csrf_token);
    start
      .then(loadSession)
      .then((session) => {
        setState({ kind: "signed-in", session });
        if (location.pathname.startsWith("/dashboard/login")) navigate("/dashboard", true);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 403 && /suspended/i.test(err.message))
          setState({ kind: "suspended" });
        else
          setState({
            kind: "signed-out",
            notice: err instanceof ApiError && err.status === 401 && linkToken === null ? null : messageOf(err),
          });
      });
  }, []);

  if (state.kind === "checking") {
    return (
      <main>
        <p class="loading" role="status">
          Loading…
        </p>
      </main>
    );
  }
  if (state.kind === "suspended") {
    return (
      <main>
        <h1>Account suspended</h1>
        <div class="banner" role="alert">
          This business's account is suspended, so the dashboard and the WhatsApp bot are paused. Please contact
          LoyaltyLaaS support to reactivate it.
        </div>
        <button type="button" onClick={() => setState({ kind: "signed-out", notice: null })}>
          Back to sign in
        </button>
      </main>
    );
  }
  if (state.kind === "signed-out") {
    return (
      <LoginPage
        notice={state.notice}
        onSignedIn={async (csrf) => {
          const session = await loadSession(csrf);
          setState({ kind: "signed-in", session });
          navigate("/dashboard", true);
        }}
        onSuspended={() => setState({ kind: "suspended" })}
      />
    );
  }
  return (
    <DashboardShell
      session={state.session}
      path={path}
      onSignOut={async () => {
        await ok(api.DELETE("/api/v1/auth/session")).catch(() => null);
        setCsrfToken(null);
        setState({ kind: "signed-out", notice: "You have signed out." });
        navigate("/dashboard/login", true);
      }}
    />
  );
}

interceptLinks("/dashboard");
const root = document.getElementById("app");
if (root !== null) render(<App />, root);
