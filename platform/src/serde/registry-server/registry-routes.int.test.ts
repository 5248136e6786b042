import { avroRecord, call, createTestLogFiles, startRegistryOn } from './registry-server.fixture';
import type { RunningRegistry } from './registry-server.fixture';

const files = createTestLogFiles();
let registry: RunningRegistry;
let url: string;
beforeAll(async () => {
  registry = await startRegistryOn(files.open());
  url = registry.url;
});
afterAll(async () => {
  await registry.stop();
  await files.cleanup();
});

let counter = 0;
const uniqueSubject = () => `routes-${(counter += 1)}-${Date.now()}`;
const v1 = avroRecord('Item', [{ name: 'id', type: 'string' }]);
const v2 = avroRecord('Item', [{ name: 'id', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null }]);
const withoutDefault = avroRecord('Item', [{ name: 'id', type: 'string' }, { name: 'weight', type: 'int' }]);

const registered = async (subject: string, ...schemas: string[]) => {
  const ids: number[] = [];
  for (const schema of schemas) {
    const answer = await call(url, 'POST', `/subjects/${subject}/versions`, { schema });
    expect(answer.status).toBe(200);
    ids.push(answer.body.id as number);
  }
  return ids;
};

describe('schema registry routes', () => {
  it('GET / answers {} in the registry content type', async () => {
    expect(await call(url, 'GET', '/')).toEqual({ status: 200, body: {}, contentType: 'application/vnd.schemaregistry.v1+json; charset=utf-8' });
  });

  it('registers, lists and reads versions and schemas', async () => {
    const subject = uniqueSubject();
    const [id1, id2] = await registered(subject, v1, v2);
    expect((await call(url, 'GET', '/subjects')).body).toContain(subject);
    expect((await call(url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([1, 2]);
    const latest = await call(url, 'GET', `/subjects/${subject}/versions/latest`);
    expect(latest.body).toMatchObject({ subject, version: 2, id: id2 });
    expect(JSON.parse(latest.body.schema as string)).toMatchObject({ name: 'ecommerce.test.Item' });
    expect((await call(url, 'GET', `/subjects/${subject}/versions/1`)).body).toMatchObject({ subject, version: 1, id: id1 });
    expect((await call(url, 'GET', `/subjects/${subject}/versions/-1`)).body).toMatchObject({ version: 2 });
    expect((await call(url, 'GET', `/schemas/ids/${id1}`)).body).toEqual({ schema: expect.stringContaining('ecommerce.test.Item') });
    expect((await call(url, 'GET', `/schemas/ids/${id2}/versions`)).body).toEqual([{ subject, version: 2 }]);
    expect((await call(url, 'GET', `/subjects/${subject}/versions/1/schema`)).body).toMatchObject({ type: 'record' });
  });

  it('looks a schema up in a subject', async () => {
    const subject = uniqueSubject();
    const [id] = await registered(subject, v1);
    const reformatted = JSON.stringify(JSON.parse(v1), null, 2);
    expect((await call(url, 'POST', `/subjects/${subject}`, { schema: reformatted })).body).toMatchObject({ subject, version: 1, id });
    expect((await call(url, 'POST', `/subjects/${subject}`, { schema: v2 })).body).toEqual({ error_code: 40403, message: 'Schema not found' });
    expect((await call(url, 'POST', `/subjects/${subject}-none`, { schema: v1 })).body).toMatchObject({ error_code: 40401 });
  });

  it('answers Confluent error codes for what is missing or malformed', async () => {
    const subject = uniqueSubject();
    await registered(subject, v1);
    const expectError = async (method: string, path: string, status: number, errorCode: number, body?: unknown) => {
      const answer = await call(url, method, path, body);
      expect({ path, status: answer.status, errorCode: answer.body.error_code }).toEqual({ path, status, errorCode });
      expect(typeof answer.body.message).toBe('string');
    };
    await expectError('GET', '/subjects/nope/versions', 404, 40401);
    await expectError('GET', '/subjects/nope/versions/latest', 404, 40401);
    await expectError('GET', `/subjects/${subject}/versions/9`, 404, 40402);
    await expectError('GET', `/subjects/${subject}/versions/zero`, 422, 42202);
    await expectError('GET', '/schemas/ids/999999', 404, 40403);
    await expectError('GET', '/schemas/ids/abc', 404, 40403);
    await expectError('POST', `/subjects/${subject}/versions`, 409, 409, { schema: withoutDefault });
    await expectError('POST', `/subjects/${subject}/versions`, 422, 42201, { schema: '{"type":"record","name":"Broken"}' });
    await expectError('POST', `/subjects/${subject}/versions`, 422, 42201, { schema: 'not json' });
    await expectError('POST', `/subjects/${subject}/versions`, 422, 42201, { schema: '{"type":"object"}', schemaType: 'JSON' });
    await expectError('POST', `/subjects/${subject}/versions`, 422, 42201, { schema: v2, references: [{ name: 'x', subject: 'y', version: 1 }] });
    await expectError('POST', `/subjects/${subject}/versions`, 422, 42201, {});
    await expectError('GET', `/config/${subject}`, 404, 40408);
    await expectError('PUT', `/config/${subject}`, 422, 42203, { compatibility: 'SIDEWAYS' });
    await expectError('GET', '/no/such/route', 404, 404);
    const malformed = await fetch(`${url}/subjects/${subject}/versions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error_code: 400 });
  });

  it('reads and sets the registry-wide and per-subject compatibility level', async () => {
    const subject = uniqueSubject();
    expect((await call(url, 'GET', '/config')).body).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
    expect((await call(url, 'GET', `/config/${subject}?defaultToGlobal=true`)).body).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
    expect((await call(url, 'PUT', `/config/${subject}`, { compatibility: 'none' })).body).toEqual({ compatibility: 'NONE' });
    expect((await call(url, 'GET', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'NONE' });
    // NONE lets an incompatible change through.
    await registered(subject, v1, withoutDefault);
    expect((await call(url, 'DELETE', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'NONE' });
    expect((await call(url, 'GET', `/config/${subject}`)).status).toBe(404);
    expect((await call(url, 'PUT', '/config', { compatibility: 'BACKWARD' })).body).toEqual({ compatibility: 'BACKWARD' });
    expect((await call(url, 'GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    expect((await call(url, 'PUT', '/config', { compatibility: 'FULL_TRANSITIVE' })).status).toBe(200);
  });

  it('tests compatibility against the latest or a named version', async () => {
    const subject = uniqueSubject();
    await registered(subject, v1);
    const test = async (version: string, schema: string, query = '') =>
      call(url, 'POST', `/compatibility/subjects/${subject}/versions/${version}${query}`, { schema });
    expect((await test('latest', v2)).body).toEqual({ is_compatible: true });
    expect((await test('1', withoutDefault)).body).toEqual({ is_compatible: false });
    const verbose = await test('latest', withoutDefault, '?verbose=true');
    expect(verbose.body).toMatchObject({ is_compatible: false, messages: [expect.stringContaining('weight')] });
    expect((await call(url, 'POST', `/compatibility/subjects/${subject}/versions`, { schema: v2 })).body).toEqual({ is_compatible: true });
    expect((await test('7', v2)).body).toMatchObject({ error_code: 40402 });
    expect((await call(url, 'POST', '/compatibility/subjects/nope/versions/latest', { schema: v2 })).body).toMatchObject({ error_code: 40401 });
  });

  it('soft-deletes a version, then deletes it permanently', async () => {
    const subject = uniqueSubject();
    // A schema of its own: an id disappears only when no subject uses it any more.
    const [id1, id2] = await registered(subject, avroRecord('OnlyHere', [{ name: 'id', type: 'string' }]), avroRecord('OnlyHere', [{ name: 'id', type: 'string' }, { name: 'n', type: 'int', default: 0 }]));
    expect((await call(url, 'DELETE', `/subjects/${subject}/versions/1?permanent=true`)).body).toMatchObject({ error_code: 40407 });
    expect((await call(url, 'DELETE', `/subjects/${subject}/versions/1`)).body).toBe(1);
    expect((await call(url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([2]);
    expect((await call(url, 'GET', `/subjects/${subject}/versions?deleted=true`)).body).toEqual([1, 2]);
    expect((await call(url, 'GET', `/subjects/${subject}/versions/1`)).body).toMatchObject({ error_code: 40402 });
    expect((await call(url, 'GET', `/subjects/${subject}/versions/1?deleted=true`)).body).toMatchObject({ version: 1, id: id1 });
    // Still readable by id: old messages stay decodable.
    expect((await call(url, 'GET', `/schemas/ids/${id1}`)).status).toBe(200);
    expect((await call(url, 'DELETE', `/subjects/${subject}/versions/1?permanent=true`)).body).toBe(1);
    expect((await call(url, 'GET', `/schemas/ids/${id1}`)).body).toMatchObject({ error_code: 40403 });
    expect((await call(url, 'GET', `/subjects/${subject}/versions/latest`)).body).toMatchObject({ version: 2, id: id2 });
  });

  it('soft-deletes a subject, re-registers under a new version with the same id, then deletes it permanently', async () => {
    const subject = uniqueSubject();
    const [id1] = await registered(subject, v1);
    expect((await call(url, 'DELETE', `/subjects/${subject}?permanent=true`)).body).toMatchObject({ error_code: 40405 });
    expect((await call(url, 'DELETE', `/subjects/${subject}`)).body).toEqual([1]);
    expect((await call(url, 'GET', '/subjects')).body).not.toContain(subject);
    expect((await call(url, 'GET', '/subjects?deleted=true')).body).toContain(subject);
    expect((await call(url, 'DELETE', `/subjects/${subject}`)).body).toMatchObject({ error_code: 40404 });
    expect((await call(url, 'GET', `/subjects/${subject}/versions/latest`)).body).toMatchObject({ error_code: 40402 });

    expect(await registered(subject, v1)).toEqual([id1]);
    expect((await call(url, 'GET', `/subjects/${subject}/versions/latest`)).body).toMatchObject({ version: 2, id: id1 });
    expect((await call(url, 'DELETE', `/subjects/${subject}`)).body).toEqual([2]);
    expect((await call(url, 'DELETE', `/subjects/${subject}?permanent=true`)).body).toEqual([1, 2]);
    expect((await call(url, 'GET', '/subjects?deleted=true')).body).not.toContain(subject);
    expect((await call(url, 'DELETE', `/subjects/${subject}`)).body).toMatchObject({ error_code: 40401 });
  });

  it('serves /health with the state of the log', async () => {
    const answer = await call(url, 'GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', checks: { log: { ok: true } } });
  });
});
