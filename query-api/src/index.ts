export { createQueryApi } from './app';
export type { QueryApiDeps } from './app';
