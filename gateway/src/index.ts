export { createGateway } from './gateway';
export type { GatewayOptions, Upstreams } from './gateway';
export { bearerIdentity } from './bearer-identity';
