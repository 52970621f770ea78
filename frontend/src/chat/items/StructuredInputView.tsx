import type { StructuredInputItem } from '../../protocol';

/** Questions the assistant asked; answering happens by typing a reply. */
export function StructuredInputView({ item }: { item: StructuredInputItem }) {
  return (
    <div
      className="rd-msg rd-structured"
      data-testid="message-structured-input"
      data-item-id={item.id}
    >
      <ul>
        {item.inputs.map((input) => (
          <li key={input.id}>
            <strong>{input.question}</strong>
            {input.description ? <span> {input.description}</span> : null}
            {input.options && input.options.length > 0 ? (
              <span className="rd-caption">
                {' '}
                Options: {input.options.map((option) => option.value).join(', ')}
              </span>
            ) : null}
            {input.answer ? (
              <span className="rd-caption">
                {' '}
                Answer: {input.answer.skipped ? 'skipped' : input.answer.values.join(', ')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
