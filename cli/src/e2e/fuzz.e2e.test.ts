/**
 * Issue 14: the OpenAPI document says exactly what the API accepts. Schemathesis generates
 * requests from `/openapi.json` for every operation, as an admin and as a customer, and checks
 * each answer: never a 5xx, only documented statuses and content types, bodies that match their
 * schemas, and every request outside the document refused with a 4xx. Afterwards the platform
 * must be healthy and fully caught up: the mirror at the event store's head, no projection lag.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestJson, startTestPlatform, testAdmin } from './harness';
import type { TestPlatform } from './harness';
import { waitUntil } from './processes';

const probe = spawnSync('schemathesis', ['--version'], { encoding: 'utf8' });
const whyNot = probe.error
  ? `schemathesis is not installed (pip install -r scripts/fuzz/requirements.txt): ${probe.error.message}`
  : probe.status !== 0
    ? `schemathesis does not run: ${probe.stderr.trim().split('\n').at(-1) ?? ''}`
    : undefined;
if (whyNot) process.stdout.write(`fuzz e2e skipped: ${whyNot}\n`);
const describeIfSchemathesis = whyNot ? describe.skip : describe;

/**
 * Every check about what the document promises. `positive_data_acceptance` is left out: it
 * expects every schema-valid request to succeed, and some refusals depend on state or on
 * rules JSON Schema cannot state — a cursor must come from a previous page, an Idempotency-Key
 * may not be reused with another body, a new password must not be common, the cart must hold
 * something to check out, a product may appear on one order line only. In 4.32.5 its coverage
 * phase also sends header values of letters and digits only, ignoring a `pattern` that needs a
 * `.` or `"` (X-Consistency-Token, If-Match): a false positive of the tool.
 */
const checks = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'negative_data_rejection'];
const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 25);
// A guard against a hung run, not a speed target: a run takes 2–3 minutes here, and CI machines under load take longer.
const runBoundMs = 10 * 60_000;
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));

jest.setTimeout(2 * runBoundMs + 120_000);

interface FuzzRun {
  exitCode: number | null;
  output: string;
  ms: number;
}

/** Asynchronous: the platform answering the fuzzer runs in this very process. */
function runSchemathesis(baseUrl: string, token: string, workDir: string): Promise<FuzzRun> {
  const started = Date.now();
  const args = [
    'run', `${baseUrl}/openapi.json`, '--url', baseUrl,
    '--header', `Authorization: Bearer ${token}`,
    '--checks', checks.join(','),
    '--max-examples', String(maxExamples), '--seed', seed, '--workers', '2',
    '--request-timeout', '20', '--continue-on-failure', '--generation-database', 'none', '--no-color',
    // Server-sent events (tag `live`) never end: each valid request would hang until the timeout. Their inputs and authorization are
    // tested in live.e2e.test.ts and the authorization matrix.
    '--exclude-tag', 'live',
  ];
  return new Promise((resolve) => {
    const child = spawn('schemathesis', args, { cwd: workDir, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const bound = setTimeout(() => {
      output += `\nstopped: the run passed its bound of ${runBoundMs / 1000} s\n`;
      child.kill('SIGKILL');
    }, runBoundMs);
    child.once('close', (exitCode) => {
      clearTimeout(bound);
      resolve({ exitCode, output: output.replaceAll(token, '<token>'), ms: Date.now() - started });
    });
  });
}

/** The failures and the summary of a run, without its progress lines. */
const reportOf = (output: string): string => {
  const failures = output.indexOf('FAILURES');
  const summary = output.indexOf('SUMMARY');
  return output.slice(failures >= 0 ? failures : summary >= 0 ? summary : 0);
};

const figure = (output: string, pattern: RegExp): string => pattern.exec(output)?.[1] ?? '?';

/** `projection_lag_messages` samples from the Prometheus text. */
const projectionLags = (metrics: string) =>
  [...metrics.matchAll(/^projection_lag_messages\{([^}]*)\} (\S+)$/gm)].map(([, labels, value]) => ({ labels: labels ?? '', lag: Number(value) }));

describeIfSchemathesis('the OpenAPI document against the running platform (schemathesis)', () => {
  let platform: TestPlatform;
  let workDir: string;
  const tokens: Record<'admin' | 'customer', string> = { admin: '', customer: '' };

  beforeAll(async () => {
    // A short consistency wait: the fuzzer sends tokens of positions that never come.
    platform = await startTestPlatform({ env: { CONSISTENCY_WAIT_MS: '100' } });
    workDir = mkdtempSync(join(tmpdir(), 'ecommerce-fuzz-'));
    const customer = { email: 'fuzz.customer@shop.test', password: 'a customer passphrase 93', name: 'Fuzz Customer' };
    const registered = await requestJson(platform.baseUrl, 'POST', '/api/auth/register', { body: customer });
    expect(registered.status).toBe(201);
    for (const [role, credentials] of [['admin', testAdmin], ['customer', customer]] as const) {
      const login = await requestJson(platform.baseUrl, 'POST', '/api/auth/login', { body: { email: credentials.email, password: credentials.password } });
      expect(login.status).toBe(200);
      tokens[role] = String(login.body.accessToken);
    }
  });

  afterAll(async () => {
    await platform?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it.each(['customer', 'admin'] as const)('as the %s: every operation, zero failures', async (role) => {
    const run = await runSchemathesis(platform.baseUrl, tokens[role], workDir);
    const operations = figure(run.output, /Tested: (\d+)/);
    const cases = figure(run.output, /(\d+) generated/);
    process.stdout.write(`schemathesis as the ${role}: ${operations} operations, ${cases} test cases, seed ${seed}, ${(run.ms / 1000).toFixed(1)} s, exit code ${String(run.exitCode)}\n`);
    if (run.exitCode !== 0) throw new Error(`schemathesis found failures as the ${role} (reproduce with FUZZ_SEED=${seed}):\n${reportOf(run.output)}`);
    expect(operations).not.toBe('?');
  });

  it('afterwards the platform is healthy and caught up: mirror at the head, no projection lag', async () => {
    const health = await requestJson(platform.baseUrl, 'GET', '/health', { anonymous: true });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');

    const head = await platform.eventStore.headPosition();
    await waitUntil(() => platform.running.mirror?.checkpoint() === head, `the mirror to reach the event store head ${head} (at ${String(platform.running.mirror?.checkpoint())})`, 30_000);

    let lags: Array<{ labels: string; lag: number }> = [];
    await waitUntil(async () => {
      lags = projectionLags(await (await fetch(`${platform.baseUrl}/metrics`)).text());
      return lags.length > 0 && lags.every((sample) => sample.lag === 0);
    }, 'every projection partition to have zero lag', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${lags.filter((sample) => sample.lag !== 0).map((sample) => `${sample.labels} = ${sample.lag}`).join('; ')}`);
    });
    for (const projection of platform.running.projections?.status() ?? []) expect(lags.some((sample) => sample.labels.includes(`projection="${projection.projection}"`))).toBe(true);
  });
});
