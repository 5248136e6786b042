import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Validation against the Compose Specification JSON schema, without Docker. The schema comes
 * from the `dclint` package (a Compose linter on npm that ships the compose-spec schema and
 * validates with Ajv 8, its own dependency); nothing is copied into this repository.
 *
 * Found in the repository's node_modules, or in the `node_modules` of the prefix named by
 * COMPOSE_VALIDATOR_PREFIX (CI installs it there: `npm install --prefix <dir> dclint@3`).
 */
export interface SchemaValidator {
  source: string;
  validate(document: unknown): string[];
}

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; params?: unknown }> | null };
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;

function locateDclint(searchFrom: string[]): string | undefined {
  for (const base of searchFrom) {
    try {
      return dirname(createRequire(join(base, 'noop.js')).resolve('dclint/package.json'));
    } catch {
      // not installed under this base; try the next one
    }
  }
  return undefined;
}

export function loadComposeSchemaValidator(repoRoot: string, prefix = process.env.COMPOSE_VALIDATOR_PREFIX): SchemaValidator | undefined {
  const dclintDir = locateDclint([repoRoot, ...(prefix ? [prefix] : [])]);
  if (!dclintDir) return undefined;
  const schemaPath = join(dclintDir, 'schemas', 'compose.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The schema names draft-07 by an https URL Ajv does not know; Ajv's default *is* draft-07.
  delete schema.$schema;
  const ajvModule = createRequire(join(dclintDir, 'package.json'))('ajv') as { Ajv?: AjvConstructor; default?: AjvConstructor };
  const Ajv = ajvModule.Ajv ?? ajvModule.default;
  if (!Ajv) throw new Error(`no Ajv constructor in the ajv next to ${dclintDir}`);
  // The options dclint itself validates with: the spec uses union types and annotation keywords.
  const check = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false }).compile(schema);
  const { version } = JSON.parse(readFileSync(join(dclintDir, 'package.json'), 'utf8')) as { version: string };
  return {
    source: `compose-spec schema from dclint ${version}`,
    validate(document) {
      if (check(document)) return [];
      return (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params ?? {})}`);
    },
  };
}
