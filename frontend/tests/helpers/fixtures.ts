import type {
  AssistantMessageItem,
  Thread,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
  WidgetRoot,
} from '../../src/protocol';

export const NOW = '2026-01-15T10:00:00';

export function threadMeta(id = 'thr_1', title: string | null = null): ThreadMetadata {
  return { id, title, created_at: NOW, status: { type: 'active' } };
}

export function thread(
  id = 'thr_1',
  items: Thread['items']['data'] = [],
  title: string | null = null,
): Thread {
  return { ...threadMeta(id, title), items: { data: items, has_more: false, after: null } };
}

export function userItem(id: string, text: string, threadId = 'thr_1'): UserMessageItem {
  return {
    type: 'user_message',
    id,
    thread_id: threadId,
    created_at: NOW,
    content: [{ type: 'input_text', text }],
    attachments: [],
    inference_options: {},
  };
}

export function assistantItem(id: string, text: string, threadId = 'thr_1'): AssistantMessageItem {
  return {
    type: 'assistant_message',
    id,
    thread_id: threadId,
    created_at: NOW,
    content: [{ type: 'output_text', text, annotations: [] }],
  };
}

export function widgetItem(id: string, widget: WidgetRoot, threadId = 'thr_1'): WidgetItem {
  return { type: 'widget', id, thread_id: threadId, created_at: NOW, widget };
}

/** The events the server sends for one streamed assistant reply. */
export function replyEvents(
  itemId: string,
  words: string[],
  threadId = 'thr_1',
): ThreadStreamEvent[] {
  const empty = { ...assistantItem(itemId, '', threadId), content: [] };
  return [
    { type: 'thread.item.added', item: empty },
    {
      type: 'thread.item.updated',
      item_id: itemId,
      update: {
        type: 'assistant_message.content_part.added',
        content_index: 0,
        content: { type: 'output_text', text: '', annotations: [] },
      },
    },
    ...words.map((word): ThreadStreamEvent => ({
      type: 'thread.item.updated',
      item_id: itemId,
      update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: word },
    })),
    { type: 'thread.item.done', item: assistantItem(itemId, words.join(''), threadId) },
  ];
}
