import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const generatedTypesFile = join(__dirname, 'openapi.d.ts');
const generator = join(__dirname, 'generate.ts');

describe('the web client\'s API types', () => {
  it('match the OpenAPI document the gateway serves (regenerate with `npm run generate:api -w web`)', () => {
    // In a child process: openapi-typescript's dependencies are ES modules, which jest's module system cannot load.
    const fresh = execFileSync(process.execPath, ['--import', 'tsx', generator, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(readFileSync(generatedTypesFile, 'utf8') === fresh).toBe(true);
  });
});
