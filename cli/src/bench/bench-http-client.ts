import http from 'node:http';

export interface BenchHttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface BenchHttpClient {
  /** Any answer, whatever its status; rejects only when the request itself fails. */
  request(method: string, path: string, body?: unknown, token?: string): Promise<BenchHttpAnswer>;
  /** The answer's body, or an error naming the request when the status is not 2xx. */
  must(method: string, path: string, body?: unknown, token?: string): Promise<Record<string, unknown>>;
  close(): void;
}

const parseBody = (text: string): Record<string, unknown> => {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // an HTML error page or a proxy's text still says why the request failed
    return { text };
  }
};

/** JSON over keep-alive connections: at hundreds of requests a second, a socket per request runs out of ephemeral ports. */
export function createBenchHttpClient(baseUrl: string, maxSockets: number): BenchHttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  const request = (method: string, path: string, body?: unknown, token?: string) =>
    new Promise<BenchHttpAnswer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      };
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const must = async (method: string, path: string, body?: unknown, token?: string) => {
    const answer = await request(method, path, body, token);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  return { request, must, close: () => agent.destroy() };
}
