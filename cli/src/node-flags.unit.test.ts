import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformNodeFlags } from './node-flags';

const root = join(__dirname, '..', '..');

describe("the platform's Node flags", () => {
  it('are the ones `npm start` runs the platform with', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(['node', ...platformNodeFlags, 'cli/bin/ecommerce', 'start'].join(' '));
  });

  it("are the ones the image's entrypoint runs every role with", () => {
    const entrypoint = /^ENTRYPOINT (.+)$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(entrypoint ?? 'null')).toEqual(['node', ...platformNodeFlags, 'cli/bin/ecommerce']);
  });
});
