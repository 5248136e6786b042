export { createGateway, operatorIdentity } from './gateway';
export type { GatewayOptions, Upstreams } from './gateway';
