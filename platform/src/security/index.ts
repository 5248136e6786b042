// Identity's building blocks: password hashing and policy, signing keys, access and
// refresh tokens, and request limits. Route handlers live in the APIs.
export * from './passwords';
export * from './keys';
export * from './key-ring-file';
export * from './tokens';
export * from './token-verifier';
export * from './refresh-tokens';
export * from './rate-limit';
export * from './rate-limit-redis';
export * from './login-throttle';
