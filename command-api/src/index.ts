export { createCommandApi } from './app';
export type { CommandApiDeps } from './app';
export { createCatalogCommands } from './catalog/commands';
export type { CatalogCommands, CommandAnswer } from './catalog/commands';
export { idempotencyStreamPrefix } from './idempotency';
export { createMirror } from './mirror/mirror';
export type { Mirror, MirrorOptions } from './mirror/mirror';
