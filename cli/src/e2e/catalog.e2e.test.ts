import { newProduct, removeDataDir, startTestPlatform } from './harness';
import { describeCatalogScenarios } from './catalog.scenarios';

jest.setTimeout(60_000);

describeCatalogScenarios('embedded, one process', () => startTestPlatform());

describe('restart (embedded)', () => {
  it('keeps everything and resumes projections from their checkpoints', async () => {
    const first = await startTestPlatform();
    const created = await first.request('POST', '/api/products', { body: newProduct() });
    const token = created.headers.get('x-consistency-token') as string;
    expect((await first.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': token } })).status).toBe(200);
    const mirrored = first.running.mirror?.checkpoint() ?? 0;
    await first.stop();

    const second = await startTestPlatform({ dataDir: first.dataDir });
    try {
      expect(second.running.mirror?.checkpoint()).toBeGreaterThanOrEqual(mirrored);
      const progress = second.running.projections?.status()[0]?.progress.partitions ?? {};
      expect(Object.values(progress).some((entry) => entry.position > 0)).toBe(true);
      const read = await second.request('GET', `/api/products/${String(created.body.id)}`);
      expect(read.status).toBe(200);
    } finally {
      await second.stop();
      removeDataDir(first.dataDir);
    }
  });
});
