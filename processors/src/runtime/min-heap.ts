/** A binary min-heap by a numeric priority (due times of timers). */
export interface MinHeap<Item> {
  push(item: Item): void;
  peek(): Item | undefined;
  pop(): Item | undefined;
  size(): number;
  clear(): void;
}

export function createMinHeap<Item>(priorityOf: (item: Item) => number): MinHeap<Item> {
  const items: Item[] = [];
  const less = (a: number, b: number) => priorityOf(items[a] as Item) < priorityOf(items[b] as Item);
  const swap = (a: number, b: number) => {
    const item = items[a] as Item;
    items[a] = items[b] as Item;
    items[b] = item;
  };
  return {
    push(item) {
      items.push(item);
      let index = items.length - 1;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (!less(index, parent)) break;
        swap(index, parent);
        index = parent;
      }
    },
    peek: () => items[0],
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length === 0 || last === undefined) return top;
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && less(left, smallest)) smallest = left;
        if (right < items.length && less(right, smallest)) smallest = right;
        if (smallest === index) break;
        swap(index, smallest);
        index = smallest;
      }
      return top;
    },
    size: () => items.length,
    clear: () => void (items.length = 0),
  };
}
