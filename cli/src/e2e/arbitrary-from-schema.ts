import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema (2020-12) that zod's `toJSONSchema` writes for our request schemas. */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/** Replaces the arbitrary of a field by its dotted path (`lines.productId`: array items have no index). */
export type ArbitraryOverrides = Record<string, fc.Arbitrary<unknown>>;

/** A contract breaks at its edges: a quarter of the draws are the bounds themselves. */
const withBounds = <T>(bounds: T[], inner: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...bounds), weight: 1 }, { arbitrary: inner, weight: 3 });

const integerBetween = (min: number, max: number): fc.Arbitrary<number> =>
  withBounds([min, max], fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number));

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 1000;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'email') return fc.emailAddress().filter((email) => email.length >= minLength && email.length <= maxLength);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= minLength && text.length <= maxLength);
  // Whole Unicode, astral planes included: lengths count UTF-16 units on both sides of the contract.
  const unit = fc.oneof(fc.constantFrom(' ', 'a', 'Z', '9', '-'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
  const longest = fc.string({ unit: fc.constantFrom('a', 'Z', '9', 'é'), minLength: maxLength, maxLength });
  return fc.oneof({ arbitrary: longest, weight: 1 }, { arbitrary: fc.string({ unit, minLength, maxLength }), weight: 3 })
    .filter((text) => text.length >= minLength && text.length <= maxLength);
}

function arbitraryOf(schema: JsonSchema, path: string, overrides: ArbitraryOverrides): fc.Arbitrary<unknown> {
  const override = overrides[path];
  if (override) return override;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, path, overrides)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type }, path, overrides)));
  const child = (name: string) => (path ? `${path}.${name}` : name);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema);
    case 'integer': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -Number.MAX_SAFE_INTEGER);
      const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? Number.MAX_SAFE_INTEGER);
      return integerBetween(min, max);
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e15, max: schema.maximum ?? 1e15, noNaN: true, noDefaultInfinity: true });
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, path, overrides), { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 10 });
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, arbitraryOf(property, child(name), overrides)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
    default:
      throw new Error(`no arbitrary for the JSON schema at ${path || '(root)'}: ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

/**
 * Inputs generated from a zod request schema, by way of the JSON Schema zod writes for it: every
 * field within its stated type, lengths and ranges, biased towards the boundaries. What the
 * JSON Schema cannot say (refinements, transforms) is kept out by the zod schema itself.
 */
export function arbitraryFromSchema<Schema extends z.ZodType>(schema: Schema, overrides: ArbitraryOverrides = {}): fc.Arbitrary<z.input<Schema>> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return arbitraryOf(json, '', overrides).filter((value) => schema.safeParse(value).success) as fc.Arbitrary<z.input<Schema>>;
}
