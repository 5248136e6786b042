/** Request parsing and answers shared by the registry's routes, in Confluent's REST shapes. */
import type { Request, Response } from 'express';
import type { CompatibilityLevel } from '@ecommerce/schemas';
import { RegistryError, errorCodes, invalidSchema } from './errors';
import { isCompatibilityLevel } from './records';

export const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export const send = (res: Response, body: unknown, status = 200): void => {
  res.status(status).type(CONTENT_TYPE).send(JSON.stringify(body));
};

const MAX_VERSION = 2 ** 31 - 1;

/** `latest`, `-1` (Confluent's alias of latest) or a version number. */
export const parseVersion = (raw: string): number | 'latest' => {
  if (raw === 'latest' || raw === '-1') return 'latest';
  const version = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new RegistryError(422, errorCodes.invalidVersion, `The specified version '${raw}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
  }
  return version;
};

export const flag = (req: Request, name: string): boolean => req.query[name] === 'true';

export const param = (req: Request, name: string): string => {
  const value = req.params[name];
  if (typeof value !== 'string') throw new RegistryError(404, 404, `missing path parameter ${name}`);
  return value;
};

const bodyOf = (req: Request): Record<string, unknown> => {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RegistryError(422, 422, 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
};

/** The `{ schema, schemaType?, references? }` body of register, lookup and compatibility. */
export const schemaOfBody = (req: Request): string => {
  const body = bodyOf(req);
  const { schema, schemaType, references } = body;
  if (schemaType !== undefined && schemaType !== null && schemaType !== 'AVRO') {
    throw invalidSchema(`schemaType ${String(schemaType)} is not supported by this registry; only AVRO is`);
  }
  if (Array.isArray(references) && references.length > 0) throw invalidSchema('schema references are not supported by this registry');
  if (typeof schema !== 'string' || schema.trim() === '') throw invalidSchema('the body needs a "schema" string');
  return schema;
};

/** The `{ compatibility }` body of PUT /config (Confluent also accepts `compatibilityLevel`). */
export const levelOfBody = (req: Request): CompatibilityLevel => {
  const body = bodyOf(req);
  const raw = body.compatibility ?? body.compatibilityLevel;
  const level = typeof raw === 'string' ? raw.toUpperCase() : raw;
  if (!isCompatibilityLevel(level)) {
    throw new RegistryError(422, errorCodes.invalidCompatibilityLevel, `Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive`);
  }
  return level;
};
