import v8 from 'node:v8';
import { collectGarbage } from './settled-heap';

const usedHeap = () => v8.getHeapStatistics().used_heap_size;

/** The heap used while 300,000 small objects are held; they are garbage once it returns. */
function heapWhileHolding(): number {
  const held = Array.from({ length: 300_000 }, (_, index) => ({ index, text: `item ${index}` }));
  return held.length > 0 ? usedHeap() : 0;
}

describe('collectGarbage', () => {
  it('frees what is no longer referenced before a section is measured', () => {
    collectGarbage();
    const before = usedHeap();
    const holding = heapWhileHolding();
    expect(holding - before).toBeGreaterThan(10 * 1024 * 1024);
    collectGarbage();
    expect(usedHeap() - before).toBeLessThan((holding - before) / 4);
  });
});
