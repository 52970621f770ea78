import { describe, expect, it, vi } from 'vitest';
import {
  ChatKitClient,
  ChatKitError,
  type ChatKitRequest,
  type ThreadStreamEvent,
} from '../../src/protocol';
import {
  chunkedResponse,
  hangingResponse,
  jsonResponse,
  sseResponse,
  sseText,
} from '../helpers/sse';
import { replyEvents, thread, userItem } from '../helpers/fixtures';

function clientAnswering(
  answer: (request: ChatKitRequest, init: RequestInit) => Response | Promise<Response>,
) {
  const calls: Array<{ url: string; init: RequestInit; body: ChatKitRequest }> = [];
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as ChatKitRequest;
    calls.push({ url: String(url), init, body });
    return answer(body, init);
  });
  return { client: new ChatKitClient({ fetch: fetchMock as unknown as typeof fetch }), calls };
}

async function collect(stream: AsyncIterable<ThreadStreamEvent>): Promise<ThreadStreamEvent[]> {
  const events: ThreadStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('ChatKitClient streaming requests', () => {
  it('creates a thread and yields each event as it streams', async () => {
    const events: ThreadStreamEvent[] = [
      { type: 'thread.created', thread: thread() },
      ...replyEvents('msg_1', ['Hi ', 'there']),
    ];
    const { client, calls } = clientAnswering(() => sseResponse(events));
    const got = await collect(
      client.createThread({
        content: [{ type: 'input_text', text: 'hi' }],
        attachments: [],
        inference_options: {},
      }),
    );
    expect(got).toEqual(events);
    expect(calls[0]?.url).toBe('/chatkit');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(calls[0]?.body).toEqual({
      type: 'threads.create',
      params: {
        input: {
          content: [{ type: 'input_text', text: 'hi' }],
          attachments: [],
          inference_options: {},
        },
      },
    });
  });

  it('sends add_user_message, retry_after_item and custom_action with their params', async () => {
    const { client, calls } = clientAnswering(() => sseResponse([]));
    await collect(
      client.addUserMessage('thr_1', {
        content: [{ type: 'input_text', text: 'next' }],
        attachments: [],
        inference_options: {},
      }),
    );
    await collect(client.retryAfterItem('thr_1', 'msg_u'));
    await collect(
      client.customAction(
        'thr_1',
        'wid_1',
        { type: 'items.select', payload: { order: 'A1' }, loadingBehavior: 'container' },
        { sku: 'S-1', gift: true },
      ),
    );
    expect(calls.map((call) => call.body)).toEqual([
      {
        type: 'threads.add_user_message',
        params: {
          thread_id: 'thr_1',
          input: {
            content: [{ type: 'input_text', text: 'next' }],
            attachments: [],
            inference_options: {},
          },
        },
      },
      { type: 'threads.retry_after_item', params: { thread_id: 'thr_1', item_id: 'msg_u' } },
      {
        type: 'threads.custom_action',
        params: {
          thread_id: 'thr_1',
          item_id: 'wid_1',
          action: { type: 'items.select', payload: { order: 'A1', sku: 'S-1', gift: true } },
        },
      },
    ]);
  });

  it('parses events split across network chunks', async () => {
    const text = sseText(replyEvents('msg_1', ['Hé', 'llo ', '👋']));
    const bytes = new TextEncoder().encode(text);
    const chunks = [
      bytes.slice(0, 7),
      bytes.slice(7, 200),
      bytes.slice(200, 201),
      bytes.slice(201),
    ];
    const { client } = clientAnswering(() => chunkedResponse(chunks));
    const got = await collect(client.retryAfterItem('thr_1', 'x'));
    expect(got).toEqual(replyEvents('msg_1', ['Hé', 'llo ', '👋']));
  });

  it('passes error and notice events through for the UI to show', async () => {
    const events = [
      { type: 'notice', level: 'warning', message: 'Orders over **90 days** cannot be returned.' },
      { type: 'error', code: 'stream.error', allow_retry: true },
    ];
    const { client } = clientAnswering(() => sseResponse(events));
    expect(await collect(client.retryAfterItem('thr_1', 'x'))).toEqual(events);
  });

  it('stops when aborted', async () => {
    const { client } = clientAnswering((_request, init) =>
      hangingResponse([replyEvents('m', ['a'])[0]], init.signal),
    );
    const controller = new AbortController();
    const seen: ThreadStreamEvent[] = [];
    const run = (async () => {
      for await (const event of client.retryAfterItem('thr_1', 'x', {
        signal: controller.signal,
      })) {
        seen.push(event);
        controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });

  it('turns a JSON error answer into a ChatKitError with the server message', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse({ error: { code: 'not_found', message: 'Thread thr_x was not found.' } }, 404),
    );
    const error = await collect(
      client.addUserMessage('thr_x', { content: [], attachments: [], inference_options: {} }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatKitError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      code: 'not_found',
      message: 'Thread thr_x was not found.',
      allowRetry: false,
    });
  });

  it('falls back to a message by status when the error body is not JSON', async () => {
    const { client } = clientAnswering(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(client.listThreads()).rejects.toMatchObject({
      status: 502,
      allowRetry: true,
      message: expect.stringMatching(/our side/),
    });
  });

  it('reports a network failure as retryable', async () => {
    const client = new ChatKitClient({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
    });
    await expect(client.listThreads()).rejects.toMatchObject({ kind: 'network', allowRetry: true });
  });

  it('rejects a streaming answer that is not an event stream', async () => {
    const { client } = clientAnswering(() => jsonResponse({ ok: true }));
    await expect(collect(client.retryAfterItem('thr_1', 'x'))).rejects.toMatchObject({
      kind: 'protocol',
      code: 'not_a_stream',
    });
  });

  it('rejects an event that is not JSON', async () => {
    const { client } = clientAnswering(() => chunkedResponse(['data: {not json\n\n']));
    await expect(collect(client.retryAfterItem('thr_1', 'x'))).rejects.toMatchObject({
      kind: 'protocol',
      code: 'invalid_event',
    });
  });
});

describe('ChatKitClient JSON requests', () => {
  it('gets a thread, lists items, lists, renames and deletes threads, and sends feedback', async () => {
    const answers: Record<string, unknown> = {
      'threads.get_by_id': thread('thr_1', [userItem('u1', 'hi')]),
      'items.list': { data: [], has_more: false, after: null },
      'threads.list': { data: [thread('thr_2')], has_more: true, after: 'thr_2' },
      'threads.update': thread('thr_1', [], 'Renamed'),
      'threads.delete': {},
      'items.feedback': {},
    };
    const { client, calls } = clientAnswering((request) => jsonResponse(answers[request.type]));
    expect((await client.getThread('thr_1')).items.data).toHaveLength(1);
    await client.listItems('thr_1', { after: 'u1', order: 'asc', limit: 50 });
    expect((await client.listThreads({ limit: 30, order: 'desc' })).has_more).toBe(true);
    expect((await client.renameThread('thr_1', 'Renamed')).title).toBe('Renamed');
    await client.deleteThread('thr_1');
    await client.feedback('thr_1', ['msg_1'], 'negative');
    expect(calls.map((call) => call.body)).toEqual([
      { type: 'threads.get_by_id', params: { thread_id: 'thr_1' } },
      { type: 'items.list', params: { thread_id: 'thr_1', after: 'u1', order: 'asc', limit: 50 } },
      { type: 'threads.list', params: { limit: 30, order: 'desc' } },
      { type: 'threads.update', params: { thread_id: 'thr_1', title: 'Renamed' } },
      { type: 'threads.delete', params: { thread_id: 'thr_1' } },
      {
        type: 'items.feedback',
        params: { thread_id: 'thr_1', item_ids: ['msg_1'], kind: 'negative' },
      },
    ]);
    expect(
      calls.every(
        (call) =>
          (call.init.headers as Record<string, string>)['Content-Type'] === 'application/json',
      ),
    ).toBe(true);
  });
});
