import { describe, expect, it } from 'vitest';
import type { ThreadStreamEvent, WidgetItem, WorkflowItem } from '../../src/protocol';
import { type ChatState, applyEvent, chatReducer, initialChatState } from '../../src/thread/state';
import {
  NOW,
  assistantItem,
  replyEvents,
  thread,
  threadMeta,
  userItem,
  widgetItem,
} from '../helpers/fixtures';

function play(events: ThreadStreamEvent[], from: ChatState = initialChatState): ChatState {
  return events.reduce(applyEvent, from);
}

describe('applyEvent', () => {
  it('builds an assistant message from content_part added, text deltas and done', () => {
    const events = replyEvents('msg_1', ['Hel', 'lo ', 'there']);
    const midway = play(events.slice(0, 4));
    expect(midway.items).toHaveLength(1);
    expect(midway.activeItemIds).toEqual(['msg_1']);
    expect(midway.items[0]).toMatchObject({ content: [{ text: 'Hello ' }] });
    const done = play(events);
    expect(done.items[0]).toEqual(assistantItem('msg_1', 'Hello there'));
    expect(done.activeItemIds).toEqual([]);
  });

  it('takes the thread from thread.created and thread.updated, without its items', () => {
    const created = play([
      { type: 'thread.created', thread: thread('thr_9', [userItem('u', 'x')]) },
    ]);
    expect(created.thread).toMatchObject({ id: 'thr_9' });
    expect(created.thread).not.toHaveProperty('items');
    const renamed = play(
      [{ type: 'thread.updated', thread: thread('thr_9', [], 'Return for order A1') }],
      created,
    );
    expect(renamed.thread?.title).toBe('Return for order A1');
  });

  it('replaces the optimistic user message when the server echoes it', () => {
    const sending = chatReducer(initialChatState, { type: 'stream-start', userText: 'hi' });
    expect(sending.pendingUserText).toBe('hi');
    const echoed = play([{ type: 'thread.item.done', item: userItem('u1', 'hi') }], sending);
    expect(echoed.pendingUserText).toBeNull();
    expect(echoed.items).toHaveLength(1);
  });

  it('removes and replaces items', () => {
    const start = play([
      { type: 'thread.item.done', item: userItem('u1', 'hi') },
      { type: 'thread.item.done', item: assistantItem('a1', 'old') },
    ]);
    const replaced = play(
      [{ type: 'thread.item.replaced', item: assistantItem('a1', 'new') }],
      start,
    );
    expect(replaced.items[1]).toEqual(assistantItem('a1', 'new'));
    const removed = play([{ type: 'thread.item.removed', item_id: 'a1' }], replaced);
    expect(removed.items.map((item) => item.id)).toEqual(['u1']);
  });

  it('applies widget root, component and streaming text updates', () => {
    const widget: WidgetItem = widgetItem('w1', {
      type: 'Card',
      children: [
        { type: 'Text', id: 'summary', value: 'Refund: ' },
        { type: 'Button', id: 'go', label: 'Continue' },
      ],
    });
    const state = play([
      { type: 'thread.item.added', item: widget },
      {
        type: 'thread.item.updated',
        item_id: 'w1',
        update: {
          type: 'widget.streaming_text.value_delta',
          component_id: 'summary',
          delta: '$12',
          done: false,
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'w1',
        update: {
          type: 'widget.streaming_text.value_delta',
          component_id: 'summary',
          delta: '.50',
          done: true,
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'w1',
        update: {
          type: 'widget.component.updated',
          component_id: 'go',
          component: { type: 'Button', id: 'go', label: 'Done', disabled: true },
        },
      },
    ]);
    const card = (state.items[0] as WidgetItem).widget;
    expect(card).toEqual({
      type: 'Card',
      children: [
        { type: 'Text', id: 'summary', value: 'Refund: $12.50', streaming: false },
        { type: 'Button', id: 'go', label: 'Done', disabled: true },
      ],
    });
    const locked = play(
      [
        {
          type: 'thread.item.updated',
          item_id: 'w1',
          update: {
            type: 'widget.root.updated',
            widget: { type: 'Card', children: [{ type: 'Text', value: 'Chosen: Refund' }] },
          },
        },
      ],
      state,
    );
    expect((locked.items[0] as WidgetItem).widget).toEqual({
      type: 'Card',
      children: [{ type: 'Text', value: 'Chosen: Refund' }],
    });
  });

  it('adds and updates workflow tasks', () => {
    const workflow: WorkflowItem = {
      type: 'workflow',
      id: 'wf',
      thread_id: 'thr_1',
      created_at: NOW,
      workflow: { type: 'custom', tasks: [] },
    };
    const state = play([
      { type: 'thread.item.added', item: workflow },
      {
        type: 'thread.item.updated',
        item_id: 'wf',
        update: {
          type: 'workflow.task.added',
          task_index: 0,
          task: { type: 'custom', title: 'Finding your order', status_indicator: 'loading' },
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'wf',
        update: {
          type: 'workflow.task.added',
          task_index: 1,
          task: { type: 'custom', title: 'Checking the policy', status_indicator: 'loading' },
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'wf',
        update: {
          type: 'workflow.task.updated',
          task_index: 0,
          task: { type: 'custom', title: 'Found order A1', status_indicator: 'complete' },
        },
      },
    ]);
    expect((state.items[0] as WorkflowItem).workflow.tasks).toEqual([
      { type: 'custom', title: 'Found order A1', status_indicator: 'complete' },
      { type: 'custom', title: 'Checking the policy', status_indicator: 'loading' },
    ]);
  });

  it('keeps progress until the next item arrives, and records errors, notices and stream options', () => {
    const state = play([
      { type: 'stream_options', stream_options: { allow_cancel: false } },
      { type: 'progress_update', icon: 'search', text: 'Looking up your order' },
      { type: 'notice', level: 'info', message: 'We are *busy* today.', title: 'Heads up' },
      { type: 'error', code: 'stream.error', allow_retry: true },
    ]);
    expect(state.allowCancel).toBe(false);
    expect(state.progress).toEqual({ icon: 'search', text: 'Looking up your order' });
    expect(state.notices).toEqual([
      { id: 1, level: 'info', title: 'Heads up', message: 'We are *busy* today.' },
    ]);
    expect(state.error).toEqual({
      code: 'stream.error',
      message: expect.stringMatching(/went wrong/),
      allowRetry: true,
    });
    const next = play(replyEvents('a', ['x']).slice(0, 1), state);
    expect(next.progress).toBeNull();
  });

  it('uses the custom error message when there is one', () => {
    const state = play([
      { type: 'error', code: 'custom', message: 'That order belongs to another account.' },
    ]);
    expect(state.error).toEqual({
      code: 'custom',
      message: 'That order belongs to another account.',
      allowRetry: false,
    });
  });

  it('ignores event and update types it does not know', () => {
    const start = play([{ type: 'thread.item.done', item: assistantItem('a', 'x') }]);
    const unknownEvent = { type: 'thread.teleported' } as unknown as ThreadStreamEvent;
    const unknownUpdate = {
      type: 'thread.item.updated',
      item_id: 'a',
      update: { type: 'sparkles.added' },
    } as unknown as ThreadStreamEvent;
    expect(play([unknownEvent, unknownUpdate], start).items).toEqual(start.items);
  });
});

describe('chatReducer', () => {
  it('drops items after the retried user message', () => {
    const start = play([
      { type: 'thread.item.done', item: userItem('u1', 'a') },
      { type: 'thread.item.done', item: assistantItem('a1', 'b') },
      { type: 'thread.item.done', item: userItem('u2', 'c') },
      { type: 'thread.item.done', item: assistantItem('a2', 'd') },
    ]);
    expect(
      chatReducer(start, { type: 'truncate-after', itemId: 'u2' }).items.map((item) => item.id),
    ).toEqual(['u1', 'a1', 'u2']);
  });

  it('ends a stream: idle, nothing typing, the stop remembered', () => {
    const streaming = play(
      replyEvents('a', ['x']).slice(0, 2),
      chatReducer(initialChatState, { type: 'stream-start', userText: null }),
    );
    const ended = chatReducer(streaming, { type: 'stream-end', stopped: true });
    expect(ended).toMatchObject({
      phase: 'idle',
      activeItemIds: [],
      stopped: true,
      progress: null,
    });
  });
});

describe('items and the person from the live stream', () => {
  const opened = chatReducer(initialChatState, {
    type: 'loaded',
    thread: threadMeta('thr_1'),
    items: [userItem('u1', 'I want a person'), assistantItem('a1', 'Someone will join.')],
  });
  const staffReply = widgetItem('w1', {
    type: 'Card',
    children: [{ type: 'Text', value: 'Ann Smith · Store team' }],
  });

  it('adds a pushed item once, however often it arrives, and marks it pushed', () => {
    const once = chatReducer(opened, { type: 'pushed-item', item: staffReply });
    const twice = chatReducer(once, { type: 'pushed-item', item: staffReply });
    expect(twice.items.map((item) => item.id)).toEqual(['u1', 'a1', 'w1']);
    expect(twice.liveItemIds).toEqual(['w1']);
    expect(twice.pushedItemIds).toEqual(['w1']);
  });

  it('replaces an item it already has where it stands', () => {
    const changed = { ...assistantItem('a1', 'Ann from our team has joined.') };
    const next = chatReducer(opened, { type: 'pushed-item', item: changed });
    expect(next.items.map((item) => item.id)).toEqual(['u1', 'a1']);
    expect(next.items[1]).toEqual(changed);
  });

  it('ignores an item of another thread (a stream closing late)', () => {
    const other = widgetItem('w9', staffReply.widget, 'thr_2');
    expect(chatReducer(opened, { type: 'pushed-item', item: other })).toBe(opened);
  });

  it('keeps who handles the conversation until it changes, or another one opens', () => {
    const held = chatReducer(opened, { type: 'person', name: 'Ann Smith' });
    expect(held.person).toBe('Ann Smith');
    expect(chatReducer(held, { type: 'person', name: null }).person).toBeNull();
    expect(chatReducer(held, { type: 'loading' }).person).toBeNull();
  });
});
