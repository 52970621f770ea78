import type { AssistantMessageItem, FeedbackKind, UrlSource } from '../../protocol';
import { Markdown } from '../../markdown/Markdown';
import { MessageActions } from './MessageActions';

export function assistantText(item: AssistantMessageItem): string {
  return item.content.map((part) => part.text).join('\n\n');
}

export interface AssistantMessageProps {
  item: AssistantMessageItem;
  streaming: boolean;
  /** Answers that end a turn get copy, feedback and (the newest) regenerate. */
  showActions: boolean;
  feedback: FeedbackKind | undefined;
  busy: boolean;
  onFeedback: (kind: FeedbackKind) => void;
  onRetry: (() => void) | undefined;
}

export function AssistantMessage({
  item,
  streaming,
  showActions,
  feedback,
  busy,
  onFeedback,
  onRetry,
}: AssistantMessageProps) {
  const text = assistantText(item);
  const sources = urlSources(item);
  return (
    <div
      className="rd-msg rd-msg--assistant"
      data-testid="message-assistant"
      data-item-id={item.id}
      data-streaming={streaming ? 'true' : 'false'}
      aria-busy={streaming || undefined}
    >
      <h2 className="rd-sr-only">The assistant said:</h2>
      {text ? (
        <Markdown source={text} streaming={streaming} testId="assistant-text" />
      ) : streaming ? (
        <TypingDots />
      ) : null}
      {sources.length > 0 ? (
        <ul className="rd-sources" aria-label="Sources">
          {sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                {source.title || source.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {showActions && !streaming && text ? (
        <MessageActions
          copy={text}
          feedback={feedback}
          onFeedback={onFeedback}
          onRetry={onRetry}
          disabled={busy}
        />
      ) : null}
    </div>
  );
}

function urlSources(item: AssistantMessageItem): UrlSource[] {
  const seen = new Set<string>();
  const sources: UrlSource[] = [];
  for (const part of item.content) {
    for (const annotation of part.annotations ?? []) {
      const source = annotation.source;
      if (source.type !== 'url' || !/^https?:\/\//i.test(source.url) || seen.has(source.url))
        continue;
      seen.add(source.url);
      sources.push(source);
    }
  }
  return sources;
}

export function TypingDots() {
  return (
    <span
      className="rd-typing"
      role="img"
      aria-label="The assistant is typing"
      data-testid="typing"
    >
      <span />
      <span />
      <span />
    </span>
  );
}
