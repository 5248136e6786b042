/**
 * The SchemaRegistry contract (STYLE: one suite per port, run against every adapter).
 * Subjects are unique per run, so the suite also runs against a long-lived Confluent registry.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'avsc';
import type { Schema } from 'avsc';
import { NotFoundError } from '../errors';
import { IncompatibleSchemaError } from './port';
import type { SchemaRegistry } from './port';

const record = (fields: object[], doc = 'A thing used by the schema registry contract.') =>
  JSON.stringify({ type: 'record', name: 'ContractThing', namespace: 'ecommerce.contract', doc, fields });

const v1Fields = [
  { name: 'id', type: 'string' },
  { name: 'price', type: { type: 'record', name: 'ecommerce.common.Money', fields: [{ name: 'amount', type: 'long' }, { name: 'currency', type: 'string' }] } },
];
const v1 = record(v1Fields);
const v2 = record([...v1Fields, { name: 'note', type: ['null', 'string'], default: null }]);

/** Same Avro schema: equal up to formatting. */
const sameAvro = (a: string, b: string) =>
  JSON.stringify(Type.forSchema(JSON.parse(a) as Schema).schema({ exportAttrs: true })) ===
  JSON.stringify(Type.forSchema(JSON.parse(b) as Schema).schema({ exportAttrs: true }));

export const schemaRegistryContract = (name: string, createRegistry: () => Promise<SchemaRegistry>): void => {
  describe(`SchemaRegistry contract: ${name}`, () => {
    let registry: SchemaRegistry;
    let subject: string;
    const otherSubject = () => `${subject}-other`;

    beforeEach(async () => {
      registry = await createRegistry();
      subject = `contract-${randomUUID()}-ecommerce.contract.ContractThing`;
    });
    afterEach(async () => registry.close());

    it('registers a schema and serves it back by id', async () => {
      const id = await registry.register(subject, v1);
      expect(Number.isInteger(id) && id > 0).toBe(true);
      expect(sameAvro(await registry.getSchema(id), v1)).toBe(true);
      expect(sameAvro(await registry.getSchema(String(id)), v1)).toBe(true);
    });

    it('answers the same id when the same schema is registered again', async () => {
      const id = await registry.register(subject, v1);
      expect(await registry.register(subject, v1)).toBe(id);
    });

    it('gives the same schema the same global id under another subject, whatever its formatting', async () => {
      const id = await registry.register(subject, v1);
      const reformatted = JSON.stringify(JSON.parse(v1), null, 4);
      expect(await registry.register(otherSubject(), reformatted)).toBe(id);
    });

    it('registers a compatible new version under a new id', async () => {
      const first = await registry.register(subject, v1);
      const second = await registry.register(subject, v2);
      expect(second).not.toBe(first);
      expect(sameAvro(await registry.getSchema(second), v2)).toBe(true);
      expect(await registry.register(subject, v1)).toBe(first);
    });

    it('refuses a field added without a default', async () => {
      await registry.register(subject, v1);
      const incompatible = record([...v1Fields, { name: 'weight', type: 'int' }]);
      await expect(registry.register(subject, incompatible)).rejects.toThrow(IncompatibleSchemaError);
      await expect(registry.register(subject, incompatible)).rejects.toThrow(subject);
    });

    it('refuses a changed field type', async () => {
      await registry.register(subject, v1);
      const incompatible = record([{ name: 'id', type: 'int' }, v1Fields[1]!]);
      await expect(registry.register(subject, incompatible)).rejects.toThrow(IncompatibleSchemaError);
    });

    it('checks every earlier version (transitive), not only the latest', async () => {
      await registry.register(subject, record([...v1Fields, { name: 'note', type: 'string', default: '' }]));
      await registry.register(subject, v1);
      const intNote = record([...v1Fields, { name: 'note', type: 'int', default: 0 }]);
      await expect(registry.register(subject, intNote)).rejects.toThrow(IncompatibleSchemaError);
    });

    it('says NotFoundError for an unknown id', async () => {
      await expect(registry.getSchema(2_000_000_000)).rejects.toThrow(NotFoundError);
    });

    it('reports itself healthy', async () => {
      expect(await registry.health()).toMatchObject({ ok: true });
    });
  });
};
