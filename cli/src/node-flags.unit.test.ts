import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeFlags } from './node-flags';

describe("the embedded start's Node flags", () => {
  it('are the ones `npm start` runs it with', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(['node', ...startNodeFlags, 'cli/bin/ecommerce', 'start'].join(' '));
  });
});
