import { Readable } from 'node:stream';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import { assertImageKey } from './port';
import type { ImageStore, StoredImage } from './port';

export interface S3ImageStoreOptions {
  bucket: string;
}

export interface S3ClientSettings {
  /** An S3-compatible server (MinIO, …); unset: AWS itself. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default credential chain (environment, shared files, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The client for an S3-compatible store. Path-style addressing with a custom endpoint: MinIO and
 * most S3 look-alikes do not serve bucket subdomains. Checksums only where the API requires them,
 * so servers without the newer CRC headers accept our requests.
 */
export function createS3Client(settings: S3ClientSettings): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
  return new S3Client(config);
}

const statusOf = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isNotFound = (error: unknown): boolean => {
  const name = (error as { name?: string }).name;
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket' || statusOf(error) === 404;
};

/** Driver errors become ours at the boundary: an outage or a 5xx is retriable 'unavailable'; the rest is rethrown. */
function translate(error: unknown, what: string): never {
  const status = statusOf(error);
  const code = (error as { code?: string }).code;
  if (status === undefined || status >= 500 || code === 'ECONNREFUSED' || code === 'ETIMEDOUT') {
    throw new AppError('unavailable', `the image store could not ${what}: ${(error as Error).message}`, { retriable: true, cause: error });
  }
  throw error;
}

/** Images as objects of one bucket; the factory takes the client (the composition root builds it from settings). */
export function createS3ImageStore(client: S3Client, options: S3ImageStoreOptions): ImageStore & { ensureBucket(): Promise<boolean> } {
  const Bucket = options.bucket;
  return {
    async put(key, body, contentType) {
      assertImageKey(key);
      try {
        const result = await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }));
        return { etag: result.ETag ?? '""' };
      } catch (error) {
        return translate(error, 'store an image');
      }
    },

    async get(key): Promise<StoredImage | null> {
      assertImageKey(key);
      try {
        const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!result.Body) return null;
        return {
          contentType: result.ContentType ?? 'application/octet-stream',
          contentLength: Number(result.ContentLength ?? 0),
          etag: result.ETag ?? '""',
          body: result.Body instanceof Readable ? result.Body : Readable.fromWeb(result.Body.transformToWebStream() as Parameters<typeof Readable.fromWeb>[0]),
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        return translate(error, 'read an image');
      }
    },

    async exists(key) {
      assertImageKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        return translate(error, 'look up an image');
      }
    },

    async delete(key) {
      assertImageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        if (isNotFound(error)) return;
        translate(error, 'delete an image');
      }
    },

    async health() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return { ok: true, detail: `bucket ${Bucket}` };
      } catch (error) {
        return { ok: false, detail: isNotFound(error) ? `bucket ${Bucket} does not exist` : (error as Error).message };
      }
    },

    /** Creates the bucket when it is missing (development and tests; production buckets are provisioned); true when it created one. */
    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return false;
      } catch (error) {
        if (!isNotFound(error)) return translate(error, `reach bucket ${Bucket}`);
      }
      try {
        await client.send(new CreateBucketCommand({ Bucket }));
        return true;
      } catch (error) {
        const name = (error as { name?: string }).name;
        // Another process created it meanwhile.
        if (name === 'BucketAlreadyOwnedByYou' || name === 'BucketAlreadyExists') return false;
        return translate(error, `create bucket ${Bucket}`);
      }
    },

    async close() {
      client.destroy();
    },
  };
}
