import type { FeedbackKind, ThemeName, ThreadItem } from '../../protocol';
import type { WidgetHost } from '../../widgets/host';
import { AssistantMessage } from './AssistantMessage';
import { GeneratedImageView } from './GeneratedImageView';
import { StructuredInputView } from './StructuredInputView';
import { TaskView } from './TaskView';
import { UserMessage } from './UserMessage';
import { WidgetMessage } from './WidgetMessage';
import { WorkflowView } from './WorkflowView';

export interface ItemViewProps {
  item: ThreadItem;
  active: boolean;
  showActions: boolean;
  busy: boolean;
  theme: ThemeName;
  feedback: FeedbackKind | undefined;
  widgetHost: (itemId: string) => WidgetHost;
  onFeedback: (itemId: string, kind: FeedbackKind) => void;
  /** Set when this item may be answered again (the last answer of the conversation). */
  onRetry: (() => void) | undefined;
}

/** One thread item, by type. Items with nothing to show (tool calls, turn markers) render nothing. */
export function ThreadItemView({
  item,
  active,
  showActions,
  busy,
  theme,
  feedback,
  widgetHost,
  onFeedback,
  onRetry,
}: ItemViewProps) {
  switch (item.type) {
    case 'user_message':
      return <UserMessage item={item} />;
    case 'assistant_message':
      return (
        <AssistantMessage
          item={item}
          streaming={active}
          showActions={showActions}
          feedback={feedback}
          busy={busy}
          onFeedback={(kind) => onFeedback(item.id, kind)}
          onRetry={onRetry}
        />
      );
    case 'widget':
      return <WidgetMessage item={item} host={widgetHost(item.id)} theme={theme} />;
    case 'workflow':
      return <WorkflowView item={item} running={active} />;
    case 'task':
      return <TaskView item={item} />;
    case 'generated_image':
      return <GeneratedImageView item={item} />;
    case 'structured_input':
      return <StructuredInputView item={item} />;
    case 'client_tool_call':
    case 'end_of_turn':
      return null;
    default:
      return skip(item);
  }
}

/** Item types newer than this client (or hidden ones) are left out. */
function skip(_item: never): null {
  return null;
}

export function isAssistantSide(item: ThreadItem): boolean {
  return (
    item.type !== 'user_message' && item.type !== 'client_tool_call' && item.type !== 'end_of_turn'
  );
}
