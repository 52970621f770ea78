import { ThreadItemView } from '../chat/items/ThreadItemView';
import type { ThemeName, ThreadItem } from '../protocol';
import type { WidgetHost } from '../widgets/host';

// Widgets show as the shopper saw them, with every control locked: staff read, never act.
const READ_ONLY: WidgetHost = {
  itemId: '',
  dispatch: () => undefined,
  locked: true,
  busySourceId: null,
  busyScope: null,
  allowedImageDomains: null,
};

const readOnly = (itemId: string): WidgetHost => ({ ...READ_ONLY, itemId });

export interface TranscriptProps {
  items: ThreadItem[];
  theme: ThemeName;
}

/** A conversation as the shopper saw it, read-only. */
export function Transcript({ items, theme }: TranscriptProps) {
  if (items.length === 0) return <p className="rd-staff-empty">The conversation is empty.</p>;
  return (
    <ol className="rd-staff-transcript" data-testid="transcript" aria-label="Conversation">
      {items.map((item) => (
        <li key={item.id} className="rd-staff-transcript__item">
          <ThreadItemView
            item={item}
            active={false}
            showActions={false}
            busy={false}
            theme={theme}
            feedback={undefined}
            widgetHost={readOnly}
            onFeedback={() => undefined}
            onRetry={undefined}
          />
        </li>
      ))}
    </ol>
  );
}
