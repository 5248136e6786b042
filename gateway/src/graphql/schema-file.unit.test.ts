import { readFileSync } from 'node:fs';
import { printedSchema, schemaFile } from './print-schema';

describe('schemas/graphql/schema.graphql', () => {
  it('is the schema the code serves (after a change to the graph: npm run graphql:schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });
});
