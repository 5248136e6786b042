import { newProduct } from './harness';
import type { PlatformUnderTest, TestResponse } from './harness';

export interface GraphqlAnswer<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined;
  response: TestResponse;
}

/** One GraphQL request through the gateway, as the admin unless `token` or `anonymous` say otherwise. */
export async function graphql<T = Record<string, unknown>>(platform: PlatformUnderTest, query: string, options: { variables?: Record<string, unknown>; token?: string; anonymous?: boolean } = {}): Promise<GraphqlAnswer<T>> {
  const response = await platform.request('POST', '/graphql', { body: { query, variables: options.variables }, token: options.token, anonymous: options.anonymous });
  return { status: response.status, data: response.body.data as T | null | undefined, errors: response.body.errors as GraphqlAnswer['errors'], response };
}

/** Ask again until `accept` holds (the processors and projections work asynchronously). */
export async function eventually<T>(what: string, ask: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let serial = 0;

/** A customer registered and logged in through REST; its token and id. */
export async function newCustomer(platform: PlatformUnderTest, name: string): Promise<{ token: string; id: string }> {
  const email = `${name}.${Date.now()}.${serial++}@graphql.test`;
  const password = `Graph-${name}-Quokka-${serial}-Lantern`;
  const registered = await platform.request('POST', '/api/auth/register', { body: { email, password, name }, anonymous: true });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const login = await platform.request('POST', '/api/auth/login', { body: { email, password }, anonymous: true });
  return { token: String(login.body.accessToken), id: String(registered.body.id) };
}

/** Products of one fresh category, listed by the admin, and the token that waits for the last one. */
export async function newProducts(platform: PlatformUnderTest, count: number, overrides: Record<string, unknown> = {}): Promise<{ ids: string[]; skus: string[]; category: string; consistencyToken: string }> {
  const category = `gql${Date.now().toString(36)}${serial++}`;
  const ids: string[] = [];
  const skus: string[] = [];
  let consistencyToken = '';
  for (let index = 0; index < count; index++) {
    const product = newProduct({ category, name: `Graph Kettle ${index}`, price: { amount: 1000 + index * 100, currency: 'EUR' }, initialStock: 50, ...overrides });
    const created = await platform.request('POST', '/api/products', { body: product });
    if (created.status !== 201) throw new Error(`creating a product answered ${created.status}: ${JSON.stringify(created.body)}`);
    ids.push(String(created.body.id));
    skus.push(String(product.sku));
    consistencyToken = String(created.body.consistencyToken);
  }
  return { ids, skus, category, consistencyToken };
}
