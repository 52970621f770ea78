/** How one `thread.item.updated` changes the item it names. */

import type { AssistantMessageContent, ThreadItem, ThreadItemUpdate, Task } from '../protocol';
import { appendStreamingText, replaceComponent } from './widget-tree';

export function applyItemUpdate(item: ThreadItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case 'assistant_message.content_part.added':
      if (item.type !== 'assistant_message') return item;
      return {
        ...item,
        content: setAt(item.content, update.content_index, update.content, emptyPart),
      };
    case 'assistant_message.content_part.text_delta': {
      if (item.type !== 'assistant_message') return item;
      const part = item.content[update.content_index] ?? emptyPart();
      const next = { ...part, text: part.text + update.delta };
      return { ...item, content: setAt(item.content, update.content_index, next, emptyPart) };
    }
    case 'assistant_message.content_part.annotation_added': {
      if (item.type !== 'assistant_message') return item;
      const part = item.content[update.content_index];
      if (!part) return item;
      const annotations = setAt(
        part.annotations ?? [],
        update.annotation_index,
        update.annotation,
        () => update.annotation,
      );
      return {
        ...item,
        content: setAt(item.content, update.content_index, { ...part, annotations }, emptyPart),
      };
    }
    case 'assistant_message.content_part.done':
      if (item.type !== 'assistant_message') return item;
      return {
        ...item,
        content: setAt(item.content, update.content_index, update.content, emptyPart),
      };
    case 'widget.streaming_text.value_delta':
      if (item.type !== 'widget') return item;
      return {
        ...item,
        widget: appendStreamingText(item.widget, update.component_id, update.delta, update.done),
      };
    case 'widget.root.updated':
      if (item.type !== 'widget') return item;
      return { ...item, widget: update.widget };
    case 'widget.component.updated':
      if (item.type !== 'widget') return item;
      return {
        ...item,
        widget: replaceComponent(item.widget, update.component_id, update.component),
      };
    case 'workflow.task.added':
      if (item.type !== 'workflow') return item;
      return {
        ...item,
        workflow: {
          ...item.workflow,
          tasks: insertAt(item.workflow.tasks, update.task_index, update.task),
        },
      };
    case 'workflow.task.updated':
      if (item.type !== 'workflow') return item;
      return {
        ...item,
        workflow: {
          ...item.workflow,
          tasks: setAt(item.workflow.tasks, update.task_index, update.task, emptyTask),
        },
      };
    case 'generated_image.updated':
      if (item.type !== 'generated_image') return item;
      return { ...item, image: update.image };
    default:
      return ignoreUnknown(update, item);
  }
}

/** A newer server may send updates this client does not know; they are skipped. */
function ignoreUnknown(_update: never, item: ThreadItem): ThreadItem {
  return item;
}

/** Set `list[index]`; an index past the end is padded with `fill()` so renderers never meet holes. */
function setAt<T>(list: readonly T[], index: number, value: T, fill: () => T): T[] {
  const next = list.slice();
  while (next.length < index) next.push(fill());
  next[index] = value;
  return next;
}

const emptyPart = (): AssistantMessageContent => ({
  type: 'output_text',
  text: '',
  annotations: [],
});
const emptyTask = (): Task => ({ type: 'custom', status_indicator: 'none' });

function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const next = list.slice();
  next.splice(Math.min(Math.max(index, 0), next.length), 0, value);
  return next;
}
