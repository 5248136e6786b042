import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { AppError, ValidationError } from '../errors';

/** The image formats accepted for upload, by media type. */
export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

export const extensionOf: Record<ImageMediaType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** What the first bytes say the file is, whatever its label: PNG, JPEG and WebP signatures; null for anything else. */
export function sniffImageType(bytes: Buffer): ImageMediaType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type VariantName = 'original' | 'medium' | 'thumbnail';

export interface ImageVariant {
  name: VariantName;
  contentType: ImageMediaType;
  extension: string;
  width: number;
  height: number;
  body: Buffer;
}

/** Longest side of each resized variant; never enlarged. */
export const variantSizes = { medium: 800, thumbnail: 200 } as const;

/** Past this many pixels an upload is refused before it is decoded (a small file can unpack to gigabytes). */
export const maxImagePixels = 40_000_000;

/**
 * Checks an upload and makes its variants. The declared media type must be one we take (415),
 * and the bytes must be what it says (415: a label that lies is refused, not corrected);
 * bytes that carry the right signature but do not decode are a 400 naming the body.
 * The original is re-encoded in its own format at full size: that drops EXIF and other metadata
 * (a phone photo's location never reaches the shop's visitors) and applies the EXIF orientation.
 * The resized variants are WebP.
 */
export async function createImageVariants(bytes: Buffer, declaredType: string): Promise<ImageVariant[]> {
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(imageMediaTypes as readonly string[]).includes(declared)) {
    throw new AppError('unsupported_media_type', `images must be ${imageMediaTypes.join(', ')}`, { issues: [{ field: 'content-type', message: `must be one of ${imageMediaTypes.join(', ')}` }] });
  }
  const sniffed = sniffImageType(bytes);
  if (sniffed !== declared) {
    throw new AppError('unsupported_media_type', `the body is ${sniffed ? `a ${sniffed} image` : 'not a JPEG, PNG or WebP image'}, not ${declared}`, {
      issues: [{ field: 'content-type', message: `does not match the body (${sniffed ?? 'not an image'})` }],
    });
  }
  const type = declared as ImageMediaType;
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxImagePixels }).metadata();
  } catch (error) {
    throw undecodable(error);
  }
  if (!metadata.width || !metadata.height) throw undecodable(new Error('no dimensions'));
  const source = () => sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'error' }).rotate();
  try {
    const original = await encode(source(), type).toBuffer({ resolveWithObject: true });
    const resized = await Promise.all(
      (Object.entries(variantSizes) as Array<[Exclude<VariantName, 'original'>, number]>).map(async ([name, size]) => {
        const output = await source().resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
        return { name, contentType: 'image/webp' as const, extension: 'webp', width: output.info.width, height: output.info.height, body: output.data };
      }),
    );
    return [{ name: 'original', contentType: type, extension: extensionOf[type], width: original.info.width, height: original.info.height, body: original.data }, ...resized];
  } catch (error) {
    throw undecodable(error);
  }
}

const encode = (pipeline: Sharp, type: ImageMediaType): Sharp => {
  switch (type) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90, mozjpeg: true });
    case 'image/png':
      return pipeline.png({ compressionLevel: 9 });
    case 'image/webp':
      return pipeline.webp({ quality: 90 });
  }
};

function undecodable(error: unknown): ValidationError {
  const reason = (error as Error).message ?? String(error);
  const tooBig = /pixel limit/i.test(reason);
  return new ValidationError(tooBig ? `the image has more than ${maxImagePixels} pixels` : 'the body could not be decoded as an image', [
    { field: 'body', message: tooBig ? `at most ${maxImagePixels} pixels` : `not a decodable image (${reason.slice(0, 120)})` },
  ]);
}
