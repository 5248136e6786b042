import { createSseParser } from './sse-stream';
import type { SseEvent } from './sse-stream';

const parse = (chunks: string[]): SseEvent[] => {
  const events: SseEvent[] = [];
  const feed = createSseParser((event) => events.push(event));
  for (const chunk of chunks) feed(chunk);
  return events;
};

describe('the bench SSE parser', () => {
  it('dispatches on a blank line, with the event name, id and data; ignores retry and heartbeats', () => {
    expect(parse(['retry: 3000\n\n: heartbeat\n\nevent: availability\nid: 7\ndata: {"available":5}\n\n'])).toEqual([{ event: 'availability', id: '7', data: '{"available":5}' }]);
  });

  it('joins the pieces of a line split across chunks, and data lines with a line feed', () => {
    expect(parse(['event: avail', 'ability\nda', 'ta: a\ndata:b\n', '\n'])).toEqual([{ event: 'availability', id: undefined, data: 'a\nb' }]);
  });

  it('reads CRLF line ends even when a chunk ends between the CR and the LF', () => {
    expect(parse(['data: one\r', '\n\r', '\ndata: two\r\n\r\n'])).toEqual([{ event: 'message', id: undefined, data: 'one' }, { event: 'message', id: undefined, data: 'two' }]);
  });

  it('keeps the last id for the next events, and dispatches nothing for an event without data', () => {
    expect(parse(['id: 3\nevent: ping\n\ndata: x\n\n'])).toEqual([{ event: 'message', id: '3', data: 'x' }]);
  });

  it('waits for the blank line before dispatching', () => {
    expect(parse(['event: availability\ndata: {}\n'])).toEqual([]);
  });
});
