import { parseEventStream } from './live';

describe('the event-stream reader', () => {
  it('splits events, joins multi-line data, skips comments, and keeps an incomplete tail for the next chunk', () => {
    const { events, rest } = parseEventStream(': heartbeat\n\nid: 3\nevent: status\ndata: {"a":1}\n\ndata: one\ndata: two\n\nevent: status\ndata: {"b"');
    expect(events).toEqual([{ event: 'status', data: '{"a":1}', id: '3' }, { event: 'message', data: 'one\ntwo' }]);
    expect(rest).toBe('event: status\ndata: {"b"');
    expect(parseEventStream(`${rest}:2}\r\n\r\n`).events).toEqual([{ event: 'status', data: '{"b":2}' }]);
  });
});
