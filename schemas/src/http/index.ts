export * from './common';
export * from './catalog';
export * from './users';
export * from './auth';
export * from './ordering';
export * from './lifecycle';
export * from './views';
