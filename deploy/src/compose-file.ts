import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of a Compose file these checks read; anything else passes through untyped. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { host_ip?: string; published?: string | number; target?: number }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

export const repoRoot = join(__dirname, '..', '..');

export function readComposeText(path = join(repoRoot, 'docker-compose.yml')): string {
  return readFileSync(path, 'utf8');
}

/** Parsed as Compose does: YAML merge keys (`<<: *anchor`) resolved. */
export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

/**
 * Compose's `${NAME}`, `${NAME:-default}` and `${NAME-default}` interpolation against `env`,
 * so a value can be checked as the container would see it.
 */
export function interpolate(value: string, env: Record<string, string | undefined> = {}): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g, (_match, name: string, operator?: string, fallback?: string) => {
    const current = env[name];
    if (operator === ':-') return current ? current : (fallback ?? '');
    if (operator === '-') return current ?? fallback ?? '';
    return current ?? '';
  });
}

/** A service's environment as a map, values interpolated with no variable set. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const raw = service.environment ?? {};
  const entries: Array<[string, string]> = Array.isArray(raw)
    ? raw.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(raw).map(([name, value]) => [name, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([name, value]) => [name, interpolate(value)]));
}

export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
}

/** `[ip:]host:container` short syntax or the long form; a port with no host side is not published. */
export function publishedPortsOf(service: ComposeService): PublishedPort[] {
  return (service.ports ?? []).flatMap((entry): PublishedPort[] => {
    if (typeof entry === 'object') {
      if (entry.published === undefined || entry.target === undefined) return [];
      return [{ hostIp: entry.host_ip ?? '0.0.0.0', hostPort: Number(entry.published), containerPort: entry.target }];
    }
    const parts = String(entry).split(':');
    if (parts.length === 3) return [{ hostIp: parts[0] ?? '', hostPort: Number(parts[1]), containerPort: Number(parts[2]) }];
    if (parts.length === 2) return [{ hostIp: '0.0.0.0', hostPort: Number(parts[0]), containerPort: Number(parts[1]) }];
    return [];
  });
}

export interface Mount {
  kind: 'volume' | 'bind';
  source: string;
  target: string;
}

/** Short syntax: a source starting with `.`, `/` or `~` is a bind mount, anything else a named volume. */
export function mountsOf(service: ComposeService): Mount[] {
  return (service.volumes ?? []).flatMap((entry): Mount[] => {
    if (typeof entry === 'object') {
      if (!entry.source || !entry.target) return [];
      return [{ kind: entry.type === 'bind' ? 'bind' : 'volume', source: entry.source, target: entry.target }];
    }
    const [source = '', target = ''] = entry.split(':');
    if (!target) return [];
    return [{ kind: /^[./~]/.test(source) ? 'bind' : 'volume', source, target }];
  });
}

export function dependenciesOf(service: ComposeService): Array<{ name: string; condition: string | undefined }> {
  const raw = service.depends_on ?? [];
  if (Array.isArray(raw)) return raw.map((name) => ({ name, condition: undefined }));
  return Object.entries(raw).map(([name, options]) => ({ name, condition: options?.condition }));
}

export function commandOf(service: ComposeService): string[] {
  const raw = service.command ?? [];
  return Array.isArray(raw) ? raw : raw.split(/\s+/).filter(Boolean);
}

/** The `#   127.0.0.1:<port>   <service>   ...` lines of the header comment. */
export function documentedPorts(text: string): Array<{ hostPort: number; service: string }> {
  return [...text.matchAll(/^#\s+127\.0\.0\.1:(\d+)\s+([a-z0-9-]+)\s/gm)].map((match) => ({ hostPort: Number(match[1]), service: match[2] ?? '' }));
}

/** The comment block before the first key: where every variable and port is documented. */
export function headerComment(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}
