import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { api, ok } from "../api/client.ts";
import { formatCount } from "../lib/format.ts";
import { matchPath } from "../lib/router.ts";
import { BroadcastsPage } from "./pages/BroadcastsPage.tsx";
import { ClaimsPage, PENDING_PAGE } from "./pages/ClaimsPage.tsx";
import { CustomerPage } from "./pages/CustomerPage.tsx";
import { CustomersPage } from "./pages/CustomersPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { PlanPage } from "./pages/PlanPage.tsx";
import { ProgrammePage } from "./pages/ProgrammePage.tsx";
import { PurchasesPage } from "./pages/PurchasesPage.tsx";
import { QrPage } from "./pages/QrPage.tsx";
import { RewardsPage } from "./pages/RewardsPage.tsx";
import { SettingsPage } from "./pages/SettingsPage.tsx";
import { StaffPage } from "./pages/StaffPage.tsx";
import { can, type Session } from "./session.ts";

/** What the shell shares with pages: the pending-claims count the nav entry shows. */
type ShellContext = { onPendingClaims: (count: number, more: boolean) => void };

type Page = {
  path: string;
  title: string;
  allowed: (s: Session) => boolean;
  render: (s: Session, params: Record<string, string>, shell: ShellContext) => ComponentChildren;
  inNav: boolean;
};

/** Every page, with who may see it (the API's role rules; hidden here, refused there anyway). */
const PAGES: Page[] = [
  {
    path: "/dashboard",
    title: "Overview",
    inNav: true,
    allowed: (s) => can(s, "managers", "can_view_analytics"),
    render: (s) => <OverviewPage session={s} />,
  },
  {
    path: "/dashboard/customers",
    title: "Customers",
    inNav: true,
    allowed: () => true,
    render: (s) => <CustomersPage session={s} />,
  },
  {
    path: "/dashboard/customers/:id",
    title: "Customer",
    inNav: false,
    allowed: () => true,
    render: (s, p) => <CustomerPage session={s} id={p["id"] ?? ""} />,
  },
  {
    path: "/dashboard/purchases",
    title: "Purchases",
    inNav: true,
    allowed: () => true,
    render: (s) => <PurchasesPage session={s} />,
  },
  {
    path: "/dashboard/claims",
    title: "Claims",
    inNav: true,
    allowed: () => true,
    render: (s, _p, shell) => <ClaimsPage session={s} onPending={shell.onPendingClaims} />,
  },
  {
    path: "/dashboard/rewards",
    title: "Rewards",
    inNav: true,
    allowed: () => true,
    render: (s) => <RewardsPage session={s} />,
  },
  {
    path: "/dashboard/programme",
    title: "Earning",
    inNav: true,
    allowed: (s) => can(s, "managers"),
    render: (s) => <ProgrammePage session={s} />,
  },
  {
    path: "/dashboard/staff",
    title: "Staff",
    inNav: true,
    allowed: (s) => can(s, "managers"),
    render: (s) => <StaffPage session={s} />,
  },
  {
    path: "/dashboard/broadcasts",
    title: "Broadcasts",
    inNav: true,
    allowed: (s) => can(s, "managers", "can_broadcast"),
    render: (s) => <BroadcastsPage session={s} />,
  },
  {
    path: "/dashboard/qr",
    title: "QR poster",
    inNav: true,
    allowed: () => true,
    render: (s) => <QrPage session={s} />,
  },
  {
    path: "/dashboard/settings",
    title: "Settings",
    inNav: true,
    allowed: () => true,
    render: (s) => <SettingsPage session={s} />,
  },
  {
    path: "/dashboard/plan",
    title: "Plan",
    inNav: true,
    allowed: (s) => can(s, "managers"),
    render: (s) => <PlanPage session={s} />,
  },
];

/** The header, the page tabs the person may use, and the current page. */
export function DashboardShell(props: { session: Session; path: string; onSignOut: () => void }) {
  const { session } = props;
  const pending = usePendingClaims();
  const visible = PAGES.filter((p) => p.allowed(session));
  const path = props.path === "/dashboard/" || props.path === "/dashboard/login" ? "/dashboard" : props.path;
  const found = PAGES.map((page) => ({ page, params: matchPath(page.path, path) })).find((m) => m.params !== null);
  // The first page someone may see stands in for one they may not (staff land on customers).
  const landing = visible[0];
  const current = found?.page.allowed(session)
    ? found
    : landing === undefined
      ? undefined
      : { page: landing, params: {} };
  if (current !== undefined && typeof document !== "undefined")
    document.title = `${current.page.title} · ${session.businessName}`;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">{session.businessName}</span>
        <span class="muted" style="color:#fff">
          {session.role}
        </span>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <nav class="tabs" aria-label="Dashboard">
        <ul>
          {visible
            .filter((p) => p.inNav)
            .map((p) => (
              <li key={p.path}>
                <a
                  href={p.path}
                  aria-current={
                    current?.page.path === p.path ||
                    (p.path === "/dashboard/customers" && current?.page.path === "/dashboard/customers/:id")
                      ? "page"
                      : undefined
                  }
                >
                  {p.title}
                  {p.path === "/dashboard/claims" && pending.count > 0 ? (
                    <>
                      <span class="nav-count" aria-hidden="true">
                        {formatCount(pending.count)}
                        {pending.more ? "+" : ""}
                      </span>
                      <span class="visually-hidden">
                        {" "}
                        ({formatCount(pending.count)}
                        {pending.more ? " or more" : ""} pending)
                      </span>
                    </>
                  ) : null}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main">
        {current === undefined ? (
          <p>Nothing to show for your role.</p>
        ) : (
          current.page.render(session, current.params ?? {}, { onPendingClaims: pending.set })
        )}
      </main>
    </>
  );
}

/**
 * The number of claims waiting for a decision, for the Claims nav entry: read once when the
 * dashboard opens (one page of the list; "100+" past it), then told by the Claims page whenever
 * its list loads. A failed read just shows no count.
 */
function usePendingClaims(): { count: number; more: boolean; set: (count: number, more: boolean) => void } {
  const [state, setState] = useState<{ count: number; more: boolean } | null>(null);
  const set = useCallback((count: number, more: boolean) => setState({ count, more }), []);
  useEffect(() => {
    ok(api.GET("/api/v1/claims", { params: { query: { status: "pending", limit: PENDING_PAGE } } })).then(
      (page) => setState((known) => known ?? { count: page.data.length, more: page.next_cursor !== null }),
      () => undefined,
    );
  }, []);
  return { count: state?.count ?? 0, more: state?.more ?? false, set };
}
