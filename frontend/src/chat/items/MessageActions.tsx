import { useState } from 'react';
import type { FeedbackKind } from '../../protocol';
import { Icon } from '../../ui/Icon';
import { useAnnounce } from '../../ui/Announcer';
import { copyText } from '../../ui/clipboard';

export interface MessageActionsProps {
  copy: string | null;
  feedback?: FeedbackKind | undefined;
  onFeedback?: (kind: FeedbackKind) => void;
  onRetry?: () => void;
  disabled?: boolean;
}

export function MessageActions({
  copy,
  feedback,
  onFeedback,
  onRetry,
  disabled,
}: MessageActionsProps) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  return (
    <div className="rd-msg-actions" role="group" aria-label="Message actions">
      {copy !== null ? (
        <button
          type="button"
          className="rd-icon-btn"
          aria-label={copied ? 'Copied' : 'Copy message'}
          title={copied ? 'Copied' : 'Copy'}
          data-testid="copy-message"
          onClick={async () => {
            const ok = await copyText(copy);
            announce(ok ? 'Copied to clipboard' : 'Could not copy');
            if (ok) {
              setCopied(true);
              window.setTimeout(() => setCopied(false), 1500);
            }
          }}
        >
          <Icon name={copied ? 'check' : 'copy'} size={16} />
        </button>
      ) : null}
      {onFeedback ? (
        <>
          <button
            type="button"
            className="rd-icon-btn"
            aria-label="Good response"
            title="Good response"
            aria-pressed={feedback === 'positive'}
            data-testid="feedback-positive"
            disabled={disabled}
            onClick={() => {
              onFeedback('positive');
              announce('Thanks for the feedback');
            }}
          >
            <Icon name="thumbs-up" size={16} />
          </button>
          <button
            type="button"
            className="rd-icon-btn"
            aria-label="Bad response"
            title="Bad response"
            aria-pressed={feedback === 'negative'}
            data-testid="feedback-negative"
            disabled={disabled}
            onClick={() => {
              onFeedback('negative');
              announce('Thanks for the feedback');
            }}
          >
            <Icon name="thumbs-down" size={16} />
          </button>
        </>
      ) : null}
      {onRetry ? (
        <button
          type="button"
          className="rd-icon-btn"
          aria-label="Regenerate response"
          title="Regenerate"
          data-testid="retry-message"
          disabled={disabled}
          onClick={onRetry}
        >
          <Icon name="reload" size={16} />
        </button>
      ) : null}
    </div>
  );
}
