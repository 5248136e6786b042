export { createGateway, gatewayOpenApiDocument } from './gateway';
export type { GatewayOptions, Upstreams } from './gateway';
export { bearerIdentity } from './bearer-identity';
export { csrfHeader, refreshCookieName, refreshCookiePath } from './session';
