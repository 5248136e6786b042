export * from './common';
export * from './catalog';
