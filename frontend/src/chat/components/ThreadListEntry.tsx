import { useEffect, useRef, useState } from 'react';
import type { ThreadMetadata } from '../../protocol';
import { Icon } from '../../ui/Icon';
import { displayTitle, relativeDay } from '../titles';

export interface ThreadListEntryProps {
  thread: ThreadMetadata;
  active: boolean;
  onOpen: () => void;
  onRename: (title: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

type Mode = 'view' | 'rename' | 'confirm-delete';

export function ThreadListEntry({
  thread,
  active,
  onOpen,
  onRename,
  onDelete,
}: ThreadListEntryProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const title = displayTitle(thread);

  useEffect(() => {
    if (mode === 'rename') input.current?.select();
  }, [mode]);

  const backToView = () => {
    setMode('view');
    // Keep keyboard focus on this conversation after an edit closes.
    window.setTimeout(() => openButton.current?.focus(), 0);
  };

  if (mode === 'rename') {
    return (
      <li
        className="rd-thread rd-thread--editing"
        data-testid="thread-item"
        data-thread-id={thread.id}
      >
        <form
          className="rd-thread__rename"
          onSubmit={async (event) => {
            event.preventDefault();
            const next = draft.trim();
            if (next && next !== thread.title) await onRename(next);
            backToView();
          }}
        >
          <label className="rd-sr-only" htmlFor={`rename-${thread.id}`}>
            New name for “{title}”
          </label>
          <input
            id={`rename-${thread.id}`}
            ref={input}
            value={draft}
            maxLength={120}
            data-testid="rename-input"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                backToView();
              }
            }}
          />
          <button type="submit" className="rd-icon-btn" aria-label="Save name">
            <Icon name="check" size={16} />
          </button>
          <button
            type="button"
            className="rd-icon-btn"
            aria-label="Cancel renaming"
            onClick={backToView}
          >
            <Icon name="close" size={16} />
          </button>
        </form>
      </li>
    );
  }

  return (
    <li
      className={active ? 'rd-thread rd-thread--active' : 'rd-thread'}
      data-testid="thread-item"
      data-thread-id={thread.id}
    >
      <button
        ref={openButton}
        type="button"
        className="rd-thread__open"
        aria-current={active ? 'page' : undefined}
        data-testid="thread-open"
        onClick={onOpen}
      >
        <span className="rd-thread__title">{title}</span>
        <span className="rd-thread__date">{relativeDay(thread.created_at)}</span>
      </button>
      {mode === 'confirm-delete' ? (
        <div className="rd-thread__confirm" role="group" aria-label={`Delete “${title}”?`}>
          <button
            type="button"
            className="rd-link-btn rd-danger"
            data-testid="confirm-delete"
            autoFocus
            onClick={async () => {
              if (!(await onDelete())) backToView();
            }}
          >
            Delete
          </button>
          <button type="button" className="rd-link-btn" onClick={backToView}>
            Keep
          </button>
        </div>
      ) : (
        <div className="rd-thread__tools">
          <button
            type="button"
            className="rd-icon-btn"
            aria-label={`Rename “${title}”`}
            title="Rename"
            data-testid="rename-thread"
            onClick={() => {
              setDraft(thread.title ?? '');
              setMode('rename');
            }}
          >
            <Icon name="write" size={15} />
          </button>
          <button
            type="button"
            className="rd-icon-btn"
            aria-label={`Delete “${title}”`}
            title="Delete"
            data-testid="delete-thread"
            onClick={() => setMode('confirm-delete')}
          >
            <Icon name="trash" size={15} />
          </button>
        </div>
      )}
    </li>
  );
}
