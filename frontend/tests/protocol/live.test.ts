import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  openLiveStream,
  type LiveStatus,
  type LiveStream,
} from '../../src/protocol/live';
import { liveEndpoint, type LiveEndpoint } from '../helpers/live';
import { jsonResponse } from '../helpers/sse';

interface Events {
  person: { name: string | null };
  item: { item: { id: string } };
}

let open: LiveStream | null = null;
afterEach(() => open?.close());

function follow(
  endpoint: LiveEndpoint,
  extra: Partial<Parameters<typeof openLiveStream<Events>>[0]> = {},
) {
  const seen: string[] = [];
  const statuses: LiveStatus[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    endpoint.respond(String(input), init),
  );
  open = openLiveStream<Events>({
    url: '/chatkit/live?thread_id=thr_1',
    fetch: fetchMock as unknown as typeof fetch,
    on: {
      person: ({ name }, id) => seen.push(`person ${name} #${id}`),
      item: ({ item }, id) => seen.push(`item ${item.id} #${id}`),
    },
    onStatus: (status) => statuses.push(status),
    retryDelay: () => 0,
    ...extra,
  });
  return { seen, statuses, fetchMock, stream: open };
}

describe('openLiveStream', () => {
  it('hands each named event its parsed data and id, and skips the rest', async () => {
    const endpoint = liveEndpoint();
    const { seen } = follow(endpoint);
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    const connection = endpoint.latest();
    expect(connection.headers.Accept).toBe('text/event-stream');
    expect(connection.headers['Last-Event-ID']).toBeUndefined();

    connection.send('person', { name: 'Ann Smith' });
    connection.send('unknown', { whatever: true }, 1);
    connection.send('item', { item: { id: 'w1' } }, 2);
    await vi.waitFor(() => expect(seen).toEqual(['person Ann Smith #null', 'item w1 #2']));
  });

  it('after a dropped connection, connects again and resumes after the last event handled', async () => {
    const endpoint = liveEndpoint();
    const { seen, statuses } = follow(endpoint);
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    endpoint.latest().send('item', { item: { id: 'a' } }, 7);
    endpoint.latest().send('item', { item: { id: 'b' } }, 8);
    await vi.waitFor(() => expect(seen).toHaveLength(2));

    endpoint.latest().drop();
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(2));
    expect(endpoint.latest().headers['Last-Event-ID']).toBe('8');
    await vi.waitFor(() =>
      expect(statuses).toEqual(['connecting', 'open', 'waiting', 'connecting', 'open']),
    );

    // The server replays nothing older; a person event without an id does not move the mark.
    endpoint.latest().send('person', { name: null });
    endpoint.latest().send('item', { item: { id: 'c' } }, 9);
    await vi.waitFor(() => expect(seen).toContain('item c #9'));
    endpoint.latest().end();
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(3));
    expect(endpoint.latest().headers['Last-Event-ID']).toBe('9');
    expect(open?.lastEventId).toBe('9');
  });

  it('waits longer after each failure, and starts over once a connection opens', async () => {
    const endpoint = liveEndpoint();
    const delays: number[] = [];
    let failures = 2;
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      failures-- > 0 ? jsonResponse({}, 503) : endpoint.respond(String(input), init),
    );
    open = openLiveStream<Events>({
      url: '/staff/api/live',
      fetch: fetchMock as unknown as typeof fetch,
      on: {},
      retryDelay: (attempt) => {
        delays.push(attempt);
        return 0;
      },
    });
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    endpoint.latest().drop();
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(2));
    expect(delays).toEqual([0, 1, 0]);
  });

  it('gives up on an answer that asking again cannot change (not yours, signed out)', async () => {
    const gaveUp = vi.fn();
    const statuses: LiveStatus[] = [];
    const fetchMock = vi.fn(async () => jsonResponse({ error: { code: 'not_found' } }, 404));
    open = openLiveStream<Events>({
      url: '/chatkit/live?thread_id=thr_x',
      fetch: fetchMock as unknown as typeof fetch,
      on: {},
      retryDelay: () => 0,
      onGiveUp: gaveUp,
      onStatus: (status) => statuses.push(status),
    });
    await vi.waitFor(() => expect(gaveUp).toHaveBeenCalledWith(404));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual(['connecting', 'closed']);
  });

  it('asks for the headers at each connection, so a changed token is the one sent', async () => {
    const endpoint = liveEndpoint();
    let token = 'first';
    follow(endpoint, { headers: () => ({ 'X-Customer-Token': token }) });
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    expect(endpoint.latest().headers['X-Customer-Token']).toBe('first');
    token = 'second';
    endpoint.latest().drop();
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(2));
    expect(endpoint.latest().headers['X-Customer-Token']).toBe('second');
  });

  it('stops for good on close()', async () => {
    const endpoint = liveEndpoint();
    const { stream, statuses } = follow(endpoint);
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    stream.close();
    expect(endpoint.latest().closed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endpoint.connections).toHaveLength(1);
    expect(statuses.at(-1)).toBe('closed');
  });

  it('lets go of the connection while the page is in the back/forward cache', async () => {
    const endpoint = liveEndpoint();
    follow(endpoint);
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(1));
    endpoint.latest().send('item', { item: { id: 'a' } }, 3);
    await vi.waitFor(() => expect(open?.lastEventId).toBe('3'));

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(endpoint.latest().closed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endpoint.connections).toHaveLength(1);

    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await vi.waitFor(() => expect(endpoint.connections).toHaveLength(2));
    expect(endpoint.latest().headers['Last-Event-ID']).toBe('3');
  });
});

describe('backoffDelay', () => {
  it('doubles from one second up to thirty, less up to half at random', () => {
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(20, () => 0)).toBe(15_000);
  });
});
