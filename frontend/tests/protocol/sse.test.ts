import { describe, expect, it } from 'vitest';
import { SseParser, readSseData, readSseEvents } from '../../src/protocol/sse';
import { chunkedResponse } from '../helpers/sse';

const encoder = new TextEncoder();

function parseInChunks(bytes: Uint8Array, cuts: number[]): string[] {
  const parser = new SseParser();
  const out: string[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(...parser.push(bytes.slice(start, cut)));
    start = cut;
  }
  out.push(...parser.end());
  return out;
}

const STREAM = [
  'data: {"type":"thread.created","thread":{"id":"thr_1"}}\n\n',
  ': a comment line\n',
  'event: ignored\nid: 7\nretry: 1000\n',
  'data: {"type":"progress_update","text":"Looking up your order… ✓ 📦"}\r\n\r\n',
  'data:{"no":"space"}\r\r',
  'data: first line\ndata: second line\n\n',
].join('');

const EXPECTED = [
  '{"type":"thread.created","thread":{"id":"thr_1"}}',
  '{"type":"progress_update","text":"Looking up your order… ✓ 📦"}',
  '{"no":"space"}',
  'first line\nsecond line',
];

describe('SseParser', () => {
  it('parses a whole stream', () => {
    expect(parseInChunks(encoder.encode(STREAM), [])).toEqual(EXPECTED);
  });

  it('gives the same events whichever single byte the stream is split at', () => {
    const bytes = encoder.encode(STREAM);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(parseInChunks(bytes, [cut]), `split at byte ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events when every byte arrives on its own', () => {
    const bytes = encoder.encode(STREAM);
    const cuts = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(parseInChunks(bytes, cuts)).toEqual(EXPECTED);
  });

  it('gives the same events for random three-way splits', () => {
    const bytes = encoder.encode(STREAM);
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round += 1) {
      const cuts = [random(), random()]
        .map((r) => Math.floor(r * bytes.length))
        .sort((a, b) => a - b);
      expect(parseInChunks(bytes, cuts)).toEqual(EXPECTED);
    }
  });

  it('keeps a CR that ends one chunk from becoming two line breaks with the LF that starts the next', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([]);
    expect(parser.push('\n')).toEqual(['a']);
  });

  it('drops an event the stream cut short', () => {
    const parser = new SseParser();
    expect(parser.push('data: {"complete":true}\n\ndata: {"cut')).toEqual(['{"complete":true}']);
    expect(parser.end()).toEqual([]);
  });

  it('ignores a byte-order mark at the start and events without data', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFevent: ping\n\ndata: x\n\n')).toEqual(['x']);
  });

  it('reads a response body as it arrives', async () => {
    const bytes = encoder.encode(STREAM);
    const response = chunkedResponse([bytes.slice(0, 13), bytes.slice(13, 90), bytes.slice(90)]);
    const seen: string[] = [];
    for await (const data of readSseData(response.body!)) seen.push(data);
    expect(seen).toEqual(EXPECTED);
  });

  it('gives each event its name and id, for the live streams', () => {
    const parser = new SseParser();
    const text = [
      'retry: 1000\n\n',
      'event: person\ndata: {"name":"Ann"}\n\n',
      ': keep-alive\n\n',
      'id: 12\nevent: item\ndata: {"item":1}\n\n',
      'data: plain\n\n',
      'id: bad\0id\ndata: x\n\n',
    ].join('');
    expect(parser.pushEvents(text)).toEqual([
      { id: null, event: 'person', data: '{"name":"Ann"}' },
      { id: '12', event: 'item', data: '{"item":1}' },
      // Neither the name nor the id carries over to the next event.
      { id: null, event: 'message', data: 'plain' },
      { id: null, event: 'message', data: 'x' },
    ]);
  });

  it('reads named events from a response body split anywhere', async () => {
    const text = 'id: 3\nevent: handoff\ndata: {"id":3}\n\nid: 4\nevent: item\ndata: {}\n\n';
    const bytes = encoder.encode(text);
    const response = chunkedResponse([bytes.slice(0, 9), bytes.slice(9, 30), bytes.slice(30)]);
    const seen = [];
    for await (const event of readSseEvents(response.body!)) seen.push(event);
    expect(seen).toEqual([
      { id: '3', event: 'handoff', data: '{"id":3}' },
      { id: '4', event: 'item', data: '{}' },
    ]);
  });
});
