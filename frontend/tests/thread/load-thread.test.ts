import { describe, expect, it } from 'vitest';
import { ChatKitClient, type ChatKitRequest } from '../../src/protocol';
import { loadThread } from '../../src/thread/load-thread';
import { assistantItem, thread, userItem } from '../helpers/fixtures';
import { jsonResponse } from '../helpers/sse';

describe('loadThread', () => {
  it('pages in the items that threads.get_by_id leaves out', async () => {
    const requests: ChatKitRequest[] = [];
    const first = {
      ...thread('thr_1', [userItem('u1', 'a'), assistantItem('a1', 'b')]),
      items: { data: [userItem('u1', 'a'), assistantItem('a1', 'b')], has_more: true, after: 'a1' },
    };
    const pages: Record<string, unknown> = {
      a1: { data: [userItem('u2', 'c'), assistantItem('a2', 'd')], has_more: true, after: 'a2' },
      a2: { data: [userItem('u3', 'e')], has_more: false, after: null },
    };
    const client = new ChatKitClient({
      fetch: (async (_url: string, init: RequestInit) => {
        const request = JSON.parse(String(init.body)) as ChatKitRequest;
        requests.push(request);
        if (request.type === 'threads.get_by_id') return jsonResponse(first);
        if (request.type === 'items.list') return jsonResponse(pages[request.params.after ?? '']);
        throw new Error('unexpected');
      }) as unknown as typeof fetch,
    });
    const loaded = await loadThread(client, 'thr_1');
    expect(loaded.items.map((item) => item.id)).toEqual(['u1', 'a1', 'u2', 'a2', 'u3']);
    expect(loaded.thread).not.toHaveProperty('items');
    expect(requests.slice(1)).toEqual([
      { type: 'items.list', params: { thread_id: 'thr_1', order: 'asc', after: 'a1', limit: 50 } },
      { type: 'items.list', params: { thread_id: 'thr_1', order: 'asc', after: 'a2', limit: 50 } },
    ]);
  });
});
