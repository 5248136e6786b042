import { createLoaders, maxProductBatch } from './loaders';
import { createTestUpstream, testId, testProduct } from './test-upstream.fixture';

const batchRoute = {
  'GET /api/products/batch': (call: { query?: Record<string, unknown> }) => ({
    // the API leaves out unknown ids; ids ending in 9 are "unknown" here
    items: String(call.query?.ids).split(',').filter((id) => !id.endsWith('9')).map(testProduct),
  }),
};

describe('the product loader', () => {
  it('reads every product a request asks for in one call, each id once', async () => {
    const upstream = createTestUpstream(batchRoute);
    const { product } = createLoaders(upstream);
    const ids = Array.from({ length: 10 }, testId);
    const asked = [...ids, ...ids, ...ids];
    const found = await Promise.all(asked.map((id) => product.load(id)));
    expect(upstream.calls).toHaveLength(1);
    expect(String(upstream.calls[0]?.query?.ids).split(',').sort()).toEqual([...ids].sort());
    expect(found.map((item) => item?.id ?? null)).toEqual(asked.map((id) => (id.endsWith('9') ? null : id)));
  });

  it('splits more ids than the batch route takes into several calls', async () => {
    const upstream = createTestUpstream(batchRoute);
    const { product } = createLoaders(upstream);
    await Promise.all(Array.from({ length: maxProductBatch + 1 }, () => product.load(testId())));
    expect(upstream.calls.map((call) => String(call.query?.ids).split(',').length)).toEqual([maxProductBatch, 1]);
  });

  it('is per request: a second set of loaders reads again', async () => {
    const upstream = createTestUpstream(batchRoute);
    const id = testId();
    await createLoaders(upstream).product.load(id);
    await createLoaders(upstream).product.load(id);
    expect(upstream.calls).toHaveLength(2);
  });

  it('rejects each load with the refusal of the call', async () => {
    const upstream = createTestUpstream({});
    const { product } = createLoaders(upstream);
    await expect(product.load(testId())).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', status: 404 } });
  });
});
