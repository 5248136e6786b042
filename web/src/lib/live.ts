/**
 * Server-sent events read with `fetch` rather than EventSource: EventSource cannot send the
 * Authorization header, and the access token is never put in a URL. Returns a stop function;
 * `onUnavailable` is called when the stream cannot be had (no such route, refused), so that the
 * page falls back to polling.
 */
export interface LiveEvent {
  event: string;
  data: string;
  id?: string;
}

export function parseEventStream(buffer: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) events.push({ event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
  }
  return { events, rest };
}

export function subscribe(url: string, options: { token: () => Promise<string | null>; onEvent: (event: LiveEvent) => void; onUnavailable: () => void }): () => void {
  const controller = new AbortController();
  let stopped = false;
  let lastEventId: string | undefined;
  const run = async (attempt: number): Promise<void> => {
    try {
      const token = await options.token();
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      });
      if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return options.onUnavailable();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEventStream(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== undefined) lastEventId = event.id;
          options.onEvent(event);
        }
      }
      // the server closed (restart, shutdown): reconnect with Last-Event-ID
      if (!stopped) setTimeout(() => void run(0), 1000);
    } catch {
      if (stopped) return;
      if (attempt >= 3) return options.onUnavailable();
      setTimeout(() => void run(attempt + 1), 1000 * 2 ** attempt);
    }
  };
  void run(0);
  return () => {
    stopped = true;
    controller.abort();
  };
}
