import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, runWithTrace } from '@ecommerce/platform';
import { repoRoot } from './compose-file';

/** The Alloy pipeline of deploy/logging parses fields by name: they must be the ones the logger writes. */
const alloy = readFileSync(join(repoRoot, 'deploy/logging/config.alloy'), 'utf8');
const jsonStage = alloy.match(/stage\.json\s*\{\s*expressions\s*=\s*\{([^}]*)\}/)?.[1] ?? '';
const parsedFields = Object.fromEntries([...jsonStage.matchAll(/(\w+)\s*=\s*"([^"]+)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']));

function logLine(write: (logger: ReturnType<typeof createLogger>) => void): Record<string, unknown> {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } });
  write(createLogger({ name: 'processors', destination }));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

describe('log shipping (deploy/logging/config.alloy)', () => {
  it('parses fields each log line of a traced message really carries', () => {
    const line = logLine((logger) => runWithTrace({ correlationId: 'c-1', causationId: 'm-1' }, () => logger.warn({ orderId: 'o-1' }, 'payment declined')));
    expect(Object.keys(parsedFields).length).toBeGreaterThanOrEqual(4);
    for (const [extracted, field] of Object.entries(parsedFields)) expect({ extracted, field, present: field in line }).toEqual({ extracted, field, present: true });
    expect(line).toMatchObject({ level: 'warn', correlationId: 'c-1', causationId: 'm-1', name: 'processors', msg: 'payment declined' });
  });

  it('labels by the level name the logger writes and takes its timestamp in the format the pipeline names', () => {
    const line = logLine((logger) => logger.error('boom'));
    expect(alloy).toMatch(/stage\.labels\s*\{\s*values\s*=\s*\{\s*level\s*=\s*""/);
    expect(line.level).toBe('error');
    expect(alloy).toMatch(/stage\.timestamp\s*\{\s*source\s*=\s*"time"\s*format\s*=\s*"RFC3339Nano"/);
    expect(String(line.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it('never makes a per-request value a Loki label', () => {
    const labels = alloy.match(/stage\.labels\s*\{\s*values\s*=\s*\{([^}]*)\}/)?.[1] ?? '';
    expect([...labels.matchAll(/(\w+)\s*=/g)].map((match) => match[1])).toEqual(['level']);
  });
});
