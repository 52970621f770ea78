/**
 * A fake live endpoint (`/staff/api/live`, `/chatkit/live`): each connection
 * is a stream the test feeds named, numbered events into, or cuts off.
 */

const encoder = new TextEncoder();

export interface LiveConnection {
  url: string;
  headers: Record<string, string>;
  /** Sends `event: name`, `data: json`, and `id: id` when given. */
  send(name: string, data: unknown, id?: number | string): void;
  /** Ends the response normally, as a server closing the stream does. */
  end(): void;
  /** Breaks the connection, as a network drop does. */
  drop(): void;
  closed: boolean;
}

export interface LiveEndpoint {
  connections: LiveConnection[];
  /** Answers one request to the live endpoint with a new connection. */
  respond(url: string, init: RequestInit | undefined): Response;
  /** The newest connection. */
  latest(): LiveConnection;
}

export function sseEventText(name: string, data: unknown, id?: number | string): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveEndpoint(): LiveEndpoint {
  const connections: LiveConnection[] = [];
  return {
    connections,
    latest() {
      const last = connections.at(-1);
      if (!last) throw new Error('no live connection yet');
      return last;
    },
    respond(url, init) {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      const connection: LiveConnection = {
        url,
        headers: { ...((init?.headers ?? {}) as Record<string, string>) },
        closed: false,
        send(name, data, id) {
          controller.enqueue(encoder.encode(sseEventText(name, data, id)));
        },
        end() {
          connection.closed = true;
          controller.close();
        },
        drop() {
          connection.closed = true;
          controller.error(new TypeError('network error'));
        },
      };
      init?.signal?.addEventListener('abort', () => {
        connection.closed = true;
        try {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        } catch {
          // Already over.
        }
      });
      connections.push(connection);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': 'text/event-stream' },
      });
    },
  };
}
