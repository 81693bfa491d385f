import { lazy, Suspense } from 'react';
import { PlaybookListPage } from '../playbooks/PlaybookListPage';
import { Empty, Loading } from '../ui/states';
import { Link, Routes, usePathname, type Route } from './router';

// Pages that carry the engine and the canvas load on demand, so the lists open fast.
const PlaybookViewPage = lazy(() =>
  import('../playbooks/PlaybookViewPage').then((m) => ({
    default: m.PlaybookViewPage,
  })),
);

/** Every page of the editor; later issues add approvals, inbox, metrics and login here. */
const routes: Route[] = [
  { path: '/', render: () => <PlaybookListPage /> },
  { path: '/playbooks', render: () => <PlaybookListPage /> },
  {
    path: '/playbooks/:key',
    render: ({ key }) => <PlaybookViewPage key={key} playbookKey={key} />,
  },
];

const nav = [
  {
    to: '/',
    label: 'Playbooks',
    active: (p: string) => p === '/' || p.startsWith('/playbooks'),
  },
];

export function App() {
  const pathname = usePathname();
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Firebreak home">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          Firebreak
        </Link>
        <nav aria-label="Main">
          {nav.map((n) => (
            <Link
              key={n.to}
              to={n.to}
              className={n.active(pathname) ? 'nav-link is-active' : 'nav-link'}
              aria-current={n.active(pathname) ? 'page' : undefined}
            >
              {n.label}
            </Link>
          ))}
        </nav>
      </header>
      <Suspense
        fallback={
          <main className="page">
            <Loading what="the page" />
          </main>
        }
      >
        <Routes
          routes={routes}
          fallback={
            <main className="page">
              <Empty title="Page not found">
                Nothing lives at <code>{pathname}</code>. <Link to="/">Go to the playbooks</Link>
              </Empty>
            </main>
          }
        />
      </Suspense>
    </div>
  );
}
