import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { TOKEN_STORAGE_KEY, takeCustomerToken } from '../../src/app/customer-token';
import { ChatKitClient } from '../../src/protocol';
import { replyEvents, thread, userItem } from '../helpers/fixtures';
import { mockServer } from '../helpers/mock-server';
import { jsonResponse, sseResponse } from '../helpers/sse';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0XzEifQ.c2lnbmF0dXJl';

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return (init?.headers ?? {}) as Record<string, string>;
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the customer token of embedded mode', () => {
  it('is taken from the URL fragment, kept for the tab and removed from the address bar', () => {
    window.history.replaceState(null, '', `/?lang=en#customer_token=${TOKEN}`);
    const entries = window.history.length;

    expect(takeCustomerToken()).toBe(TOKEN);
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(window.location.href).not.toContain(TOKEN);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/?lang=en',
    );
    // Replaced, not pushed: Back does not bring the token back.
    expect(window.history.length).toBe(entries);
  });

  it('leaves the rest of the fragment alone', () => {
    window.history.replaceState(null, '', `/#customer_token=${TOKEN}&view=compact`);
    expect(takeCustomerToken()).toBe(TOKEN);
    expect(window.location.hash).toBe('#view=compact');
  });

  it('survives a reload through sessionStorage', () => {
    window.history.replaceState(null, '', `/#customer_token=${TOKEN}`);
    takeCustomerToken();
    // The reloaded page's address has no token any more.
    expect(window.location.hash).toBe('');
    expect(takeCustomerToken()).toBe(TOKEN);
  });

  it('is replaced by a newer one and forgotten with an empty value', () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, 'older');
    window.history.replaceState(null, '', '/#customer_token=newer');
    expect(takeCustomerToken()).toBe('newer');
    window.history.replaceState(null, '', '/#customer_token=');
    expect(takeCustomerToken()).toBeNull();
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(window.location.hash).toBe('');
  });

  it('is null when there is none, and when storage is off', () => {
    expect(takeCustomerToken()).toBeNull();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(takeCustomerToken()).toBeNull();
  });

  it('goes out as X-Customer-Token on every /chatkit call, and nowhere else', async () => {
    window.history.replaceState(null, '', `/#customer_token=${TOKEN}`);
    const server = mockServer();
    server.next('threads.create', () =>
      sseResponse([
        { type: 'thread.created', thread: thread('thr_1') },
        { type: 'thread.item.done', item: userItem('u1', 'hi') },
        ...replyEvents('a1', ['Hello']),
      ]),
    );
    server.next('threads.update', () => jsonResponse({ ...thread('thr_1'), title: 'hi' }));

    render(<App fetchImpl={server.fetch} customerToken={takeCustomerToken()} />);
    await userEvent.type(await screen.findByTestId('composer-input'), 'hi{Enter}');
    await waitFor(() => expect(server.ofType('threads.update')).toHaveLength(1));

    const calls = vi.mocked(server.fetch).mock.calls;
    const chatkit = calls.filter(([url]) => String(url).endsWith('/chatkit'));
    expect(chatkit.map(([, init]) => JSON.parse(String(init?.body)).type)).toEqual([
      'threads.list',
      'threads.create',
      'threads.update',
    ]);
    for (const [, init] of chatkit) {
      expect(headersOf(init)['X-Customer-Token']).toBe(TOKEN);
    }
    // The open thread's live stream is a /chatkit call too, authorised the same way.
    await waitFor(() =>
      expect(calls.some(([url]) => String(url).startsWith('/chatkit/live?'))).toBe(true),
    );
    const live = calls.filter(([url]) => String(url).startsWith('/chatkit/live?'));
    for (const [, init] of live) {
      expect(headersOf(init)['X-Customer-Token']).toBe(TOKEN);
    }
    const others = calls.filter(
      ([url]) => !String(url).endsWith('/chatkit') && !String(url).startsWith('/chatkit/live?'),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const [, init] of others) {
      expect(headersOf(init)['X-Customer-Token']).toBeUndefined();
    }
  });

  it('is not sent when the page has none', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ data: [], has_more: false, after: null }));
    const client = new ChatKitClient({ fetch: fetchMock as unknown as typeof fetch });
    await client.listThreads();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(headersOf(init)).not.toHaveProperty('X-Customer-Token');
  });
});
