import sharp from 'sharp';
import { createImageVariants, sniffImageType } from './variants';

const picture = (width: number, height: number, format: 'png' | 'jpeg' | 'webp') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })[format]().toBuffer();

describe('image upload checks and variants', () => {
  it('recognises PNG, JPEG and WebP by their first bytes, and nothing else', async () => {
    expect(sniffImageType(await picture(4, 4, 'png'))).toBe('image/png');
    expect(sniffImageType(await picture(4, 4, 'jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(await picture(4, 4, 'webp'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('makes the original, an 800 px medium and a 200 px thumbnail, keeping the aspect ratio', async () => {
    const variants = await createImageVariants(await picture(1600, 1000, 'png'), 'image/png');
    expect(variants.map(({ name, contentType, width, height }) => ({ name, contentType, width, height }))).toEqual([
      { name: 'original', contentType: 'image/png', width: 1600, height: 1000 },
      { name: 'medium', contentType: 'image/webp', width: 800, height: 500 },
      { name: 'thumbnail', contentType: 'image/webp', width: 200, height: 125 },
    ]);
    for (const variant of variants) {
      const decoded = await sharp(variant.body).metadata();
      expect({ format: decoded.format, width: decoded.width }).toEqual({ format: variant.contentType === 'image/png' ? 'png' : 'webp', width: variant.width });
    }
  });

  it('never enlarges a small image', async () => {
    const variants = await createImageVariants(await picture(120, 90, 'jpeg'), 'image/jpeg; charset=binary');
    expect(variants.map((variant) => [variant.name, variant.width, variant.height])).toEqual([['original', 120, 90], ['medium', 120, 90], ['thumbnail', 120, 90]]);
  });

  it('drops the metadata of the original (a photo\'s location stays private)', async () => {
    const withExif = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#336699' } }).jpeg().withExif({ IFD0: { Copyright: 'secret place' } }).toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const [original] = await createImageVariants(withExif, 'image/jpeg');
    expect((await sharp(original!.body).metadata()).exif).toBeUndefined();
  });

  it('refuses a media type it does not take with 415', async () => {
    await expect(createImageVariants(Buffer.from('GIF89a'), 'image/gif')).rejects.toMatchObject({ code: 'unsupported_media_type', issues: [{ field: 'content-type' }] });
    await expect(createImageVariants(Buffer.from('<svg/>'), 'image/svg+xml')).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a label that lies about the bytes with 415', async () => {
    await expect(createImageVariants(await picture(10, 10, 'jpeg'), 'image/png')).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/image\/jpeg image, not image\/png/) });
    await expect(createImageVariants(Buffer.from('just some text, honestly'), 'image/png')).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/not a JPEG, PNG or WebP/) });
  });

  it('refuses bytes with a PNG signature that do not decode with 400 naming the body', async () => {
    const truncated = (await picture(300, 300, 'png')).subarray(0, 60);
    await expect(createImageVariants(truncated, 'image/png')).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'body' }] });
  });
});
