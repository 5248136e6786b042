import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A read the page shows: data, error, and a reload; the latest call wins. */
export function useQuery<T>(load: () => Promise<T>, deps: unknown[], options: { pollMs?: number } = {}) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const latest = useRef(0);
  const run = useCallback(async (quiet = false) => {
    const call = ++latest.current;
    if (!quiet) setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await load();
      if (call === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (call === latest.current) setState((previous) => ({ data: previous.data, error, loading: false }));
    }
  }, deps);
  useEffect(() => {
    void run();
    if (!options.pollMs) return undefined;
    const timer = setInterval(() => void run(true), options.pollMs);
    return () => clearInterval(timer);
  }, [run, options.pollMs]);
  return { ...state, reload: run };
}

/** openapi-fetch answers { data } or { error }: the data, or a thrown problem. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw Object.assign(typeof error === 'object' && error !== null ? error : {}, { status: response.status }) as unknown;
  return data as T;
}

/** A command's answer with its consistency token (read your writes on the next query). */
export async function command<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T & { token: string | undefined }> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw Object.assign(typeof error === 'object' && error !== null ? error : {}, { status: response.status }) as unknown;
  return { ...(data as T), token: response.headers.get('x-consistency-token') ?? undefined };
}
