import type { ReactNode } from 'react';
import type { ThemeName } from '../protocol';
import { Icon } from '../ui/Icon';
import { Link, paths, type Route } from './router';
import type { StaffSession } from './types';

export interface ShellProps {
  session: StaffSession;
  route: Route;
  theme: ThemeName;
  onToggleTheme(): void;
  onSignOut(): void;
  /** Hand-offs nobody has claimed yet; null until known. */
  waiting: number | null;
  children: ReactNode;
}

const SECTIONS = [
  { label: 'Returns', to: paths.queue(), pages: ['queue', 'return'] },
  { label: 'Inbox', to: paths.inbox(), pages: ['inbox', 'handoff'] },
  { label: 'Customers', to: paths.customers(), pages: ['customers', 'customer', 'conversation'] },
  { label: 'Analytics', to: paths.analytics(), pages: ['analytics'] },
  { label: 'Team', to: paths.team(), pages: ['team'] },
] as const;

export function Shell({
  session,
  route,
  theme,
  onToggleTheme,
  onSignOut,
  waiting,
  children,
}: ShellProps) {
  const nextTheme = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="rd-staff">
      <a className="rd-skip" href="#rd-staff-main">
        Skip to content
      </a>
      <header className="rd-staff-header">
        <span className="rd-staff-header__brand">
          <Icon name="lifesaver" size={18} /> ReturnDesk staff
        </span>
        <nav aria-label="Console" className="rd-staff-nav">
          {SECTIONS.map((section) => {
            const here = (section.pages as readonly string[]).includes(route.page);
            const link = (
              <Link key={section.label} to={section.to} aria-current={here ? 'page' : undefined}>
                {section.label}
              </Link>
            );
            if (section.label !== 'Inbox') return link;
            return (
              <span key={section.label} className="rd-staff-nav__item">
                {link}
                <WaitingBadge count={waiting} />
              </span>
            );
          })}
        </nav>
        <div className="rd-staff-header__me">
          <span className="rd-staff-muted" data-testid="staff-name">
            {session.name} · {session.role}
          </span>
          <button
            type="button"
            className="rd-icon-btn"
            aria-label={`Switch to ${nextTheme} theme`}
            title={`Switch to ${nextTheme} theme`}
            onClick={onToggleTheme}
          >
            <Icon name={theme === 'dark' ? 'sun' : 'moon'} size={18} />
          </button>
          <button type="button" className="rd-staff-btn" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="rd-staff-main" className="rd-staff-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/**
 * How many shoppers wait for a person, beside the Inbox link. A live region, so
 * a new arrival is read out; the number alone would say nothing, so a screen
 * reader hears "3 waiting".
 */
function WaitingBadge({ count }: { count: number | null }) {
  return (
    <span role="status" data-testid="waiting-count">
      {count ? (
        <span className="rd-staff-count">
          <span aria-hidden="true">{count}</span>
          <span className="rd-sr-only">{count} waiting</span>
        </span>
      ) : null}
    </span>
  );
}
