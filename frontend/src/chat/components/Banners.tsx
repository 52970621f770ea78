import { Markdown } from '../../markdown/Markdown';
import type { ErrorView, NoticeView, ProgressView } from '../../thread/state';
import { Icon } from '../../ui/Icon';

export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
}: {
  error: ErrorView;
  onRetry: (() => void) | null;
  onDismiss: () => void;
}) {
  return (
    <div
      className="rd-banner rd-banner--danger"
      role="alert"
      data-testid="error-banner"
      data-code={error.code}
    >
      <Icon name="alert" size={18} />
      <p className="rd-banner__text">{error.message}</p>
      <div className="rd-banner__actions">
        {error.allowRetry && onRetry ? (
          <button type="button" className="rd-link-btn" onClick={onRetry} data-testid="error-retry">
            Try again
          </button>
        ) : null}
        <button type="button" className="rd-icon-btn" aria-label="Dismiss" onClick={onDismiss}>
          <Icon name="close" size={16} />
        </button>
      </div>
    </div>
  );
}

const NOTICE_ICON = { info: 'info', warning: 'alert', danger: 'alert' } as const;

export function NoticeBanner({ notice, onDismiss }: { notice: NoticeView; onDismiss: () => void }) {
  return (
    <div
      className={`rd-banner rd-banner--${notice.level}`}
      role={notice.level === 'danger' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <Icon name={NOTICE_ICON[notice.level] ?? 'info'} size={18} />
      <div className="rd-banner__text">
        {notice.title ? <strong>{notice.title}</strong> : null}
        <Markdown source={notice.message} />
      </div>
      <div className="rd-banner__actions">
        <button
          type="button"
          className="rd-icon-btn"
          aria-label="Dismiss notice"
          onClick={onDismiss}
        >
          <Icon name="close" size={16} />
        </button>
      </div>
    </div>
  );
}

export function ProgressLine({ progress }: { progress: ProgressView }) {
  return (
    <div className="rd-progress" role="status" data-testid="progress">
      {progress.icon ? (
        <Icon name={progress.icon} size={16} />
      ) : (
        <span className="rd-spinner" aria-hidden="true" />
      )}
      <span className="rd-shimmer">{progress.text}</span>
    </div>
  );
}

export function StoppedNote() {
  return (
    <p className="rd-stopped" data-testid="stopped-note">
      You stopped this reply.
    </p>
  );
}
