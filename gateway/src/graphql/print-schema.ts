import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { createGraphqlSchema } from './schema';

/** The committed SDL: what clients generate types from, and what review sees change. */
export const schemaFile = join(__dirname, '..', '..', '..', 'schemas', 'graphql', 'schema.graphql');

export const printedSchema = (): string => `${printSchema(createGraphqlSchema())}\n`;

// `npm run graphql:schema` rewrites the file after a change to the graph.
if (require.main === module) {
  writeFileSync(schemaFile, printedSchema());
  process.stdout.write(`wrote ${schemaFile}\n`);
}
