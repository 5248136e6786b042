/**
 * The image-storage port: product images and their resized variants, kept as immutable objects
 * under keys like `products/<productId>/<imageId>/<variant>.<ext>`. Two adapters: the local disk
 * (`disk.ts`, the embedded default, under DATA_DIR/images) and any S3-compatible object store
 * (`s3.ts`, the AWS SDK; MinIO in the tests). Every adapter passes `contract.ts`.
 */
import type { Readable } from 'node:stream';
import { ValidationError } from '../errors';

export interface StoredImage {
  contentType: string;
  /** Bytes. */
  contentLength: number;
  /** A quoted entity tag (`"<md5 hex>"`, as S3 gives for a single-part upload): equal bytes, equal tag. */
  etag: string;
  body: Readable;
}

export interface ImageStore {
  /** Stores (or replaces) the object at `key`; readers see the old object or the new one, never a part. */
  put(key: string, body: Buffer, contentType: string): Promise<{ etag: string }>;
  /** The object as a stream, or null when there is none. */
  get(key: string): Promise<StoredImage | null>;
  exists(key: string): Promise<boolean>;
  /** Idempotent: deleting what is not there is no error. */
  delete(key: string): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

/**
 * Keys are relative paths of plain segments: letters, digits, dots, dashes and underscores,
 * no segment of dots only, no leading slash. Both adapters refuse anything else, so a key can
 * never climb out of the disk adapter's folder nor name another bucket's object.
 */
const segmentPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
export const maxImageKeyLength = 512;

export function isImageKey(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0 || key.length > maxImageKeyLength) return false;
  return key.split('/').every((segment) => segmentPattern.test(segment) && !/^\.+$/.test(segment));
}

export function assertImageKey(key: string): void {
  if (!isImageKey(key)) throw new ValidationError(`invalid image key ${JSON.stringify(String(key).slice(0, 80))}`, [{ field: 'key', message: 'must be a relative path of letters, digits, dots, dashes or underscores' }]);
}
