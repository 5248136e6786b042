import http from 'node:http';

/** One server-sent event as dispatched (`event` defaults to `message`, as in an EventSource). */
export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * The text/event-stream format, incrementally: chunks may split a line anywhere; a blank line
 * dispatches the event; comment lines (heartbeats) and `retry:` are ignored. An EventSource per
 * stream would cost a thousand objects and timers in the bench process, which measures the server.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let pending = '';
  let event = '';
  let id: string | undefined;
  let data: string[] = [];
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', id, data: data.join('\n') });
    event = '';
    data = [];
  };
  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  };
  return (chunk) => {
    const text = pending + chunk;
    // a `\r` at the end may be half of a `\r\n`: kept back until the next chunk says
    const held = text.endsWith('\r') ? 1 : 0;
    const lines = text.slice(0, text.length - held).split(/\r\n|\r|\n/);
    // the last piece has no line end yet
    pending = (lines.pop() ?? '') + text.slice(text.length - held);
    for (const each of lines) line(each);
  };
}

export interface OpenSseStream {
  close(): void;
}

/** A raw GET with `Accept: text/event-stream` on its own socket; rejects unless the answer is a 200 event stream. */
export function openSseStream(baseUrl: string, path: string, onEvent: (event: SseEvent) => void, onEnd: (error?: Error) => void): Promise<OpenSseStream> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => reject(new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 300)}`)));
        return;
      }
      res.setEncoding('utf8');
      res.on('data', createSseParser(onEvent));
      res.on('end', () => onEnd());
      res.on('error', onEnd);
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}
