export * from './validation';
export * from './problem';
export * from './middleware';
export * from './consistency-token';
export * from './etag';
export * from './openapi';
export * from './principal';
export * from './service-app';
