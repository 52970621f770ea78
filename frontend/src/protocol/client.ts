/**
 * A typed client for the ChatKit endpoint: one POST per request, answered
 * either as JSON or as a stream of `data: <json>` server-sent events.
 */

import { toAction, type FormValues } from './actions';
import { ChatKitError, errorFromResponse } from './errors';
import { openLiveStream, type LiveStream, type LiveStreamOptions } from './live';
import { readSseData } from './sse';
import type {
  ChatKitRequest,
  FeedbackKind,
  JsonRequest,
  ListParams,
  Page,
  StreamingRequest,
  Thread,
  ThreadItem,
  ThreadLiveEvents,
  ThreadStreamEvent,
  UserMessageInput,
} from './types';
import type { ActionConfig } from './widgets';

export interface ChatKitClientOptions {
  url?: string;
  fetch?: typeof fetch;
  /**
   * A store-signed token naming the logged-in customer (embedded mode), sent
   * as `X-Customer-Token` with every request; a function is asked each time.
   */
  customerToken?: string | null | (() => string | null);
}

export const CUSTOMER_TOKEN_HEADER = 'X-Customer-Token';

export interface CallOptions {
  signal?: AbortSignal;
}

export type EventStream = AsyncGenerator<ThreadStreamEvent, void, undefined>;

export class ChatKitClient {
  private readonly url: string;
  private readonly fetchImpl: typeof fetch;
  private readonly customerToken: () => string | null;
  /**
   * Settles when the first request in flight has its answer. The server names
   * a new visitor in a cookie on its first answer; two requests sent before
   * that would make two visitors, and a thread created by one would be
   * missing for the other. So until an answer is in, requests go one by one.
   */
  private firstAnswer: Promise<void> | null = null;
  private answered = false;

  constructor(options: ChatKitClientOptions = {}) {
    this.url = options.url ?? '/chatkit';
    // Bound late so tests can replace the global fetch after construction.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const token = options.customerToken ?? null;
    this.customerToken = typeof token === 'function' ? token : () => token;
  }

  // Streaming requests

  createThread(input: UserMessageInput, options?: CallOptions): EventStream {
    return this.stream({ type: 'threads.create', params: { input } }, options);
  }

  addUserMessage(threadId: string, input: UserMessageInput, options?: CallOptions): EventStream {
    return this.stream(
      { type: 'threads.add_user_message', params: { thread_id: threadId, input } },
      options,
    );
  }

  customAction(
    threadId: string,
    itemId: string | null,
    action: ActionConfig,
    formValues: FormValues = {},
    options?: CallOptions,
  ): EventStream {
    return this.stream(
      {
        type: 'threads.custom_action',
        params: { thread_id: threadId, item_id: itemId, action: toAction(action, formValues) },
      },
      options,
    );
  }

  retryAfterItem(threadId: string, itemId: string, options?: CallOptions): EventStream {
    return this.stream(
      { type: 'threads.retry_after_item', params: { thread_id: threadId, item_id: itemId } },
      options,
    );
  }

  // JSON requests

  getThread(threadId: string, options?: CallOptions): Promise<Thread> {
    return this.json<Thread>(
      { type: 'threads.get_by_id', params: { thread_id: threadId } },
      options,
    );
  }

  listItems(
    threadId: string,
    params: ListParams = {},
    options?: CallOptions,
  ): Promise<Page<ThreadItem>> {
    return this.json<Page<ThreadItem>>(
      { type: 'items.list', params: { thread_id: threadId, ...params } },
      options,
    );
  }

  listThreads(params: ListParams = {}, options?: CallOptions): Promise<Page<Thread>> {
    return this.json<Page<Thread>>({ type: 'threads.list', params }, options);
  }

  renameThread(threadId: string, title: string, options?: CallOptions): Promise<Thread> {
    return this.json<Thread>(
      { type: 'threads.update', params: { thread_id: threadId, title } },
      options,
    );
  }

  async deleteThread(threadId: string, options?: CallOptions): Promise<void> {
    await this.json<unknown>({ type: 'threads.delete', params: { thread_id: threadId } }, options);
  }

  async feedback(
    threadId: string,
    itemIds: string[],
    kind: FeedbackKind,
    options?: CallOptions,
  ): Promise<void> {
    await this.json<unknown>(
      { type: 'items.feedback', params: { thread_id: threadId, item_ids: itemIds, kind } },
      options,
    );
  }

  // The thread's live stream

  /**
   * Follow what others add to a thread (a person's replies) until `close()`.
   * Authorised like every other call: the visitor cookie, or the customer token.
   */
  live(
    threadId: string,
    options: Omit<LiveStreamOptions<ThreadLiveEvents>, 'url' | 'fetch' | 'headers'>,
  ): LiveStream {
    return openLiveStream<ThreadLiveEvents>({
      ...options,
      url: `${this.url}/live?${new URLSearchParams({ thread_id: threadId })}`,
      fetch: this.fetchImpl,
      headers: (): Record<string, string> => {
        const token = this.customerToken();
        return token ? { [CUSTOMER_TOKEN_HEADER]: token } : {};
      },
    });
  }

  // Transport

  async json<T>(request: JsonRequest, options: CallOptions = {}): Promise<T> {
    const response = await this.post(request, 'application/json', options.signal);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new ChatKitError(
        'protocol',
        'invalid_response',
        'The server sent an unreadable answer.',
        {
          cause,
        },
      );
    }
  }

  async *stream(request: StreamingRequest, options: CallOptions = {}): EventStream {
    const response = await this.post(request, 'text/event-stream', options.signal);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream') || response.body === null) {
      throw new ChatKitError('protocol', 'not_a_stream', 'The server did not stream a reply.', {
        status: response.status,
      });
    }
    for await (const data of readSseData(response.body)) {
      yield parseEvent(data);
    }
  }

  private async post(
    request: ChatKitRequest,
    accept: string,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const settle = await this.takeTurnUntilAnswered();
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: accept };
    const token = this.customerToken();
    if (token) headers[CUSTOMER_TOKEN_HEADER] = token;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        credentials: 'same-origin',
        signal: signal ?? null,
      });
    } catch (cause) {
      settle?.(false);
      if (signal?.aborted) throw cause;
      throw new ChatKitError(
        'network',
        'network_error',
        "Can't reach the assistant. Check your connection and try again.",
        { cause },
      );
    }
    settle?.(response.ok);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  /**
   * Until a request has been answered, wait for the one in flight; then go
   * first. Returns how to report this request's outcome, or null once any
   * answer is in and requests go freely.
   */
  private async takeTurnUntilAnswered(): Promise<((ok: boolean) => void) | null> {
    while (!this.answered && this.firstAnswer) await this.firstAnswer;
    if (this.answered) return null;
    let done: () => void = () => undefined;
    this.firstAnswer = new Promise((resolve) => (done = resolve));
    return (ok) => {
      if (ok) this.answered = true;
      this.firstAnswer = null;
      done();
    };
  }
}

function parseEvent(data: string): ThreadStreamEvent {
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch (cause) {
    throw new ChatKitError('protocol', 'invalid_event', 'The reply could not be read.', { cause });
  }
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof (event as { type?: unknown }).type !== 'string'
  ) {
    throw new ChatKitError('protocol', 'invalid_event', 'The reply could not be read.');
  }
  return event as ThreadStreamEvent;
}
