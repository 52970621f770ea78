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
  children: ReactNode;
}

const SECTIONS = [
  { label: 'Returns', to: paths.queue(), pages: ['queue', 'return'] },
  { label: 'Customers', to: paths.customers(), pages: ['customers', 'customer', 'conversation'] },
  { label: 'Analytics', to: paths.analytics(), pages: ['analytics'] },
  { label: 'Team', to: paths.team(), pages: ['team'] },
] as const;

export function Shell({ session, route, theme, onToggleTheme, onSignOut, children }: ShellProps) {
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
            return (
              <Link key={section.label} to={section.to} aria-current={here ? 'page' : undefined}>
                {section.label}
              </Link>
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
