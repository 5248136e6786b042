import type { BenchHttpClient } from './bench-http-client';

/** The admin the components create at start-up (ADMIN_EMAIL / ADMIN_PASSWORD), who creates the products. */
export const benchAdmin = { email: 'orders-admin@bench.test', password: 'Cobalt-Meridian-Passphrase-31' };
/** Where the bench's orders ship. */
export const benchAddress = { recipient: 'Bench Customer', line1: '1 Load Street', line2: null, city: 'Lyon', region: null, postalCode: '69001', country: 'FR' };
const customerPassword = 'Juniper-Estuary-Passphrase-57';
const productCount = 3;
const customerCount = 8;

export interface OrdersFixtures {
  adminToken: string;
  productIds: string[];
  /** One access token per customer; the phases take them in turn. */
  tokens: string[];
}

/** Products with stock for any rate and customers logged in, made through the API as a shop would. */
export async function createOrdersFixtures(client: BenchHttpClient): Promise<OrdersFixtures> {
  const adminToken = String((await client.must('POST', '/api/auth/login', benchAdmin)).accessToken);
  const productIds: string[] = [];
  for (let index = 0; index < productCount; index += 1) {
    const created = await client.must('POST', '/api/products', { sku: `BENCH-PROC-${index}`, name: `Bench process product ${index}`, category: 'bench', price: { amount: 1000 + index, currency: 'EUR' }, initialStock: 10_000_000 }, adminToken);
    productIds.push(String(created.id));
  }
  const tokens: string[] = [];
  for (let index = 0; index < customerCount; index += 1) {
    const email = `orders-process-customer-${index}@bench.test`;
    await client.must('POST', '/api/auth/register', { email, password: customerPassword, name: `Customer ${index}` });
    tokens.push(String((await client.must('POST', '/api/auth/login', { email, password: customerPassword })).accessToken));
  }
  return { adminToken, productIds, tokens };
}
