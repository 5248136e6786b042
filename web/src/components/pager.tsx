import { useState } from 'preact/hooks';

/** Cursor pages walked newest to oldest: the cursor of the page shown, and the way back. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    cursor: cursors.at(-1),
    first: cursors.length === 1,
    older: (next: string) => setCursors([...cursors, next]),
    newer: () => setCursors(cursors.slice(0, -1)),
    restart: () => setCursors([undefined]),
  };
}

export function Pager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  return (
    <nav class="pager" aria-label="Pages">
      {!pages.first && <button class="secondary" onClick={pages.newer}>← Newer</button>}
      {nextCursor && <button class="secondary" onClick={() => pages.older(nextCursor)}>Older →</button>}
    </nav>
  );
}
