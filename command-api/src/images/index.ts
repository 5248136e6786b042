/** Product images on the write side: upload (raw body), removal, and serving the stored variants. */
export { createImageCommands } from './commands';
export type { ImageCommands, ImagesDeps } from './commands';
export { imageRoutes, imageUploadRoutes, imageUrlOf } from './routes';
export { describeImageRoutes } from './openapi';
