import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { loginAs, newProduct, startTestPlatform } from './harness';
import type { TestPlatform, TestResponse } from './harness';
import { testPicture } from './images.fixture';

jest.setTimeout(90_000);

const maxBytes = 300_000;

interface Callers {
  owner: string;
  other: string;
}

async function register(platform: TestPlatform, name: string): Promise<string> {
  const email = `${name}.${Date.now()}@images.test`;
  const password = `Lighthouse-${name}-Harbour-9`;
  await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name } });
  return loginAs(platform.baseUrl, email, password);
}

const upload = (platform: TestPlatform, productId: string, bytes: Uint8Array, contentType: string, who: { token?: string; anonymous?: boolean } = {}): Promise<TestResponse> =>
  platform.request('POST', `/api/products/${productId}/images`, { rawBody: bytes, headers: { 'content-type': contentType }, ...who });

const fetchImage = (platform: TestPlatform, url: string, headers: Record<string, string> = {}) => fetch(`${platform.baseUrl}${url}`, { headers: { accept: 'image/avif,image/webp,*/*', ...headers } });

/** The objects stored for a product on the local disk (the embedded image store). */
const storedFiles = (platform: TestPlatform, productId: string): string[] => {
  try {
    return readdirSync(join(platform.dataDir, 'images', 'objects', 'products', productId), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
};

describe('product images (embedded: local disk store)', () => {
  let platform: TestPlatform;
  let tokens: Callers;
  let productId: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ embeddedOnly: true, env: { IMAGE_MAX_BYTES: String(maxBytes) } });
    tokens = { owner: await register(platform, 'owner'), other: await register(platform, 'other') };
    productId = String((await platform.request('POST', '/api/products', { token: tokens.owner, body: newProduct() })).body.id);
  });
  afterAll(() => platform?.close());

  it('stores an uploaded PNG with its medium and thumbnail, serves each with its type, size and caching, and lists it on the product', async () => {
    const uploaded = await upload(platform, productId, await testPicture(1200, 900, 'png'), 'image/png', { token: tokens.owner });
    expect(uploaded.status).toBe(201);
    const body = uploaded.body as { id: string; urls: Record<'original' | 'medium' | 'thumbnail', string>; variants: Array<{ name: string; width: number; height: number }> };
    expect(uploaded.headers.get('location')).toBe(body.urls.original);
    expect(body.variants.map(({ name, width, height }) => [name, width, height])).toEqual([['original', 1200, 900], ['medium', 800, 600], ['thumbnail', 200, 150]]);

    const expected = { original: ['image/png', 'png', 1200, 900], medium: ['image/webp', 'webp', 800, 600], thumbnail: ['image/webp', 'webp', 200, 150] } as const;
    for (const [name, [contentType, format, width, height]] of Object.entries(expected)) {
      const response = await fetchImage(platform, body.urls[name as keyof typeof expected]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const etag = response.headers.get('etag') as string;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([format, width, height]);
      expect((await fetchImage(platform, body.urls[name as keyof typeof expected], { 'if-none-match': etag })).status).toBe(304);
    }

    const product = await platform.request('GET', `/api/products/${productId}`, { anonymous: true, headers: { 'x-consistency-token': uploaded.headers.get('x-consistency-token') as string } });
    expect(product.body.images).toEqual([{ id: body.id, urls: body.urls, width: 1200, height: 900 }]);
  });

  it('lets an admin add an image to a customer\'s product, and refuses the other customer and anonymous callers', async () => {
    const jpeg = await testPicture(640, 480, 'jpeg');
    expect((await upload(platform, productId, jpeg, 'image/jpeg')).status).toBe(201);
    expect((await upload(platform, productId, jpeg, 'image/jpeg', { token: tokens.other })).status).toBe(403);
    expect((await upload(platform, productId, jpeg, 'image/jpeg', { anonymous: true })).status).toBe(401);
    expect((await upload(platform, '00000000-0000-4000-8000-000000000000', jpeg, 'image/jpeg')).status).toBe(404);
  });

  it('refuses what is not a JPEG, PNG or WebP, a label that lies, bytes that do not decode and bodies over IMAGE_MAX_BYTES, storing nothing', async () => {
    const before = storedFiles(platform, productId);
    const png = await testPicture(300, 200, 'png');
    const cases: Array<[string, Uint8Array, string, number, string]> = [
      ['a GIF type', Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif', 415, 'content-type'],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', 415, 'content-type'],
      ['JSON', Buffer.from('{"image":"no"}'), 'application/json', 415, 'content-type'],
      ['a text file labelled image/png', Buffer.from('hello, I am plain text pretending'), 'image/png', 415, 'content-type'],
      ['a PNG labelled image/jpeg', png, 'image/jpeg', 415, 'content-type'],
      ['a truncated PNG', png.subarray(0, 80), 'image/png', 400, 'body'],
      ['an empty body', Buffer.alloc(0), 'image/png', 400, 'body'],
      ['a body over the limit', Buffer.concat([png, Buffer.alloc(maxBytes)]), 'image/png', 413, 'body'],
    ];
    for (const [what, bytes, contentType, status, field] of cases) {
      const response = await upload(platform, productId, bytes, contentType, { token: tokens.owner });
      expect({ what, status: response.status, type: response.headers.get('content-type')?.split(';')[0], field: (response.body.errors as Array<{ field: string }> | undefined)?.[0]?.field }).toEqual({ what, status, type: 'application/problem+json', field });
    }
    expect(storedFiles(platform, productId)).toEqual(before);
  });

  it('removes an image for its owner only, and stops serving it', async () => {
    const uploaded = await upload(platform, productId, await testPicture(400, 400, 'webp'), 'image/webp', { token: tokens.owner });
    const { id: imageId, urls } = uploaded.body as { id: string; urls: { thumbnail: string } };
    expect((await fetchImage(platform, urls.thumbnail)).status).toBe(200);
    expect((await platform.request('DELETE', `/api/products/${productId}/images/${imageId}`, { token: tokens.other })).status).toBe(403);
    expect((await platform.request('DELETE', `/api/products/${productId}/images/${imageId}`, { anonymous: true })).status).toBe(401);
    const removed = await platform.request('DELETE', `/api/products/${productId}/images/${imageId}`, { token: tokens.owner });
    expect(removed.status).toBe(202);
    expect((await fetchImage(platform, urls.thumbnail)).status).toBe(404);
    expect(storedFiles(platform, productId).filter((file) => file.includes(imageId))).toEqual([]);
    expect((await platform.request('DELETE', `/api/products/${productId}/images/${imageId}`, { token: tokens.owner })).status).toBe(404);
    const product = await platform.request('GET', `/api/products/${productId}`, { anonymous: true, headers: { 'x-consistency-token': removed.headers.get('x-consistency-token') as string } });
    expect((product.body.images as Array<{ id: string }>).map((image) => image.id)).not.toContain(imageId);
  });

  it('answers 404 for keys that are not images of the store, traversal attempts included', async () => {
    for (const path of ['/images/products/x/y/original.png', '/images/products/..%2F..%2F..%2Fetc/passwd/original.png', '/images/..%2Fevents.db', `/images/products/${productId}/00000000-0000-4000-8000-000000000000/original.png`]) {
      const response = await fetchImage(platform, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});

const s3Endpoint = process.env.S3_ENDPOINT;
(s3Endpoint ? describe : describe.skip)(`product images on S3 (${s3Endpoint ? `MinIO at ${s3Endpoint}` : 'skipped: S3_ENDPOINT is not set; scripts/infra/up.sh starts MinIO'})`, () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({
      embeddedOnly: true,
      env: { IMAGE_STORE: 's3', S3_ENDPOINT: s3Endpoint ?? '', S3_BUCKET: `e2e-${Date.now().toString(36)}`, S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID ?? '', S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY ?? '' },
    });
  });
  afterAll(() => platform?.close());

  it('stores the variants in the bucket and serves them through the gateway', async () => {
    const productId = String((await platform.request('POST', '/api/products', { body: newProduct() })).body.id);
    const uploaded = await upload(platform, productId, await testPicture(1000, 500, 'jpeg'), 'image/jpeg');
    expect(uploaded.status).toBe(201);
    const thumbnail = await fetchImage(platform, (uploaded.body as { urls: { thumbnail: string } }).urls.thumbnail);
    expect([thumbnail.status, thumbnail.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(200);
    expect((await platform.request('GET', '/health', { anonymous: true })).body).toMatchObject({ checks: { images: { ok: true } } });
  });
});
