import { describe, expect, it, vi } from 'vitest';
import { ChatKitClient, textInput } from '../../src/protocol';
import { jsonResponse, sseResponse } from '../helpers/sse';

/** A fetch whose answers the test hands out one by one. */
function gatedFetch() {
  const pending: Array<(response: Response | Error) => void> = [];
  const fetchMock = vi.fn(
    () =>
      new Promise<Response>((resolve, reject) => {
        pending.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
      }),
  );
  return { fetchMock, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ChatKitClient before its first answer', () => {
  // The server names a new visitor in a cookie on its first answer: two
  // requests without the cookie would make two visitors.
  it('sends one request at a time until one is answered, then all at once', async () => {
    const { fetchMock, pending } = gatedFetch();
    const client = new ChatKitClient({ fetch: fetchMock as unknown as typeof fetch });

    const list = client.listThreads();
    const created = client.createThread(textInput('hi')).next();
    await tick();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    pending[0]?.(jsonResponse({ data: [], has_more: false, after: null }));
    await list;
    await tick();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    pending[1]?.(sseResponse([]));
    await created;

    // Answered once: later requests no longer wait for each other.
    const first = client.listThreads();
    const second = client.listThreads();
    await tick();
    expect(fetchMock).toHaveBeenCalledTimes(4);
    pending[2]?.(jsonResponse({ data: [], has_more: false, after: null }));
    pending[3]?.(jsonResponse({ data: [], has_more: false, after: null }));
    await Promise.all([first, second]);
  });

  it('lets the next request go first when the first one fails', async () => {
    const { fetchMock, pending } = gatedFetch();
    const client = new ChatKitClient({ fetch: fetchMock as unknown as typeof fetch });

    const failing = client.listThreads();
    const next = client.listThreads();
    const third = client.listThreads();
    await tick();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    pending[0]?.(new TypeError('Failed to fetch'));
    await expect(failing).rejects.toMatchObject({ kind: 'network' });
    await tick();
    // Still no answer: the next one goes alone.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    pending[1]?.(jsonResponse({ data: [], has_more: false, after: null }));
    await next;
    await tick();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    pending[2]?.(jsonResponse({ data: [], has_more: false, after: null }));
    await third;
  });
});
