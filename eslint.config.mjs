// Layering of DESIGN.md §2 enforced here: each workspace may import only the ones below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ours = ['schemas', 'domain', 'platform', 'command-api', 'processors', 'projections', 'query-api', 'gateway', 'cli'];
const forbid = (...names) => names.map((name) => ({ group: [`@ecommerce/${name}`, `@ecommerce/${name}/*`], message: `DESIGN.md §2: this layer may not import @ecommerce/${name}` }));
const others = (...allowed) => ours.filter((name) => !allowed.includes(name));
const kafkajsMessage = 'load kafkajs through platform/src/log/kafka/kafkajs.ts (Kafka and logLevel are exported by @ecommerce/platform)';
// kafkajs's entry and the modules that load its producer; its other internal modules may be required.
const kafkajsEntry = String.raw`/^kafkajs(\/index(\.js)?|\/src(\/index|\/producer(\/index|\/sendMessages|\/messageProducer)?)?(\.js)?)?$/`;

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', 'dist/**', '**/dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'cli/bin/**', 'web/src/api/openapi.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'web/**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // kafkajs's producer captures what `platform/src/log/kafka/linear-grouping.ts` replaces when it loads: kafkajs is loaded from one module.
  {
    files: ['**/*.ts'],
    ignores: ['platform/src/log/kafka/kafkajs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'kafkajs', allowTypeImports: true, message: kafkajsMessage }],
      }],
      'no-restricted-syntax': ['error',
        { selector: `CallExpression[callee.name='require'][arguments.0.value=${kafkajsEntry}]`, message: kafkajsMessage },
        { selector: `ImportExpression[source.value=${kafkajsEntry}]`, message: kafkajsMessage },
      ],
    },
  },
  {
    files: ['schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid(...others('schemas')) }] },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...forbid(...others('domain', 'schemas')),
          { group: ['node:*'], message: 'STYLE.md: the domain is pure — no node:* modules' },
          { group: ['better-sqlite3', 'kafkajs', 'mongodb', '@eventstore/*', 'express', 'avsc', 'pino', 'prom-client', '@kafkajs/*'], message: 'STYLE.md: the domain imports no driver or adapter' },
        ],
        paths: ['fs', 'path', 'crypto', 'os', 'http', 'net', 'child_process', 'events', 'util', 'stream'].map((name) => ({ name, message: 'STYLE.md: the domain is pure — no Node built-ins' })),
      }],
    },
  },
  { files: ['platform/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid(...others('platform', 'schemas')) }] } },
  ...['command-api', 'processors', 'projections'].map((name) => ({
    files: [`${name}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid(...others(name, 'domain', 'platform', 'schemas')) }] },
  })),
  { files: ['query-api/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid(...others('query-api', 'platform', 'schemas')) }] } },
  { files: ['gateway/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid(...others('gateway', 'platform')) }] } },
  // The web shop runs in the browser and knows the API only through its OpenAPI types; the type generator (a build script) may build the APIs.
  { files: ['web/src/**/*.ts', 'web/src/**/*.tsx'], ignores: ['web/src/api/generate.ts', 'web/src/api/schema.unit.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid(...ours) }] } },
);
