import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import type { ThreadStreamEvent, WorkflowItem } from '../../src/protocol';
import {
  NOW,
  assistantItem,
  replyEvents,
  thread,
  threadMeta,
  userItem,
  widgetItem,
} from '../helpers/fixtures';
import { type MockServer, mockServer } from '../helpers/mock-server';
import { controlledStream, jsonResponse, sseResponse } from '../helpers/sse';

const OPEN_THREAD_KEY = 'returndesk.openThread';

function renderApp(server: MockServer) {
  return render(<App fetchImpl={server.fetch} />);
}

/** A first message on a new thread: created, echoed, answered. */
function newThreadReply(text: string, reply: string[], threadId = 'thr_1'): ThreadStreamEvent[] {
  return [
    { type: 'thread.created', thread: thread(threadId) },
    { type: 'thread.item.done', item: userItem('u1', text, threadId) },
    ...replyEvents('a1', reply, threadId),
  ];
}

function serveNewThread(server: MockServer, text = 'hi', reply = ['Hello', ' there']) {
  server.next('threads.create', () => sseResponse(newThreadReply(text, reply)));
  server.next('threads.update', (request) =>
    jsonResponse({
      ...thread('thr_1'),
      title: request.type === 'threads.update' ? request.params.title : null,
    }),
  );
}

async function sendMessage(text: string) {
  const input = screen.getByTestId('composer-input');
  await userEvent.type(input, `${text}{Enter}`);
}

