/**
 * Confluent's error answers: `{ error_code, message }` with its numeric codes, which clients
 * read (e.g. 40401 vs 40403 tell "no such subject" from "no such schema").
 */
import { isAppError } from '../../errors';
import { IncompatibleSchemaError } from '../port';

export const errorCodes = {
  subjectNotFound: 40401,
  versionNotFound: 40402,
  schemaNotFound: 40403,
  subjectSoftDeleted: 40404,
  subjectNotSoftDeleted: 40405,
  versionSoftDeleted: 40406,
  versionNotSoftDeleted: 40407,
  subjectConfigNotFound: 40408,
  incompatible: 409,
  invalidSchema: 42201,
  invalidVersion: 42202,
  invalidCompatibilityLevel: 42203,
  storeError: 50001,
  timeout: 50002,
} as const;

export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export const subjectNotFound = (subject: string) =>
  new RegistryError(404, errorCodes.subjectNotFound, `Subject '${subject}' not found.`);
export const versionNotFound = (subject: string, version: number | string) =>
  new RegistryError(404, errorCodes.versionNotFound, `Version ${version} not found for subject '${subject}'.`);
export const schemaNotFound = (what = 'Schema not found') => new RegistryError(404, errorCodes.schemaNotFound, what);
export const invalidSchema = (reason: string) => new RegistryError(422, errorCodes.invalidSchema, `Invalid schema: ${reason}`);

export interface ErrorAnswer {
  status: number;
  body: { error_code: number; message: string };
}

/** Our errors and the taxonomy's, as Confluent would answer them. */
export const toErrorAnswer = (error: unknown): ErrorAnswer => {
  const answer = (status: number, errorCode: number, message: string) => ({ status, body: { error_code: errorCode, message } });
  if (error instanceof RegistryError) return answer(error.status, error.errorCode, error.message);
  if (error instanceof IncompatibleSchemaError) return answer(409, errorCodes.incompatible, error.message);
  if (isAppError(error)) {
    if (error.code === 'validation') return answer(422, errorCodes.invalidSchema, error.message);
    if (error.code === 'unavailable') return answer(503, errorCodes.timeout, error.message);
    if (error.code === 'payload_too_large') return answer(413, 413, error.message);
  }
  const bodyParser = error as { type?: string; status?: number; message?: string };
  if (bodyParser.type === 'entity.parse.failed') return answer(400, 400, 'Malformed JSON body');
  if (bodyParser.type === 'entity.too.large') return answer(413, 413, 'Body too large');
  return answer(500, errorCodes.storeError, 'Internal error in the schema registry');
};
