import type { ThreadStreamEvent } from '../../src/protocol';

const encoder = new TextEncoder();

export function sseText(events: readonly unknown[]): string {
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
}

/** A streaming Response whose body arrives in the given chunks. */
export function chunkedResponse(
  chunks: readonly (string | Uint8Array)[],
  init: ResponseInit = {},
): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
    ...init,
  });
}

export function sseResponse(events: readonly ThreadStreamEvent[] | readonly unknown[]): Response {
  return chunkedResponse([sseText(events)]);
}

/** A stream that sends `first` and then waits, until the request is aborted. */
export function hangingResponse(
  first: readonly unknown[],
  signal: AbortSignal | null | undefined,
): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(sseText(first)));
      signal?.addEventListener('abort', () => {
        controller.error(new DOMException('The operation was aborted.', 'AbortError'));
      });
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export interface ControlledStream {
  response: Response;
  push(...events: unknown[]): void;
  close(): void;
}

/** A stream the test feeds event by event, to look at the page in between. */
export function controlledStream(signal?: AbortSignal | null): ControlledStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  signal?.addEventListener('abort', () => {
    try {
      controller.error(new DOMException('The operation was aborted.', 'AbortError'));
    } catch {
      // Already closed.
    }
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (...events) => controller.enqueue(encoder.encode(sseText(events))),
    close: () => controller.close(),
  };
}
