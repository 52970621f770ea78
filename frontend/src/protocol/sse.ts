/**
 * An incremental server-sent events parser.
 *
 * Network chunks split the stream anywhere: inside a field name, between a
 * CR and its LF, or inside a multi-byte UTF-8 character. The parser keeps
 * whatever is incomplete and only ever emits whole events. ChatKit's replies
 * carry only `data` (`push`, `readSseData`); the live streams also name their
 * events and number them for resuming (`pushEvents`, `readSseEvents`).
 */

export interface SseEvent {
  /** The `id` the event carried, or null: a stream resumes after the last id it handled. */
  id: string | null;
  /** The `event` field; `message` when there was none, as the specification says. */
  event: string;
  data: string;
}

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private dataLines: string[] = [];
  private eventName = '';
  private eventId: string | null = null;
  private atStart = true;

  /** Feed a chunk; returns the `data` of every event it completed. */
  push(chunk: Uint8Array | string): string[] {
    return this.pushEvents(chunk).map((event) => event.data);
  }

  /** Feed a chunk; returns every event it completed. */
  pushEvents(chunk: Uint8Array | string): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text, false);
  }

  /**
   * The stream is over. An event without its closing blank line is dropped,
   * as the SSE specification says: it may be cut short.
   */
  end(): string[] {
    return this.endEvents().map((event) => event.data);
  }

  endEvents(): SseEvent[] {
    const events = this.consume(this.decoder.decode(), true);
    this.buffer = '';
    this.resetEvent();
    return events;
  }

  private consume(text: string, final: boolean): SseEvent[] {
    let input = this.buffer + text;
    if (this.atStart && input.length > 0) {
      this.atStart = false;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    const events: SseEvent[] = [];
    let lineStart = 0;
    let index = 0;
    while (index < input.length) {
      const char = input[index];
      if (char !== '\n' && char !== '\r') {
        index += 1;
        continue;
      }
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (char === '\r' && index === input.length - 1 && !final) break;
      const line = input.slice(lineStart, index);
      index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
      lineStart = index;
      const event = this.line(line);
      if (event !== null) events.push(event);
    }
    this.buffer = input.slice(lineStart);
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      // A block without data is no event (keep-alives, a lone `id:`).
      const event =
        this.dataLines.length === 0
          ? null
          : {
              id: this.eventId,
              event: this.eventName || 'message',
              data: this.dataLines.join('\n'),
            };
      this.resetEvent();
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.dataLines.push(value);
    else if (field === 'event') this.eventName = value;
    // The specification ignores an id with a NUL in it.
    else if (field === 'id' && !value.includes('\0')) this.eventId = value;
    return null;
  }

  private resetEvent(): void {
    this.dataLines = [];
    this.eventName = '';
    this.eventId = null;
  }
}

/** Yields each event in a response body as it arrives. */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.pushEvents(value);
    }
    yield* parser.endEvents();
  } finally {
    // Cancelling (not just releasing) tells fetch to drop the connection
    // when the consumer stops early.
    await reader.cancel().catch(() => undefined);
  }
}

/** Yields the `data` of each event in a response body as it arrives. */
export async function* readSseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  for await (const event of readSseEvents(body)) yield event.data;
}
