import { useEffect, useRef } from 'react';
import { Icon } from '../../ui/Icon';
import type { ThreadHistory } from '../use-thread-history';
import { ThreadListEntry } from './ThreadListEntry';

export interface HistorySidebarProps {
  history: ThreadHistory;
  activeId: string | null;
  open: boolean;
  onClose: () => void;
  onOpen: (threadId: string) => void;
  onNewChat: () => void;
  onDeleted: (threadId: string) => void;
}

export function HistorySidebar({ history, activeId, open, onClose, onOpen, onNewChat, onDeleted }: HistorySidebarProps) {
  const panel = useRef<HTMLElement>(null);

  // On narrow screens the panel is a drawer: move focus in, and let Escape close it.
  useEffect(() => {
    if (!open) return;
    const drawer = window.matchMedia?.('(max-width: 899px)').matches;
    if (drawer) panel.current?.querySelector<HTMLElement>('button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && drawer) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <>
      <div className={open ? 'rd-scrim rd-scrim--open' : 'rd-scrim'} aria-hidden="true" onClick={onClose} />
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
          <button type="button" className="rd-icon-btn rd-sidebar__close" aria-label="Close conversations" onClick={onClose}>
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
        <ul className="rd-threads" aria-labelledby="rd-history-heading" aria-busy={history.loading || undefined}>
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
          <button type="button" className="rd-link-btn rd-sidebar__more" onClick={() => void history.loadMore()}>
            Show older conversations
          </button>
        ) : null}
      </nav>
    </>
  );
}
