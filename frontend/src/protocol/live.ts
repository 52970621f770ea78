/**
 * A server-sent event stream that stays open: the staff console's
 * `/staff/api/live` and the shopper's `/chatkit/live`.
 *
 * fetch() rather than EventSource, because the shopper's stream needs the
 * `X-Customer-Token` header in embedded mode, which EventSource cannot send.
 * What EventSource would do, this does too: when the connection drops or the
 * server ends it, connect again (waiting longer after each failure) and send
 * `Last-Event-ID` with the id of the last event handled, so the server
 * replays what was missed. A 4xx answer (signed out, not your thread) will
 * not change by asking again, so the stream gives up instead.
 */

import { readSseEvents, type SseEvent } from './sse';

/** Handlers by event name, each given the event's parsed JSON `data`. */
export type LiveHandlers<Events> = {
  [Name in keyof Events]?: (data: Events[Name], id: string | null) => void;
};

/**
 * `connecting` (first time or again), `open` (the server answered with a
 * stream), `waiting` (to connect again), `closed` (by `close()`, or given up).
 */
export type LiveStatus = 'connecting' | 'open' | 'waiting' | 'closed';

export interface LiveStreamOptions<Events> {
  url: string;
  on: LiveHandlers<Events>;
  fetch?: typeof fetch;
  /** Asked at each connection, so a token that changed in between is the one sent. */
  headers?: () => Record<string, string>;
  /** Resume after this id from the start (a stream opened again after a pause). */
  lastEventId?: string | null;
  onStatus?: (status: LiveStatus) => void;
  /** The server refused with this status (4xx): the stream is closed for good. */
  onGiveUp?: (status: number) => void;
  /** Milliseconds to wait before connection attempt `attempt + 1` (0 after a connection that opened). */
  retryDelay?: (attempt: number) => number;
}

export interface LiveStream {
  close(): void;
  /** The id of the last event handled; the next connection resumes after it. */
  readonly lastEventId: string | null;
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * Doubling from one second up to thirty, each wait cut by up to half at
 * random: after a server restart, every open page must not come back at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

// Asking again cannot help: the request itself is refused. Timeouts and rate limits can pass.
const isPermanent = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

export function openLiveStream<Events>(options: LiveStreamOptions<Events>): LiveStream {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retryDelay = options.retryDelay ?? backoffDelay;
  let lastEventId = options.lastEventId ?? null;
  let closed = false;
  // While the page is hidden in the back/forward cache the stream holds no connection.
  let suspended = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  // Each connection's number: a connection ended by a pause must not schedule another.
  let generation = 0;

  const status = (next: LiveStatus) => options.onStatus?.(next);

  const deliver = (event: SseEvent) => {
    const handler = (
      options.on as Record<string, ((data: unknown, id: string | null) => void) | undefined>
    )[event.event];
    try {
      if (handler) handler(JSON.parse(event.data) as unknown, event.id);
    } catch (error) {
      // A bad event or a failing handler must not end the stream (it would replay
      // the same event forever); report it the way an uncaught error would be.
      setTimeout(() => {
        throw error;
      });
    } finally {
      if (event.id !== null) lastEventId = event.id;
    }
  };

  const connect = async () => {
    if (closed || suspended) return;
    const mine = ++generation;
    const abort = new AbortController();
    controller = abort;
    status('connecting');
    let retry = true;
    try {
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        ...options.headers?.(),
      };
      if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
      const response = await fetchImpl(options.url, {
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: abort.signal,
      });
      const type = response.headers.get('content-type') ?? '';
      if (isPermanent(response.status)) {
        retry = false;
        closed = true;
        status('closed');
        options.onGiveUp?.(response.status);
      } else if (response.ok && type.includes('text/event-stream') && response.body) {
        attempt = 0;
        status('open');
        for await (const event of readSseEvents(response.body)) {
          if (abort.signal.aborted || mine !== generation) break;
          deliver(event);
        }
      }
      // Anything else (a 5xx, a proxy's page) is worth another try later.
    } catch {
      // The connection dropped, or was aborted by close() or a pause.
    }
    if (controller === abort) controller = null;
    if (!retry || closed || suspended || mine !== generation) return;
    status('waiting');
    timer = setTimeout(() => void connect(), retryDelay(attempt));
    attempt += 1;
  };

  const pause = () => {
    suspended = true;
    clearTimeout(timer);
    generation += 1;
    controller?.abort();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || closed || !suspended) return;
    suspended = false;
    attempt = 0;
    void connect();
  };
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('pagehide', pause);
    window.addEventListener('pageshow', onPageShow);
  }

  void connect();

  return {
    close() {
      if (hasWindow) {
        window.removeEventListener('pagehide', pause);
        window.removeEventListener('pageshow', onPageShow);
      }
      if (closed) return;
      pause();
      closed = true;
      status('closed');
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
