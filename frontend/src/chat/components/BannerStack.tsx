import type { Chat } from '../use-chat';
import { ErrorBanner, NoticeBanner, ProgressLine, StoppedNote } from './Banners';

/** Everything the stream says besides items: progress, notices, errors, a stop. */
export function Banners({ chat }: { chat: Chat }) {
  const { state } = chat;
  return (
    <div className="rd-banners">
      {state.progress && state.phase === 'streaming' ? (
        <ProgressLine progress={state.progress} />
      ) : null}
      {state.stopped ? <StoppedNote /> : null}
      {state.notices.map((notice) => (
        <NoticeBanner
          key={notice.id}
          notice={notice}
          onDismiss={() => chat.dismissNotice(notice.id)}
        />
      ))}
      {state.error ? (
        <ErrorBanner
          error={state.error}
          onRetry={state.phase === 'idle' ? () => void chat.retry() : null}
          onDismiss={chat.dismissError}
        />
      ) : null}
    </div>
  );
}
