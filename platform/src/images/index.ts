/** The image-storage port (port.ts), its adapters (local disk, S3-compatible) and the upload checks and variants (sharp). */
export type { ImageStore, StoredImage } from './port';
export { assertImageKey, isImageKey, maxImageKeyLength } from './port';
export { createDiskImageStore } from './disk';
export { createS3Client, createS3ImageStore } from './s3';
export type { S3ClientSettings, S3ImageStoreOptions } from './s3';
export { createImageVariants, extensionOf, imageMediaTypes, maxImagePixels, sniffImageType, variantSizes } from './variants';
export type { ImageMediaType, ImageVariant, VariantName } from './variants';
