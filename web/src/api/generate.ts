/**
 * The typed API client's types, from the gateway's OpenAPI document — built from the APIs'
 * zod route descriptions in this process, no server needed: `npm run generate:api -w web`.
 * `schema.unit.test.ts` fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { createCommandApi } from '@ecommerce/command-api';
import { createQueryApi } from '@ecommerce/query-api';
import { gatewayOpenApiDocument } from '@ecommerce/gateway';
import { createDiskImageStore, createEmbeddedReadStore, createSqliteEventStore, loadSettings } from '@ecommerce/platform';
import { loginBody } from '@ecommerce/schemas';

export const generatedTypesFile = join(__dirname, 'openapi.d.ts');

const header = '/* Generated from the gateway\'s OpenAPI document by web/src/api/generate.ts (npm run generate:api -w web). Do not edit. */\n\n';

/** The document `GET /openapi.json` serves in one process with the default settings (the APIs' routers are built over throwaway stores nothing is written to). */
export function gatewayDocument() {
  const defaults = loadSettings({});
  const eventStore = createSqliteEventStore(new Database(':memory:'));
  const readStore = createEmbeddedReadStore(new Database(':memory:'));
  const commandApi = createCommandApi({
    eventStore,
    identity: { keyRing: () => { throw new Error('describing routes signs nothing'); }, accessTokenTtlSeconds: defaults.ACCESS_TOKEN_TTL_SECONDS, refreshTokenTtlDays: defaults.REFRESH_TOKEN_TTL_DAYS },
    images: { store: createDiskImageStore(join(tmpdir(), 'ecommerce-openapi-images')), maxBytes: defaults.IMAGE_MAX_BYTES },
  });
  const queryApi = createQueryApi({ readStore });
  return gatewayOpenApiDocument([commandApi.openapi, queryApi.openapi], { loginBody });
}

export async function generatedTypes(): Promise<string> {
  const ast = await openapiTS(gatewayDocument() as unknown as OpenAPI3, { alphabetize: true });
  return header + astToString(ast);
}

// `--stdout` prints instead of writing (the freshness test compares; jest cannot load openapi-typescript's ESM dependencies itself).
if (require.main === module) {
  void generatedTypes().then((types) => {
    if (process.argv.includes('--stdout')) return void process.stdout.write(types);
    writeFileSync(generatedTypesFile, types);
    console.log(`wrote ${generatedTypesFile}`);
  });
}
