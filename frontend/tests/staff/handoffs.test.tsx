import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffApi } from '../../src/staff/api';
import { StaffApp } from '../../src/staff/StaffApp';
import type { Handoff } from '../../src/staff/types';
import { assistantItem, userItem, widgetItem } from '../helpers/fixtures';
import { liveEndpoint, type LiveEndpoint } from '../helpers/live';

const SESSION = { email: 'sam@example.com', name: 'Sam Lee', role: 'agent', csrf_token: 'tok' };

function handoff(id: number, changes: Partial<Handoff> = {}): Handoff {
  return {
    id,
    status: 'open',
    thread_id: `thr_${id}`,
    customer: { id: `cust_${id}`, name: 'Harper Khan', email: 'harper@example.com' },
    summary: 'The shopper asked for a person about a late refund.',
    created_at: '2026-03-09T10:00:00+00:00',
    waiting_seconds: 240,
    order_id: '#W1234567',
    rma: 'RMA-7K3QX9M2',
    claimed_by: null,
    claimed_at: null,
    first_reply_at: null,
    closed_at: null,
    close_note: null,
    ...changes,
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

interface Console {
  fetch: ReturnType<typeof vi.fn>;
  live: LiveEndpoint;
  active: Handoff[];
  closed: Handoff[];
  detail: { handoff: Handoff; items: unknown[] };
  /** Answers POSTs to /staff/api/handoffs/{id}/{action}. */
  post: (action: string, body: unknown) => Response;
  posted: { action: string; body: unknown; csrf: string | undefined }[];
}

function consoleServer(): Console {
  const server: Console = {
    live: liveEndpoint(),
    active: [handoff(12)],
    closed: [handoff(9, { status: 'closed', closed_at: '2026-03-08T10:00:00+00:00' })],
    detail: { handoff: handoff(12), items: [userItem('u1', 'Can I talk to a person?', 'thr_12')] },
    post: () => json({ error: { code: 'not_found', message: 'No such thing.' } }, 404),
    posted: [],
    fetch: vi.fn(),
  };
  server.fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url);
    const method = init?.method ?? 'GET';
    if (path.endsWith('/session')) return json(SESSION);
    if (path === '/staff/api/live') return server.live.respond(path, init);
    if (path === '/staff/api/handoffs?view=active') {
      const open = server.active.filter((entry) => entry.status === 'open').length;
      return json({
        handoffs: server.active,
        counts: { open, claimed: server.active.length - open },
      });
    }
    if (path === '/staff/api/handoffs?view=closed')
      return json({ handoffs: server.closed, counts: {} });
    if (path === '/staff/api/handoffs/12' && method === 'GET') return json(server.detail);
    const action = /^\/staff\/api\/handoffs\/12\/([a-z-]+)$/.exec(path)?.[1];
    if (action && method === 'POST') {
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      const csrf = (init?.headers as Record<string, string> | undefined)?.['x-csrf-token'];
      server.posted.push({ action, body, csrf });
      return server.post(action, body);
    }
    return json({ error: { code: 'not_found', message: 'No such thing.' } }, 404);
  });
  return server;
}

function renderConsole(server: Console, at: string) {
  window.history.replaceState(null, '', at);
  render(<StaffApp api={new StaffApi(server.fetch as unknown as typeof fetch)} />);
}

const rowOf = (id: number) =>
  screen.getByTestId('inbox').querySelector(`tr[data-handoff-id="${id}"]`) as HTMLElement;

beforeEach(() => window.history.replaceState(null, '', '/staff'));
afterEach(() => window.history.replaceState(null, '', '/'));

