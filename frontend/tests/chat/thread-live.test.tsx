import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import type { WidgetRoot } from '../../src/protocol';
import { assistantItem, thread, userItem, widgetItem } from '../helpers/fixtures';
import { liveEndpoint } from '../helpers/live';
import { type MockServer, mockServer } from '../helpers/mock-server';
import { jsonResponse } from '../helpers/sse';

const OPEN_THREAD_KEY = 'returndesk.openThread';

/** A staff reply as the server sends it: a card naming who wrote it, then the words. */
function staffReplyCard(name: string, text: string): WidgetRoot {
  return {
    type: 'Card',
    children: [
      {
        type: 'Col',
        children: [
          { type: 'Row', children: [{ type: 'Caption', value: `${name} · Store team` }] },
          { type: 'Text', value: text },
        ],
      },
    ],
  };
}

/** The page reopens thr_1, where the shopper asked for a person. */
function reopenedThread(server: MockServer) {
  window.localStorage.setItem(OPEN_THREAD_KEY, 'thr_1');
  server.always('threads.get_by_id', () =>
    jsonResponse(
      thread(
        'thr_1',
        [userItem('u1', 'Can I talk to a person?'), assistantItem('a1', 'Someone will join.')],
        'A person',
      ),
    ),
  );
  server.always('threads.list', () =>
    jsonResponse({ data: [thread('thr_1', [], 'A person')], has_more: false, after: null }),
  );
  const endpoint = liveEndpoint();
  server.live = (url, init) => endpoint.respond(`${url.pathname}${url.search}`, init);
  return endpoint;
}

describe('the open conversation, live', () => {
  it('shows who from the team handles it, and their replies as they come, once each', async () => {
    const server = mockServer();
    const endpoint = reopenedThread(server);
    render(<App fetchImpl={server.fetch} />);

    await screen.findByText('Someone will join.');
    await waitFor(() => expect(endpoint.connections).toHaveLength(1));
    expect(endpoint.latest().url).toBe('/chatkit/live?thread_id=thr_1');
    const banner = screen.getByTestId('person-banner');
    expect(banner).toHaveAttribute('role', 'status');
    expect(banner).toBeEmptyDOMElement();

    await act(async () => endpoint.latest().send('person', { name: 'Ann Smith' }));
    await waitFor(() =>
      expect(banner).toHaveTextContent('Ann Smith from our team is handling this conversation.'),
    );

    const reply = widgetItem('w1', staffReplyCard('Ann Smith', 'Hi, I can help with that.'));
    await act(async () => {
      endpoint.latest().send('item', { item: reply }, 5);
      // A replay of the same item (after a reconnect, say) changes nothing.
      endpoint.latest().send('item', { item: reply }, 6);
    });
    const messages = screen.getByTestId('messages');
    expect(await within(messages).findByText('Hi, I can help with that.')).toBeInTheDocument();
    expect(within(messages).getAllByTestId('message-widget')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent(
        'Ann Smith · Store team Hi, I can help with that.',
      ),
    );

    await act(async () => endpoint.latest().send('person', { name: null }, 7));
    await waitFor(() => expect(banner).toBeEmptyDOMElement());
  });

  it('reads out the team joining, like any answer', async () => {
    const server = mockServer();
    const endpoint = reopenedThread(server);
    render(<App fetchImpl={server.fetch} />);
    await waitFor(() => expect(endpoint.connections).toHaveLength(1));

    const joined = assistantItem('a2', 'Ann from our team has joined.');
    await act(async () => endpoint.latest().send('item', { item: joined }, 1));
    expect(await screen.findByText('Ann from our team has joined.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent(
        'Acme Outfitters: Ann from our team has joined.',
      ),
    );
  });

  it('stops following the conversation when another one starts', async () => {
    const server = mockServer();
    const endpoint = reopenedThread(server);
    render(<App fetchImpl={server.fetch} />);
    await waitFor(() => expect(endpoint.connections).toHaveLength(1));
    await act(async () => endpoint.latest().send('person', { name: 'Ann Smith' }));
    await screen.findByText(/Ann Smith from our team/);

    await userEvent.click(screen.getByTestId('new-chat-header'));
    await waitFor(() => expect(endpoint.latest().closed).toBe(true));
    expect(screen.getByTestId('person-banner')).toBeEmptyDOMElement();
    expect(endpoint.connections).toHaveLength(1);
  });
});
