// `npm test`: jest (every workspace's `*.test.ts`, with the arguments given, e.g. `--ci --json
// --outputFile=…`), then vitest (the web shop's component tests, `web/src/**/*.component.test.tsx`,
// always all of them: a few seconds). Fails when either fails. With `VITEST_JSON_OUTPUT=<file>`
// vitest also writes its results there, in the same shape as jest's `--json` (`.ci/run` sums both).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const web = join(root, 'web');
const run = (script, args, cwd) => spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' }).status ?? 1;
const binOf = (pkg, bin, from) => join(require.resolve(`${pkg}/package.json`, { paths: [from] }), '..', bin);

const jest = run(binOf('jest', 'bin/jest.js', root), process.argv.slice(2), root);

const reportFile = process.env.VITEST_JSON_OUTPUT;
const vitest = run(binOf('vitest', 'vitest.mjs', web), ['run', ...(reportFile ? ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`] : [])], web);

if (jest !== 0 || vitest !== 0) console.error(`tests failed: jest ${jest === 0 ? 'passed' : `exit ${jest}`}, vitest ${vitest === 0 ? 'passed' : `exit ${vitest}`}`);
process.exit(jest !== 0 ? jest : vitest);
