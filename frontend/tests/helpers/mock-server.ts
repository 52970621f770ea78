/**
 * A fake ChatKit endpoint for tests: records every request body and answers
 * each request type with a queued or default handler.
 */

import { vi } from 'vitest';
import type { ChatKitRequest } from '../../src/protocol';
import { jsonResponse } from './sse';

export type Handler = (request: ChatKitRequest, init: RequestInit) => Response | Promise<Response>;
export type LiveHandler = (url: URL, init: RequestInit) => Response | Promise<Response>;

export interface MockServer {
  fetch: typeof fetch;
  requests: ChatKitRequest[];
  /** Answer the next request of this type with `handler` (queued, first in first out). */
  next(type: ChatKitRequest['type'], handler: Handler): void;
  /** Answer every request of this type with `handler` unless one is queued. */
  always(type: ChatKitRequest['type'], handler: Handler): void;
  branding: Record<string, unknown>;
  /** Answers `GET /chatkit/live`; by default 404, which ends the thread's live stream. */
  live: LiveHandler;
  ofType<T extends ChatKitRequest['type']>(type: T): Extract<ChatKitRequest, { type: T }>[];
}

export function mockServer(): MockServer {
  const queued = new Map<string, Handler[]>();
  const defaults = new Map<string, Handler>();
  const requests: ChatKitRequest[] = [];
  const server: MockServer = {
    requests,
    branding: {
      name: 'Acme Outfitters',
      tagline: 'Help with your orders',
      logo_url: null,
      primary_color: '#0f766e',
      favicon_url: null,
    },
    next(type, handler) {
      queued.set(type, [...(queued.get(type) ?? []), handler]);
    },
    live: () =>
      jsonResponse({ error: { code: 'not_found', message: 'No live stream here.' } }, 404),
    always(type, handler) {
      defaults.set(type, handler);
    },
    ofType(type) {
      return requests.filter((request) => request.type === type) as never;
    },
    fetch: vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/branding')) return jsonResponse(server.branding);
      if (url.includes('/chatkit/live')) return server.live(new URL(url, 'http://localhost'), init);
      if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      const request = JSON.parse(String(init.body)) as ChatKitRequest;
      requests.push(request);
      const handler = queued.get(request.type)?.shift() ?? defaults.get(request.type);
      if (handler) return handler(request, init);
      if (request.type === 'threads.list')
        return jsonResponse({ data: [], has_more: false, after: null });
      if (request.type === 'items.feedback' || request.type === 'threads.delete')
        return jsonResponse({});
      return jsonResponse(
        { error: { code: 'not_found', message: `No handler for ${request.type}` } },
        404,
      );
    }) as unknown as typeof fetch,
  };
  return server;
}
