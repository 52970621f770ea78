/**
 * An incremental server-sent events parser.
 *
 * Network chunks split the stream anywhere: inside a field name, between a
 * CR and its LF, or inside a multi-byte UTF-8 character. The parser keeps
 * whatever is incomplete and only ever emits whole events. Only `data`
 * matters to ChatKit (its server sends no event names), so other fields
 * are read and dropped.
 */

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private dataLines: string[] = [];
  private atStart = true;

  /** Feed a chunk; returns the `data` of every event it completed. */
  push(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text, false);
  }

  /**
   * The stream is over. An event without its closing blank line is dropped,
   * as the SSE specification says: it may be cut short.
   */
  end(): string[] {
    const events = this.consume(this.decoder.decode(), true);
    this.buffer = '';
    this.dataLines = [];
    return events;
  }

  private consume(text: string, final: boolean): string[] {
    let input = this.buffer + text;
    if (this.atStart && input.length > 0) {
      this.atStart = false;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    const events: string[] = [];
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

  private line(line: string): string | null {
    if (line === '') {
      if (this.dataLines.length === 0) return null;
      const data = this.dataLines.join('\n');
      this.dataLines = [];
      return data;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.dataLines.push(value);
    return null;
  }
}

/** Yields the `data` of each event in a response body as it arrives. */
export async function* readSseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const parser = new SseParser();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(value);
    }
    yield* parser.end();
  } finally {
    // Cancelling (not just releasing) tells fetch to drop the connection
    // when the consumer stops early.
    await reader.cancel().catch(() => undefined);
  }
}
