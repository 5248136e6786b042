import { defineConfig } from 'vitest/config';

/**
 * Component tests: the pages render for real in happy-dom (Preact through esbuild's automatic JSX
 * runtime, as in the build); only the network is a stub. Jest runs the `*.unit.test.ts` files and
 * never sees these (its testMatch takes `.ts` only).
 */
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['src/**/*.component.test.tsx'],
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://shop.test/' } },
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    testTimeout: 10_000,
    pool: 'threads',
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } },
  },
});
