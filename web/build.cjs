// Builds the web shop into web/dist; `npm ci` / `npm install` run it (the root `prepare` script),
// so a clean clone serves the shop at / after `npm ci && npm start`. An install without dev
// dependencies (no vite: `npm ci --omit=dev`) skips it and says so; the gateway then answers /
// with a page that says how to build it.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

let vite;
try {
  vite = join(require.resolve('vite/package.json', { paths: [__dirname] }), '..', 'bin', 'vite.js');
} catch {
  console.warn('web shop not built: vite is not installed (an install without dev dependencies); run `npm run build -w web` where it is');
  process.exit(0);
}
execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: __dirname, stdio: 'inherit' });
console.log(`web shop built into ${join(__dirname, 'dist')}`);