describe('the chat app', () => {
  it('applies the branding from /api/branding', async () => {
    const server = mockServer();
    server.branding = {
      ...server.branding,
      favicon_url: '/static/shop.ico',
      logo_url: 'https://shop.example/logo.svg',
    };
    renderApp(server);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Acme Outfitters' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('brand-tagline')).toHaveTextContent('Help with your orders');
    expect(screen.getByTestId('brand-logo')).toHaveAttribute(
      'src',
      'https://shop.example/logo.svg',
    );
    expect(document.title).toBe('Acme Outfitters · Help with your orders');
    expect(document.documentElement.style.getPropertyValue('--rd-brand-primary')).toBe('#0f766e');
    expect(document.querySelector('link[rel="icon"]')).toHaveAttribute('href', '/static/shop.ico');
    expect(screen.getByPlaceholderText('Message Acme Outfitters…')).toBeInTheDocument();
  });

  it('sends a message, streams the reply in, and lists the new conversation', async () => {
    const server = mockServer();
    let stream!: ReturnType<typeof controlledStream>;
    server.next('threads.create', (_request, init) => {
      stream = controlledStream(init.signal);
      return stream.response;
    });
    server.next('threads.update', () =>
      jsonResponse(thread('thr_1', [], 'I want to return my shoes')),
    );
    renderApp(server);

    await sendMessage('I want to return my shoes');
    expect(screen.getByTestId('message-user')).toHaveTextContent('I want to return my shoes');
    expect(screen.getByTestId('composer-input')).toHaveValue('');
    expect(screen.getByTestId('composer-stop')).toBeInTheDocument();

    const events = newThreadReply('I want to return my shoes', ['Sure', ' — which', ' order?']);
    await act(async () => stream.push(...events.slice(0, 6)));
    const message = await screen.findByTestId('message-assistant');
    await waitFor(() =>
      expect(within(message).getByTestId('assistant-text')).toHaveTextContent('Sure — which'),
    );
    expect(message).toHaveAttribute('data-streaming', 'true');

    await act(async () => {
      stream.push(...events.slice(6));
      stream.close();
    });
    await waitFor(() => expect(message).toHaveAttribute('data-streaming', 'false'));
    expect(within(message).getByTestId('assistant-text')).toHaveTextContent('Sure — which order?');
    expect(screen.getAllByTestId('message-user')).toHaveLength(1);
    await screen.findByTestId('composer-send');

    expect(server.ofType('threads.create')[0]?.params.input).toEqual({
      content: [{ type: 'input_text', text: 'I want to return my shoes' }],
      attachments: [],
      inference_options: {},
    });
    expect(server.ofType('threads.update')[0]?.params).toEqual({
      thread_id: 'thr_1',
      title: 'I want to return my shoes',
    });
    const history = screen.getByTestId('thread-history');
    expect(await within(history).findByText('I want to return my shoes')).toBeInTheDocument();
    expect(window.localStorage.getItem(OPEN_THREAD_KEY)).toBe('thr_1');
  });

  it('reopens the remembered conversation and its history after a reload', async () => {
    const server = mockServer();
    window.localStorage.setItem(OPEN_THREAD_KEY, 'thr_7');
    server.always('threads.list', () =>
      jsonResponse({
        data: [thread('thr_7', [], 'Exchange jacket'), thread('thr_3', [], 'Old question')],
        has_more: false,
        after: null,
      }),
    );
    server.always('threads.get_by_id', () =>
      jsonResponse({
        ...thread('thr_7', [userItem('u1', 'Exchange my jacket', 'thr_7')], 'Exchange jacket'),
        items: {
          data: [userItem('u1', 'Exchange my jacket', 'thr_7')],
          has_more: true,
          after: 'u1',
        },
      }),
    );
    server.always('items.list', () =>
      jsonResponse({
        data: [assistantItem('a1', 'Which size?', 'thr_7')],
        has_more: false,
        after: null,
      }),
    );
    renderApp(server);

    expect(await screen.findByText('Which size?')).toBeInTheDocument();
    expect(screen.getByText('Exchange my jacket')).toBeInTheDocument();
    const entries = within(screen.getByTestId('thread-history')).getAllByTestId('thread-item');
    expect(entries.map((entry) => entry.querySelector('.rd-thread__title')?.textContent)).toEqual([
      'Exchange jacket',
      'Old question',
    ]);
    expect(within(entries[0]!).getByTestId('thread-open')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('main')).toHaveAccessibleName('Exchange jacket');
  });

  it('opens another conversation from the history', async () => {
    const server = mockServer();
    server.always('threads.list', () =>
      jsonResponse({ data: [thread('thr_3', [], 'Old question')], has_more: false, after: null }),
    );
    server.next('threads.get_by_id', () =>
      jsonResponse(
        thread('thr_3', [userItem('u9', 'Where is my refund?', 'thr_3')], 'Old question'),
      ),
    );
    renderApp(server);
    await userEvent.click(await screen.findByText('Old question'));
    expect(await screen.findByText('Where is my refund?')).toBeInTheDocument();
    expect(window.localStorage.getItem(OPEN_THREAD_KEY)).toBe('thr_3');
  });

  it('forgets a remembered conversation that no longer exists', async () => {
    const server = mockServer();
    window.localStorage.setItem(OPEN_THREAD_KEY, 'thr_gone');
    server.next('threads.get_by_id', () =>
      jsonResponse(
        { error: { code: 'not_found', message: 'Thread thr_gone was not found.' } },
        404,
      ),
    );
    renderApp(server);
    expect(await screen.findByTestId('error-banner')).toHaveTextContent(
      'That conversation is no longer available.',
    );
    expect(window.localStorage.getItem(OPEN_THREAD_KEY)).toBeNull();
    expect(screen.getByTestId('empty-state')).toBeInTheDocument();
  });

  it('sends a starter prompt', async () => {
    const server = mockServer();
    serveNewThread(server, 'Where is my return?');
    renderApp(server);
    await userEvent.click(screen.getByRole('button', { name: /Where is my return\?/ }));
    await screen.findByTestId('message-assistant');
    expect(server.ofType('threads.create')[0]?.params.input.content).toEqual([
      { type: 'input_text', text: 'Where is my return?' },
    ]);
  });

  it('shows a JSON error answer as a message and gives the text back to the composer', async () => {
    const server = mockServer();
    server.next('threads.create', () =>
      jsonResponse(
        { error: { code: 'invalid_request', message: 'Messages must be under 4,000 characters.' } },
        400,
      ),
    );
    renderApp(server);
    await sendMessage('too long');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Messages must be under 4,000 characters.',
    );
    expect(screen.queryByTestId('error-retry')).toBeNull();
    expect(screen.getByTestId('composer-input')).toHaveValue('too long');
    expect(screen.queryByTestId('message-user')).toBeNull();
  });

  it('shows an error event and retries after the last user message', async () => {
    const server = mockServer();
    server.next('threads.create', () =>
      sseResponse([
        { type: 'thread.created', thread: thread() },
        { type: 'thread.item.done', item: userItem('u1', 'hi') },
        { type: 'error', code: 'stream.error', allow_retry: true },
      ]),
    );
    server.next('threads.update', () => jsonResponse(thread('thr_1', [], 'hi')));
    server.next('threads.retry_after_item', () => sseResponse(replyEvents('a2', ['Back again'])));
    renderApp(server);
    await sendMessage('hi');
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent('Something went wrong while answering');
    await userEvent.click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Back again')).toBeInTheDocument();
    expect(server.ofType('threads.retry_after_item')[0]?.params).toEqual({
      thread_id: 'thr_1',
      item_id: 'u1',
    });
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('shows notices (as markdown) and progress lines', async () => {
    const server = mockServer();
    let stream!: ReturnType<typeof controlledStream>;
    server.next('threads.create', (_request, init) => {
      stream = controlledStream(init.signal);
      return stream.response;
    });
    renderApp(server);
    await sendMessage('status');
    await act(async () =>
      stream.push(
        { type: 'thread.created', thread: thread() },
        { type: 'thread.item.done', item: userItem('u1', 'status') },
        { type: 'progress_update', icon: 'search', text: 'Looking up your order' },
        {
          type: 'notice',
          level: 'warning',
          title: 'Heads up',
          message: 'Returns close in **3 days**.',
        },
      ),
    );
    expect(await screen.findByTestId('progress')).toHaveTextContent('Looking up your order');
    const notice = screen.getByTestId('notice');
    expect(notice).toHaveTextContent('Heads up');
    expect(notice.querySelector('.rd-markdown strong')).toHaveTextContent('3 days');
    await act(async () => {
      stream.push(...replyEvents('a1', ['Found it']));
      stream.close();
    });
    await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('sends thumbs feedback, copies and regenerates the last answer', async () => {
    const server = mockServer();
    serveNewThread(server, 'hi', ['First answer']);
    server.next('threads.retry_after_item', () =>
      sseResponse(replyEvents('a2', ['Second answer'])),
    );
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderApp(server);
    await sendMessage('hi');
    const message = await screen.findByTestId('message-assistant');
    await waitFor(() => expect(message).toHaveAttribute('data-streaming', 'false'));

    await userEvent.click(within(message).getByRole('button', { name: 'Good response' }));
    expect(within(message).getByRole('button', { name: 'Good response' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(server.ofType('items.feedback')[0]?.params).toEqual({
      thread_id: 'thr_1',
      item_ids: ['a1'],
      kind: 'positive',
    });

    await userEvent.click(within(message).getByRole('button', { name: 'Copy message' }));
    expect(writeText).toHaveBeenCalledWith('First answer');

    await userEvent.click(within(message).getByRole('button', { name: 'Regenerate response' }));
    expect(await screen.findByText('Second answer')).toBeInTheDocument();
    expect(screen.queryByText('First answer')).toBeNull();
    expect(server.ofType('threads.retry_after_item')[0]?.params).toEqual({
      thread_id: 'thr_1',
      item_id: 'u1',
    });
  });

  it('stops a reply', async () => {
    const server = mockServer();
    let stream!: ReturnType<typeof controlledStream>;
    let aborted = false;
    server.next('threads.create', (_request, init) => {
      stream = controlledStream(init.signal);
      init.signal?.addEventListener('abort', () => (aborted = true));
      return stream.response;
    });
    renderApp(server);
    await sendMessage('tell me a long story');
    await act(async () =>
      stream.push(...newThreadReply('tell me a long story', ['Once', ' upon']).slice(0, 5)),
    );
    await screen.findByText(/Once/);
    await userEvent.click(screen.getByRole('button', { name: 'Stop answering' }));
    expect(aborted).toBe(true);
    expect(await screen.findByTestId('stopped-note')).toBeInTheDocument();
    expect(screen.getByTestId('message-assistant')).toHaveAttribute('data-streaming', 'false');
    expect(screen.getByTestId('composer-send')).toBeInTheDocument();
  });

  it('hides Stop when the server does not allow cancelling', async () => {
    const server = mockServer();
    let stream!: ReturnType<typeof controlledStream>;
    server.next('threads.create', (_request, init) => {
      stream = controlledStream(init.signal);
      return stream.response;
    });
    renderApp(server);
    await sendMessage('x');
    await act(async () =>
      stream.push({ type: 'stream_options', stream_options: { allow_cancel: false } }),
    );
    await waitFor(() => expect(screen.queryByTestId('composer-stop')).toBeNull());
  });

  it('starts a new conversation', async () => {
    const server = mockServer();
    serveNewThread(server);
    renderApp(server);
    await sendMessage('hi');
    await screen.findByTestId('message-assistant');
    await userEvent.click(screen.getByTestId('new-chat'));
    expect(screen.getByTestId('empty-state')).toBeInTheDocument();
    expect(window.localStorage.getItem(OPEN_THREAD_KEY)).toBeNull();
    expect(screen.getByTestId('composer-input')).toHaveFocus();
  });

  it('renames and deletes conversations from the history', async () => {
    const server = mockServer();
    server.next('threads.list', () =>
      jsonResponse({
        data: [thread('thr_1', [], 'hi'), thread('thr_2', [], 'Other')],
        has_more: false,
        after: null,
      }),
    );
    server.next('threads.update', () => jsonResponse(thread('thr_1', [], 'Shoe return')));
    renderApp(server);
    const history = screen.getByTestId('thread-history');
    await within(history).findByText('hi');

    await userEvent.click(within(history).getByRole('button', { name: 'Rename “hi”' }));
    const input = within(history).getByRole('textbox', { name: 'New name for “hi”' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Shoe return{Enter}');
    expect(await within(history).findByText('Shoe return')).toBeInTheDocument();
    expect(server.ofType('threads.update')[0]?.params).toEqual({
      thread_id: 'thr_1',
      title: 'Shoe return',
    });

    await userEvent.click(within(history).getByRole('button', { name: 'Delete “Other”' }));
    await userEvent.click(within(history).getByTestId('confirm-delete'));
    await waitFor(() => expect(within(history).queryByText('Other')).toBeNull());
    expect(server.ofType('threads.delete')[0]?.params).toEqual({ thread_id: 'thr_2' });
  });

  it('sends a widget click as threads.custom_action with the widget item id and the form fields', async () => {
    const server = mockServer();
    window.localStorage.setItem(OPEN_THREAD_KEY, 'thr_1');
    const widget = widgetItem('wid_9', {
      type: 'Card',
      asForm: true,
      children: [
        { type: 'Title', value: 'Which items?' },
        { type: 'Checkbox', name: 'line_1', label: 'Trail shoes', defaultChecked: true },
        {
          type: 'Select',
          name: 'reason',
          defaultValue: 'too_small',
          options: [{ value: 'too_small', label: 'Too small' }],
        },
      ],
      confirm: {
        label: 'Continue',
        action: { type: 'items.selected', payload: { order_id: 'A1' } },
      },
    });
    server.next('threads.get_by_id', () =>
      jsonResponse(thread('thr_1', [userItem('u1', 'return'), widget])),
    );
    let stream!: ReturnType<typeof controlledStream>;
    server.next('threads.custom_action', (_request, init) => {
      stream = controlledStream(init.signal);
      return stream.response;
    });
    renderApp(server);
    await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));

    expect(server.ofType('threads.custom_action')[0]?.params).toEqual({
      thread_id: 'thr_1',
      item_id: 'wid_9',
      action: {
        type: 'items.selected',
        payload: { order_id: 'A1', line_1: true, reason: 'too_small' },
      },
    });
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-busy', 'true');

    await act(async () => {
      stream.push(
        {
          type: 'thread.item.updated',
          item_id: 'wid_9',
          update: {
            type: 'widget.root.updated',
            widget: { type: 'Card', children: [{ type: 'Text', value: 'Returning: Trail shoes' }] },
          },
        },
        ...replyEvents('a1', ['Got it.']),
      );
      stream.close();
    });
    expect(await screen.findByText('Returning: Trail shoes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(await screen.findByText('Got it.')).toBeInTheDocument();
  });

  it('shows workflow items with their tasks', async () => {
    const server = mockServer();
    window.localStorage.setItem(OPEN_THREAD_KEY, 'thr_1');
    const workflow: WorkflowItem = {
      type: 'workflow',
      id: 'wf1',
      thread_id: 'thr_1',
      created_at: NOW,
      workflow: {
        type: 'custom',
        summary: { title: 'Checked your order' },
        expanded: true,
        tasks: [
          { type: 'custom', title: 'Found order A1', status_indicator: 'complete' },
          {
            type: 'custom',
            title: 'Checked the return window',
            content: '21 days left',
            status_indicator: 'complete',
          },
        ],
      },
    };
    server.next('threads.get_by_id', () =>
      jsonResponse(thread('thr_1', [userItem('u1', 'status'), workflow])),
    );
    renderApp(server);
    const view = await screen.findByTestId('message-workflow');
    expect(within(view).getByRole('button', { name: 'Checked your order' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(
      within(view)
        .getAllByTestId('workflow-task')
        .map((task) => task.textContent),
    ).toEqual(['Found order A1 (done)', 'Checked the return window (done)21 days left']);
  });

  it('toggles the theme and remembers it', async () => {
    const server = mockServer();
    renderApp(server);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    await userEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('returndesk.theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
  });

  it('can be used from the keyboard alone: skip link, Enter to send, Shift+Enter for a new line', async () => {
    const server = mockServer();
    serveNewThread(server, 'line one\nline two');
    renderApp(server);
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Skip to message box' })).toHaveFocus();
    screen.getByTestId('composer-input').focus();
    await userEvent.keyboard('line one{Shift>}{Enter}{/Shift}line two');
    expect(screen.getByTestId('composer-input')).toHaveValue('line one\nline two');
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('message-assistant');
    expect(server.ofType('threads.create')[0]?.params.input.content).toEqual([
      { type: 'input_text', text: 'line one\nline two' },
    ]);
  });

  it('marks the thread metadata it lists without items', async () => {
    const server = mockServer();
    server.next('threads.list', () =>
      jsonResponse({
        data: [{ ...threadMeta('thr_5', 'x'), items: { data: [], has_more: false } }],
        has_more: false,
        after: null,
      }),
    );
    renderApp(server);
    expect(await within(screen.getByTestId('thread-history')).findByText('x')).toBeInTheDocument();
  });

  it('reads each finished answer to screen readers once', async () => {
    const server = mockServer();
    serveNewThread(server, 'hi', ['Hello', ' there']);
    renderApp(server);
    await sendMessage('hi');
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent('Acme Outfitters: Hello there'),
    );
  });

  it('on a phone-sized screen the history is a drawer that keeps and returns focus', async () => {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: query.includes('max-width'),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    const server = mockServer();
    renderApp(server);
    const toggle = screen.getByTestId('sidebar-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('thread-history')).not.toHaveClass('rd-sidebar--open');
    toggle.focus();
    await userEvent.click(toggle);
    expect(screen.getByTestId('thread-history')).toHaveClass('rd-sidebar--open');
    expect(screen.getByTestId('new-chat')).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Close conversations' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByTestId('new-chat')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('thread-history')).not.toHaveClass('rd-sidebar--open');
    expect(toggle).toHaveFocus();
  });

  it('puts a keyboard user back in the composer when a reply removes the focused control', async () => {
    const server = mockServer();
    serveNewThread(server, "I'd like to return an item");
    renderApp(server);
    const prompt = screen.getByRole('button', { name: /I'd like to return an item/ });
    prompt.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('message-assistant');
    await waitFor(() => expect(screen.getByTestId('composer-input')).toHaveFocus());
  });
});
