import sharp from 'sharp';

/** A real picture made in the test: a colour field with a darker block, so resizing has something to keep. */
export async function testPicture(width: number, height: number, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Buffer> {
  const block = await sharp({ create: { width: Math.max(1, Math.floor(width / 3)), height: Math.max(1, Math.floor(height / 3)), channels: 3, background: { r: 20, g: 60, b: 120 } } }).png().toBuffer();
  const picture = sharp({ create: { width, height, channels: 3, background: { r: 230, g: 180, b: 60 } } }).composite([{ input: block, left: Math.floor(width / 3), top: Math.floor(height / 3) }]);
  return picture[format]().toBuffer();
}