describe('the inbox', () => {
  it('lists who waits for a person, about what, for how long, and counts them in the header', async () => {
    const server = consoleServer();
    renderConsole(server, '/staff/inbox');

    const table = await screen.findByTestId('inbox');
    const row = await waitFor(() => {
      const found = rowOf(12);
      expect(found).not.toBeNull();
      return found;
    });
    expect(within(row).getByRole('link', { name: 'Harper Khan' })).toHaveAttribute(
      'href',
      '/staff/inbox/12',
    );
    expect(row).toHaveTextContent('harper@example.com');
    expect(row).toHaveTextContent('The shopper asked for a person about a late refund.');
    expect(row).toHaveTextContent('4 min');
    expect(within(row).getByRole('link', { name: 'RMA-7K3QX9M2' })).toHaveAttribute(
      'href',
      '/staff/returns/RMA-7K3QX9M2',
    );
    expect(row).toHaveTextContent('Order #W1234567');
    expect(within(row).getByText('Waiting')).toBeInTheDocument();
    expect(table).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Console' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Returns',
      'Inbox',
      'Customers',
      'Analytics',
      'Team',
    ]);
    expect(within(nav).getByRole('link', { name: 'Inbox' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await waitFor(() => expect(screen.getByTestId('waiting-count')).toHaveTextContent('1 waiting'));
    expect(screen.getByTestId('inbox-counts')).toHaveTextContent('1 waiting · 0 claimed');
  });

  it('adds a new hand-off and follows a claim as they happen, with the count', async () => {
    const server = consoleServer();
    renderConsole(server, '/staff/inbox');
    await waitFor(() => expect(rowOf(12)).not.toBeNull());
    await waitFor(() => expect(server.live.connections).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('waiting-count')).toHaveTextContent('1 waiting'));

    const newcomer = handoff(13, {
      customer: { id: 'cust_13', name: 'Noah Kim', email: 'noah@example.com' },
      waiting_seconds: 5,
      rma: null,
    });
    await act(async () => server.live.latest().send('handoff', newcomer, 41));
    expect(await screen.findByRole('link', { name: 'Noah Kim' })).toBeInTheDocument();
    expect(rowOf(13)).toHaveTextContent('under 1 min');
    await waitFor(() => expect(screen.getByTestId('waiting-count')).toHaveTextContent('2 waiting'));

    const claimed = handoff(12, {
      status: 'claimed',
      claimed_by: { id: 3, name: 'Ann Smith' },
      claimed_at: '2026-03-09T10:04:00+00:00',
    });
    await act(async () => server.live.latest().send('handoff', claimed, 42));
    await waitFor(() => expect(rowOf(12)).toHaveTextContent('Ann Smith'));
    expect(within(rowOf(12)).getByText('Claimed')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('waiting-count')).toHaveTextContent('1 waiting'));
    expect(screen.getByTestId('inbox-counts')).toHaveTextContent('1 waiting · 1 claimed');

    // Closed, it leaves the active list; the last one waiting leaves the header empty.
    await act(async () => {
      server.live.latest().send('handoff', { ...claimed, status: 'closed' }, 43);
      server.live.latest().send('handoff', { ...newcomer, status: 'closed' }, 44);
    });
    await waitFor(() => expect(rowOf(12)).toBeNull());
    await waitFor(() => expect(screen.getByTestId('waiting-count')).toBeEmptyDOMElement());
  });

  it('shows the closed ones on their own tab', async () => {
    const server = consoleServer();
    renderConsole(server, '/staff/inbox');
    await waitFor(() => expect(rowOf(12)).not.toBeNull());

    await userEvent.click(screen.getByRole('link', { name: 'Closed' }));
    await waitFor(() => expect(rowOf(9)).not.toBeNull());
    expect(rowOf(12)).toBeNull();
    expect(window.location.search).toBe('?view=closed');
    expect(screen.getByRole('link', { name: 'Closed' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('a hand-off', () => {
  it('says who has it when a claim comes too late', async () => {
    const server = consoleServer();
    server.post = () =>
      json({ error: { code: 'conflict', message: 'Ann Smith has this hand-off.' } }, 409);
    renderConsole(server, '/staff/inbox/12');

    expect(await screen.findByText('Can I talk to a person?')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ann Smith has this hand-off.');
    expect(server.posted).toEqual([{ action: 'claim', body: undefined, csrf: 'tok' }]);
    expect(screen.queryByLabelText('Reply to the shopper')).toBeNull();
  });

  it('once claimed, sends a reply with Enter and shows it in the conversation', async () => {
    const server = consoleServer();
    const mine = handoff(12, {
      status: 'claimed',
      claimed_by: { id: 3, name: SESSION.name },
      claimed_at: '2026-03-09T10:04:00+00:00',
    });
    const reply = widgetItem(
      'w1',
      { type: 'Card', children: [{ type: 'Text', value: 'Hi Harper, I am on it.' }] },
      'thr_12',
    );
    server.post = (action) =>
      action === 'claim'
        ? json({ handoff: mine })
        : json({ handoff: { ...mine, first_reply_at: '2026-03-09T10:05:00+00:00' }, item: reply });
    renderConsole(server, '/staff/inbox/12');

    await userEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    const box = await screen.findByLabelText('Reply to the shopper');
    await waitFor(() => expect(box).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Hand back to assistant' })).toBeInTheDocument();
    expect(screen.getByLabelText('Closing note')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close hand-off' })).toBeInTheDocument();

    await userEvent.type(box, 'Hi Harper,{Shift>}{Enter}{/Shift}I am on it.');
    expect(box).toHaveValue('Hi Harper,\nI am on it.');
    expect(server.posted.map((post) => post.action)).toEqual(['claim']);
    await userEvent.type(box, '{Enter}');

    await waitFor(() =>
      expect(server.posted.at(-1)).toEqual({
        action: 'reply',
        body: { text: 'Hi Harper,\nI am on it.' },
        csrf: 'tok',
      }),
    );
    const transcript = screen.getByTestId('transcript');
    expect(await within(transcript).findByText('Hi Harper, I am on it.')).toBeInTheDocument();
    expect(box).toHaveValue('');

    // The same reply from the live stream is not shown twice.
    await waitFor(() => expect(server.live.connections.length).toBeGreaterThan(0));
    await act(async () =>
      server.live.latest().send('item', { thread_id: 'thr_12', handoff_id: 12, item: reply }, 50),
    );
    expect(within(transcript).getAllByText('Hi Harper, I am on it.')).toHaveLength(1);
  });

  it('starts a return for the shopper on the order concerned, and says it is handed back', async () => {
    const server = consoleServer();
    const mine = handoff(12, {
      status: 'claimed',
      claimed_by: { id: 3, name: SESSION.name },
      claimed_at: '2026-03-09T10:04:00+00:00',
      order_id: '#W2611340',
    });
    server.post = (action) =>
      action === 'claim'
        ? json({ handoff: mine })
        : json({
            handoff: { ...mine, status: 'handed_back', closed_at: '2026-03-09T10:06:00+00:00' },
          });
    renderConsole(server, '/staff/inbox/12');

    await userEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    const order = await screen.findByLabelText('Order number');
    expect(order).toHaveValue('#W2611340');
    await userEvent.click(screen.getByRole('button', { name: 'Start for the shopper' }));

    await waitFor(() =>
      expect(server.posted.at(-1)).toEqual({
        action: 'start',
        body: { request: 'return', order_id: '#W2611340' },
        csrf: 'tok',
      }),
    );
    expect(await screen.findByText('Handed back to the assistant.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply to the shopper')).toBeNull();
  });

  it('shows what the shopper writes as it arrives', async () => {
    const server = consoleServer();
    renderConsole(server, '/staff/inbox/12');
    await screen.findByText('Can I talk to a person?');
    await waitFor(() => expect(server.live.connections).toHaveLength(1));

    await act(async () => {
      const live = server.live.latest();
      live.send(
        'item',
        { thread_id: 'thr_12', handoff_id: 12, item: userItem('u2', 'Hello?', 'thr_12') },
        1,
      );
      // Another conversation's news stays there.
      live.send(
        'item',
        { thread_id: 'thr_99', handoff_id: 99, item: assistantItem('x', 'Elsewhere', 'thr_99') },
        2,
      );
    });
    expect(await screen.findByText('Hello?')).toBeInTheDocument();
    expect(screen.queryByText('Elsewhere')).toBeNull();
  });

  it('hands back, or closes with a note, when you hold it', async () => {
    const server = consoleServer();
    const mine = handoff(12, { status: 'claimed', claimed_by: { id: 3, name: SESSION.name } });
    server.detail = { ...server.detail, handoff: mine };
    server.post = (action, body) =>
      json({
        handoff: {
          ...mine,
          status: action === 'close' ? 'closed' : 'handed_back',
          closed_at: '2026-03-09T10:30:00+00:00',
          close_note: action === 'close' ? (body as { note: string }).note : null,
        },
      });
    renderConsole(server, '/staff/inbox/12');

    await userEvent.type(await screen.findByLabelText('Closing note'), 'Refund sent by hand.');
    await userEvent.click(screen.getByRole('button', { name: 'Close hand-off' }));
    await waitFor(() =>
      expect(server.posted.at(-1)).toEqual({
        action: 'close',
        body: { note: 'Refund sent by hand.' },
        csrf: 'tok',
      }),
    );
    expect(await screen.findByText('Hand-off closed.')).toBeInTheDocument();
    expect(screen.getByText('Refund sent by hand.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply to the shopper')).toBeNull();
  });

  it('hands the shopper back to the assistant', async () => {
    const server = consoleServer();
    const mine = handoff(12, { status: 'claimed', claimed_by: { id: 3, name: SESSION.name } });
    server.detail = { ...server.detail, handoff: mine };
    server.post = () => json({ handoff: { ...mine, status: 'handed_back' } });
    renderConsole(server, '/staff/inbox/12');

    await userEvent.click(await screen.findByRole('button', { name: 'Hand back to assistant' }));
    expect(await screen.findByText(/the assistant answers the shopper again/)).toBeInTheDocument();
    expect(server.posted).toEqual([{ action: 'hand-back', body: undefined, csrf: 'tok' }]);
  });
});
