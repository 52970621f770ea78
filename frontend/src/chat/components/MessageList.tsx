import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { FeedbackKind, ThemeName } from '../../protocol';
import type { ChatState } from '../../thread/state';
import { Icon } from '../../ui/Icon';
import type { WidgetHost } from '../../widgets/host';
import { AssistantAvatar } from '../items/Avatar';
import { TypingDots } from '../items/AssistantMessage';
import { ThreadItemView, isAssistantSide } from '../items/ThreadItemView';
import { UserMessage } from '../items/UserMessage';

export interface MessageListProps {
  state: ChatState;
  theme: ThemeName;
  logoUrl: string | null;
  widgetHost: (itemId: string) => WidgetHost;
  onFeedback: (itemId: string, kind: FeedbackKind) => void;
  onRetry: (userItemId: string) => void;
  footer?: ReactNode;
  empty?: ReactNode;
}

// Within this many pixels of the bottom, new content keeps the view pinned there.
const STICKY_PX = 96;

export function MessageList({
  state,
  theme,
  logoUrl,
  widgetHost,
  onFeedback,
  onRetry,
  footer,
  empty,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const busy = state.phase !== 'idle';
  const items = state.items;

  const scrollToBottom = useCallback((smooth: boolean) => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTo?.({ top: element.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
  }, []);

  useLayoutEffect(() => {
    if (pinned.current) scrollToBottom(false);
  });

  useEffect(() => {
    // Opening another conversation starts at its end.
    pinned.current = true;
    scrollToBottom(false);
  }, [state.thread?.id, scrollToBottom]);

  const lastUserIndex = findLastIndex(items, (item) => item.type === 'user_message');
  const lastAssistantIndex = findLastIndex(items, (item) => item.type === 'assistant_message');
  const waiting =
    state.phase === 'streaming' &&
    !state.progress &&
    !items.some(
      (item) => state.activeItemIds.includes(item.id) && item.type === 'assistant_message',
    );

  const rendered = items.map((item, index) => {
    const previous = items[index - 1];
    const startsTurn = isAssistantSide(item) && (!previous || previous.type === 'user_message');
    const precedingUser = findLastIndex(
      items.slice(0, index),
      (entry) => entry.type === 'user_message',
    );
    const precedingUserId = precedingUser === -1 ? null : (items[precedingUser]?.id ?? null);
    const canRetry =
      index === lastAssistantIndex && index > lastUserIndex && precedingUserId !== null && !busy;
    const view = (
      <ThreadItemView
        item={item}
        active={state.activeItemIds.includes(item.id)}
        showActions={index === lastAssistantIndex || items[index + 1]?.type === 'user_message'}
        busy={busy}
        theme={theme}
        feedback={state.feedback[item.id]}
        widgetHost={widgetHost}
        onFeedback={onFeedback}
        onRetry={canRetry && precedingUserId ? () => onRetry(precedingUserId) : undefined}
      />
    );
    if (!isAssistantSide(item)) return <Fragment key={item.id}>{view}</Fragment>;
    return (
      <div key={item.id} className={startsTurn ? 'rd-turn rd-turn--start' : 'rd-turn'}>
        {startsTurn ? <AssistantAvatar logoUrl={logoUrl} /> : <span className="rd-avatar-space" />}
        <div className="rd-turn__content">{view}</div>
      </div>
    );
  });

  const hasContent = items.length > 0 || state.pendingUserText !== null;

  return (
    <div
      className="rd-scroller"
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
        pinned.current = distance < STICKY_PX;
        setShowJump(distance > STICKY_PX * 3);
      }}
    >
      <section className="rd-messages" aria-label="Messages" data-testid="messages">
        {!hasContent && state.phase !== 'loading' ? empty : null}
        {state.phase === 'loading' ? (
          <div className="rd-loading" role="status" data-testid="thread-loading">
            <span className="rd-spinner" aria-hidden="true" /> Loading conversation…
          </div>
        ) : null}
        {rendered}
        {state.pendingUserText !== null ? (
          <UserMessage
            pending
            item={{
              type: 'user_message',
              id: 'pending',
              thread_id: state.thread?.id ?? '',
              created_at: '',
              content: [{ type: 'input_text', text: state.pendingUserText }],
            }}
          />
        ) : null}
        {waiting ? (
          <div className="rd-turn rd-turn--start">
            <AssistantAvatar logoUrl={logoUrl} />
            <div className="rd-turn__content">
              <TypingDots />
            </div>
          </div>
        ) : null}
        {footer}
      </section>
      {showJump ? (
        <button
          type="button"
          className="rd-jump"
          aria-label="Scroll to the latest message"
          onClick={() => {
            pinned.current = true;
            scrollToBottom(true);
          }}
        >
          <Icon name="arrow-down" size={18} />
        </button>
      ) : null}
    </div>
  );
}

function findLastIndex<T>(list: readonly T[], test: (entry: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index -= 1) {
    if (test(list[index] as T)) return index;
  }
  return -1;
}
