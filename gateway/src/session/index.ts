export { sessionRoutes } from './routes';
export type { SessionRoutesOptions } from './routes';
export { describeSessionRoutes } from './openapi';
export { remoteCommandApi, sameServer } from './upstream';
export type { CommandApiBase } from './upstream';
export { csrfHeader } from './csrf';
export { refreshCookieName, refreshCookiePath } from './cookies';
