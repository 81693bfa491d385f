import { mayUse, roleLabels, type Area } from '../auth/access';
import { signOut, type Session } from '../auth/session';
import { LiveIndicator } from '../live/LiveIndicator';
import { Link, usePathname } from './router';

interface NavItem {
  to: string;
  label: string;
  area: Area;
}

/** In the order a role meets them; each shows only to the roles that may use it. */
const nav: NavItem[] = [
  { to: '/approvals', label: 'Approvals', area: 'approvals' },
  { to: '/inbox', label: 'Inbox', area: 'inbox' },
  { to: '/playbooks', label: 'Playbooks', area: 'playbooks' },
  { to: '/metrics', label: 'Metrics', area: 'metrics' },
  { to: '/crises', label: 'Crises', area: 'crises' },
];

const isActive = (to: string, pathname: string) => pathname === to || pathname.startsWith(`${to}/`);

export function Topbar({ session }: { session: Session }) {
  const pathname = usePathname();
  const { user } = session;
  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="Firebreak home">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        Firebreak
      </Link>
      <nav aria-label="Main" data-testid="main-nav">
        {nav
          .filter((n) => mayUse(user.role, n.area))
          .map((n) => (
            <Link
              key={n.to}
              to={n.to}
              className={isActive(n.to, pathname) ? 'nav-link is-active' : 'nav-link'}
              aria-current={isActive(n.to, pathname) ? 'page' : undefined}
            >
              {n.label}
            </Link>
          ))}
      </nav>
      <div className="topbar-user">
        <LiveIndicator />
        <span className="topbar-who" data-testid="signed-in-as" title={user.email}>
          {user.name} <span className="topbar-role">{roleLabels[user.role] ?? user.role}</span>
        </span>
        <button type="button" className="topbar-signout" onClick={() => signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
