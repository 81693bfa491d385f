import './app.css';
import { lazy, ReactNode, Suspense, useEffect } from 'react';
import { homeFor, mayUse, type Area } from '../auth/access';
import { LoginPage } from '../auth/LoginPage';
import { useSession, type Session } from '../auth/session';
import { CrisisBanner } from '../live/CrisisBanner';
import { PlaybookListPage } from '../playbooks/PlaybookListPage';
import { Empty, Loading } from '../ui/states';
import { Link, navigate, Routes, usePathname, type Route } from './router';
import { Topbar } from './Topbar';

// Pages that carry the engine, the canvas or the charts load on demand, so the desks open fast.
const PlaybookViewPage = lazy(() => import('../playbooks/PlaybookViewPage').then((m) => ({ default: m.PlaybookViewPage })));
const MetricsPage = lazy(() => import('../metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const ApprovalsPage = lazy(() => import('../desks/approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const InboxPage = lazy(() => import('../desks/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const CrisesPage = lazy(() => import('../live/CrisesPage').then((m) => ({ default: m.CrisesPage })));

/** Every page of the editor, each behind the area its role must be allowed to use. */
function routesFor({ user }: Session): Route[] {
  const only = (area: Area, page: ReactNode) => (mayUse(user.role, area) ? page : <NotForRole />);
  return [
    { path: '/', render: () => <RedirectHome to={homeFor(user.role)} /> },
    { path: '/playbooks', render: () => only('playbooks', <PlaybookListPage />) },
    { path: '/playbooks/:key', render: ({ key }) => only('playbooks', <PlaybookViewPage key={key} playbookKey={key} />) },
    { path: '/metrics', render: () => only('metrics', <MetricsPage />) },
    { path: '/crises', render: () => only('crises', <CrisesPage role={user.role} />) },
    { path: '/approvals', render: () => only('approvals', <ApprovalsPage />) },
    { path: '/approvals/:id', render: ({ id }) => only('approvals', <ApprovalsPage selectedId={id} />) },
    { path: '/inbox', render: () => only('inbox', <InboxPage />) },
    { path: '/inbox/:id', render: ({ id }) => only('inbox', <InboxPage selectedId={id} />) },
  ];
}

export function App() {
  const session = useSession();
  if (!session) return <LoginPage />;
  return <Shell session={session} />;
}

function Shell({ session }: { session: Session }) {
  const pathname = usePathname();
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Topbar session={session} />
      <CrisisBanner role={session.user.role} />
      <div id="content" tabIndex={-1} className="content">
        <Suspense
          fallback={
            <main className="page">
              <Loading what="the page" />
            </main>
          }
        >
          <Routes
            routes={routesFor(session)}
            fallback={
              <main className="page">
                <Empty title="Page not found">
                  Nothing lives at <code>{pathname}</code>. <Link to="/">Go to your start page</Link>
                </Empty>
              </main>
            }
          />
        </Suspense>
      </div>
    </div>
  );
}

/** `/` is each role's own desk (the playbook list lives at `/playbooks`). */
function RedirectHome({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotForRole() {
  return (
    <main className="page">
      <Empty title="Not part of your role">
        Your role does not use this page. <Link to="/">Go to your start page</Link>
      </Empty>
    </main>
  );
}
