import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './compose-file';

/**
 * The real checkers (kustomize, kubeconform, promtool, amtool) over the operations files, through
 * scripts/ops/validate.sh; .ci/run builds them first (scripts/ops/tools.sh, cached).
 */
const toolPath = (tool: string) => execFileSync('bash', [join(repoRoot, 'scripts/ops/tools.sh'), 'path', tool], { encoding: 'utf8' }).trim();
const tools = Object.fromEntries(['kustomize', 'kubeconform', 'k8s-schemas', 'promtool', 'amtool'].map((tool) => [tool, toolPath(tool)]));
const missing = Object.entries(tools).filter(([, path]) => !existsSync(path)).map(([tool]) => tool);
if (missing.length > 0) console.warn(`skipped: ops validation (not installed: ${missing.join(', ')}; run bash scripts/ops/tools.sh install)`);
const withTools = missing.length === 0 ? describe : describe.skip;

const run = (command: string, args: string[], input?: string) => spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', input, timeout: 120_000 });

withTools('operations files against the real tools', () => {
  it('render with kustomize and validate strictly against the Kubernetes schemas; rules, rule tests and Alertmanager pass', () => {
    const result = run('bash', [join(repoRoot, 'scripts/ops/validate.sh')]);
    expect({ status: result.status, tail: result.status === 0 ? '' : `${result.stdout}\n${result.stderr}`.slice(-3000) }).toEqual({ status: 0, tail: '' });
    expect(result.stdout).toMatch(/overlays\/kind[\s\S]*Valid: [1-9]\d*, Invalid: 0, Errors: 0, Skipped: 0/);
    expect(result.stdout).toMatch(/ops validation passed: k8s prometheus alertmanager/);
  }, 180_000);

  it('kubeconform rejects what the API server would (the schemas are live)', () => {
    const schemaLocation = `${tools['k8s-schemas'] ?? ''}/{{.ResourceKind}}{{.KindSuffix}}.json`;
    const rendered = run(tools.kustomize ?? '', ['build', 'deploy/k8s/base']).stdout;
    const broken = rendered.replace('readOnlyRootFilesystem: true', 'readOnlyRootFileSystem: true').replace('containerPort: 8081', 'containerPort: "eighty"');
    const result = run(tools.kubeconform ?? '', ['-strict', '-summary', '-schema-location', schemaLocation, '-'], broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/additional properties 'readOnlyRootFileSystem' not allowed/);
    expect(result.stdout).toMatch(/containerPort/);
  });

  it('promtool fails a rule test when an alert stops firing where its test expects it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    const rules = readFileSync(join(repoRoot, 'deploy/prometheus/rules/ecommerce.rules.yml'), 'utf8');
    writeFileSync(join(dir, 'ecommerce.rules.yml'), rules.replace('(mirror_lag_events) > 500', '(mirror_lag_events) > 5000'));
    const test = readFileSync(join(repoRoot, 'deploy/prometheus/tests/pipeline.test.yml'), 'utf8').replace('../rules/ecommerce.rules.yml', 'ecommerce.rules.yml');
    writeFileSync(join(dir, 'pipeline.test.yml'), test);
    const result = run(tools.promtool ?? '', ['test', 'rules', join(dir, 'pipeline.test.yml')]);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/alertname: MirrorLag/);
  });
});
