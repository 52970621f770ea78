import { useEffect, useRef } from 'react';
import { Icon } from '../../ui/Icon';
import { matches } from '../../ui/use-media-query';
import type { ThreadHistory } from '../use-thread-history';
import { ThreadListEntry } from './ThreadListEntry';

const NARROW = '(max-width: 899px)';

function wrapFocus(container: HTMLElement, event: KeyboardEvent): void {
  const focusable = Array.from(
    container.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input, [href], [tabindex="0"]',
    ),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export interface HistorySidebarProps {
  history: ThreadHistory;
  activeId: string | null;
  open: boolean;
  onClose: () => void;
  onOpen: (threadId: string) => void;
  onNewChat: () => void;
  onDeleted: (threadId: string) => void;
}

export function HistorySidebar({
  history,
  activeId,
  open,
  onClose,
  onOpen,
  onNewChat,
  onDeleted,
}: HistorySidebarProps) {
  const panel = useRef<HTMLElement>(null);

  // On narrow screens the panel is a drawer: focus moves in, stays in while it
  // is open (Tab wraps), Escape closes it, and focus goes back where it was.
  useEffect(() => {
    if (!open || !matches(NARROW)) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.querySelector<HTMLElement>('button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'Tab' && panel.current) wrapFocus(panel.current, event);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (before?.isConnected) before.focus();
    };
  }, [open, onClose]);

  return (
    <>
      <div
        className={open ? 'rd-scrim rd-scrim--open' : 'rd-scrim'}
        aria-hidden="true"
        onClick={onClose}
      />
      <nav
        id="rd-history"
        ref={panel}
        className={open ? 'rd-sidebar rd-sidebar--open' : 'rd-sidebar'}
        aria-label="Conversations"
        data-testid="thread-history"
      >
        <div className="rd-sidebar__top">
          <button type="button" className="rd-new-chat" data-testid="new-chat" onClick={onNewChat}>
            <Icon name="plus" size={18} />
            New conversation
          </button>
          <button
            type="button"
            className="rd-icon-btn rd-sidebar__close"
            aria-label="Close conversations"
            onClick={onClose}
          >
            <Icon name="close" size={18} />
          </button>
        </div>
        <h2 className="rd-sidebar__heading" id="rd-history-heading">
          Recent
        </h2>
        {history.error ? (
          <p className="rd-sidebar__note" role="alert">
            {history.error}{' '}
            <button type="button" className="rd-link-btn" onClick={() => void history.refresh()}>
              Retry
            </button>
          </p>
        ) : null}
        {history.threads.length === 0 && !history.loading && !history.error ? (
          <p className="rd-sidebar__note">Your conversations will appear here.</p>
        ) : null}
        <ul
          className="rd-threads"
          aria-labelledby="rd-history-heading"
          aria-busy={history.loading || undefined}
        >
          {history.threads.map((thread) => (
            <ThreadListEntry
              key={thread.id}
              thread={thread}
              active={thread.id === activeId}
              onOpen={() => onOpen(thread.id)}
              onRename={(title) => history.rename(thread.id, title)}
              onDelete={async () => {
                const ok = await history.remove(thread.id);
                if (ok) onDeleted(thread.id);
                return ok;
              }}
            />
          ))}
        </ul>
        {history.hasMore ? (
          <button
            type="button"
            className="rd-link-btn rd-sidebar__more"
            onClick={() => void history.loadMore()}
          >
            Show older conversations
          </button>
        ) : null}
      </nav>
    </>
  );
}
