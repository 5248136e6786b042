export * from './events';
export * from './money';
export * from './countries';
export * from './http';
export * from './read-models';
export * from './avro';
export * from './compatibility';
export * from './samples';
