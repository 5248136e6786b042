import type { Request, Response } from 'express';
import { AppError } from '@ecommerce/platform';

export interface LiveEvent {
  event: string;
  data: unknown;
  /** What a reconnecting client sends back as `Last-Event-ID`. */
  id?: string;
}

export interface LiveStream {
  send(event: LiveEvent): void;
  /** Runs once, when the stream ends for any reason (client gone, shutdown, too slow). */
  onClose(cleanup: () => void): void;
}

export interface LiveHubOptions {
  maxConnectionsPerUser: number;
  heartbeatMs: number;
  /** How long a client waits before reconnecting, told to it in the stream. */
  retryMs?: number;
  /** A client that has not read this much of what was written is dropped rather than buffered for. */
  maxBufferedBytes?: number;
}

export interface LiveHub {
  /**
   * Checks the caller's bound, then answers `200 text/event-stream` and keeps the response open.
   * Throws (before anything is written) 429 over the bound, 503 once the hub is closed.
   */
  open(req: Request, res: Response, caller: string): LiveStream;
  openStreams(): number;
  /** Ends every stream and refuses new ones: the server's close can then finish. */
  close(): void;
}

const format = ({ event, data, id }: LiveEvent): string => `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** The open streams of a process: per-caller bound, one heartbeat timer for all, shutdown. */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const maxBufferedBytes = options.maxBufferedBytes ?? 256 * 1024;
  const byCaller = new Map<string, number>();
  const ends = new Set<() => void>();
  const writers = new Set<(chunk: string) => void>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  const startHeartbeat = () => {
    heartbeat ??= setInterval(() => {
      for (const write of [...writers]) write(': heartbeat\n\n');
    }, options.heartbeatMs);
    heartbeat.unref();
  };
  const stopHeartbeatIfIdle = () => {
    if (writers.size > 0 || !heartbeat) return;
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  return {
    open(req, res, caller) {
      if (closed) throw new AppError('unavailable', 'the server is shutting down', { retriable: true });
      const open = byCaller.get(caller) ?? 0;
      if (open >= options.maxConnectionsPerUser) {
        throw new AppError('too_many_requests', `at most ${options.maxConnectionsPerUser} live streams per user are open at once`, { details: { retryAfterSeconds: 5, limit: options.maxConnectionsPerUser } });
      }
      byCaller.set(caller, open + 1);

      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: no proxy may compress or rewrite the stream; X-Accel-Buffering: nginx-style proxies must not buffer it
        'Cache-Control': 'no-cache, no-transform',
        // The connection ends with the stream: nothing waits for an idle keep-alive socket at shutdown (EventSource reconnects anew).
        Connection: 'close',
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      req.socket.setNoDelay(true);
      req.socket.setTimeout(0);

      const cleanups: Array<() => void> = [];
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        writers.delete(write);
        ends.delete(end);
        const left = (byCaller.get(caller) ?? 1) - 1;
        if (left > 0) byCaller.set(caller, left);
        else byCaller.delete(caller);
        stopHeartbeatIfIdle();
        for (const cleanup of cleanups) cleanup();
        if (!res.writableEnded) res.end();
      };
      function write(chunk: string) {
        if (ended) return;
        if (res.writableLength > maxBufferedBytes) return end();
        res.write(chunk);
      }
      res.on('close', end);
      writers.add(write);
      ends.add(end);
      startHeartbeat();
      write(`retry: ${options.retryMs ?? 3000}\n\n`);
      return {
        send: (event) => write(format(event)),
        onClose: (cleanup) => {
          if (ended) cleanup();
          else cleanups.push(cleanup);
        },
      };
    },
    openStreams: () => writers.size,
    close() {
      closed = true;
      for (const end of [...ends]) end();
      stopHeartbeatIfIdle();
    },
  };
}
