import { defineConfig } from 'vite';

/**
 * Preact through esbuild's automatic JSX runtime: no framework plugin needed. `npm run dev -w web`
 * proxies the API to a running `npm start` on :8080.
 */
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: Object.fromEntries(['/api', '/images', '/openapi.json', '/metrics', '/health'].map((path) => [path, 'http://localhost:8080'])),
  },
});
