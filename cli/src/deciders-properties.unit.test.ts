import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as domain from '@ecommerce/domain';

// Here, not in domain/: the domain is pure, and reading its test files needs node:fs.
const domainSources = join(__dirname, '..', '..', 'domain', 'src');

/** Every test file under this folder that runs a fast-check property. */
function propertyTestSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return propertyTestSources(path);
    if (!entry.name.endsWith('.test.ts')) return [];
    const source = readFileSync(path, 'utf8');
    return /fc\.assert\(|checkDeciderProperties\(/.test(source) ? [source] : [];
  });
}

describe('the deciders', () => {
  it('each have a property test: any sequence of commands keeps the context invariants', () => {
    const deciders = Object.keys(domain).filter((name) => name.endsWith('Decider'));
    expect(deciders.length).toBeGreaterThanOrEqual(12);
    const sources = propertyTestSources(domainSources);
    const untested = deciders.filter((name) => !sources.some((source) => new RegExp(`\\b${name}\\b`).test(source)));
    expect(untested).toEqual([]);
  });
});
