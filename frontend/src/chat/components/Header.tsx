import type { Branding } from '../../branding/branding';
import type { ThemeName } from '../../protocol';
import { Icon } from '../../ui/Icon';

export interface HeaderProps {
  branding: Branding;
  theme: ThemeName;
  sidebarOpen: boolean;
  onToggleTheme: () => void;
  onToggleSidebar: () => void;
  onNewChat: () => void;
}

export function Header({
  branding,
  theme,
  sidebarOpen,
  onToggleTheme,
  onToggleSidebar,
  onNewChat,
}: HeaderProps) {
  const nextTheme = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="rd-header" data-testid="header">
      <button
        type="button"
        className="rd-icon-btn rd-header__menu"
        aria-label={sidebarOpen ? 'Hide conversations' : 'Show conversations'}
        aria-expanded={sidebarOpen}
        aria-controls="rd-history"
        data-testid="sidebar-toggle"
        onClick={onToggleSidebar}
      >
        <Icon name="sidebar" size={20} />
      </button>
      <div className="rd-brand">
        {branding.logoUrl ? (
          <img className="rd-brand__logo" src={branding.logoUrl} alt="" data-testid="brand-logo" />
        ) : (
          <span className="rd-brand__mark" aria-hidden="true">
            <Icon name="lifesaver" size={18} />
          </span>
        )}
        <div className="rd-brand__text">
          <h1 className="rd-brand__name" data-testid="brand-name">
            {branding.name}
          </h1>
          {branding.tagline ? (
            <p className="rd-brand__tagline" data-testid="brand-tagline">
              {branding.tagline}
            </p>
          ) : null}
        </div>
      </div>
      <div className="rd-header__actions">
        <button
          type="button"
          className="rd-icon-btn"
          aria-label="New conversation"
          title="New conversation"
          data-testid="new-chat-header"
          onClick={onNewChat}
        >
          <Icon name="write-alt" size={20} />
        </button>
        <button
          type="button"
          className="rd-icon-btn"
          aria-label={`Switch to ${nextTheme} theme`}
          title={`Switch to ${nextTheme} theme`}
          data-testid="theme-toggle"
          onClick={onToggleTheme}
        >
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} size={20} />
        </button>
      </div>
    </header>
  );
}
