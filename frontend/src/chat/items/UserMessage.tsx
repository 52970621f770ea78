import type { UserMessageItem } from '../../protocol';

export function userText(item: UserMessageItem): string {
  return item.content
    .map((part) => part.text)
    .join(' ')
    .trim();
}

export function UserMessage({
  item,
  pending = false,
}: {
  item: UserMessageItem;
  pending?: boolean;
}) {
  return (
    <div
      className={pending ? 'rd-msg rd-msg--user rd-msg--pending' : 'rd-msg rd-msg--user'}
      data-testid="message-user"
      data-item-id={item.id}
    >
      <h2 className="rd-sr-only">You said:</h2>
      <div className="rd-bubble">
        {item.quoted_text ? <blockquote className="rd-quote">{item.quoted_text}</blockquote> : null}
        {item.content.map((part, index) =>
          part.type === 'input_tag' ? (
            <span key={index} className="rd-tag">
              {part.text}
            </span>
          ) : (
            <span key={index} className="rd-user-text">
              {part.text}
            </span>
          ),
        )}
      </div>
    </div>
  );
}
