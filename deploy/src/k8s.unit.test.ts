import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { loadSettings, settingNames } from '@ecommerce/platform';
import { repoRoot } from './compose-file';
import { cliSubcommands, listeningPortSetting } from './cli-commands';

interface Container {
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    strategy?: { type: string };
    selector?: Record<string, unknown>;
    ports?: Array<{ port: number; targetPort: string | number }>;
    template?: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
  };
}

const k8sDir = join(repoRoot, 'deploy/k8s');
const files = readdirSync(k8sDir).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
const manifests = files.flatMap((file) => parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((document) => document.toJS() as Manifest)).filter(Boolean);
const configMap = manifests.find((manifest) => manifest.kind === 'ConfigMap');
const settings = configMap?.data ?? {};
const deployments = manifests.filter((manifest) => manifest.kind === 'Deployment');
const servicesByName = new Map(manifests.filter((manifest) => manifest.kind === 'Service').map((service) => [service.metadata.name, service]));
const containerOf = (deployment: Manifest) => deployment.spec?.template?.spec.containers[0] ?? {};

describe('Kubernetes manifests', () => {
  it('are all listed in the kustomization', () => {
    const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  it('hold settings the platform knows and accepts in the ConfigMap', () => {
    const known = new Set<string>(settingNames);
    expect(Object.keys(settings).filter((name) => !known.has(name))).toEqual([]);
    expect(() => loadSettings(settings)).not.toThrow();
  });

  it('deploy each role with a CLI subcommand, the ConfigMap and only known settings', () => {
    const known = cliSubcommands(repoRoot);
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(['command-api', 'gateway', 'mirror', 'processors', 'projections', 'query-api']);
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      expect(container.args).toEqual([deployment.metadata.name]);
      expect(known.has(deployment.metadata.name)).toBe(true);
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap?.metadata.name } }]);
      for (const { name } of container.env ?? []) expect(settingNames).toContain(name);
    }
  });

  it('expose each HTTP role on the port its settings make it listen on, probed at /health/live and /health', () => {
    for (const deployment of deployments) {
      const setting = listeningPortSetting[deployment.metadata.name];
      const container = containerOf(deployment);
      if (!setting) {
        expect({ role: deployment.metadata.name, ports: container.ports, service: servicesByName.has(deployment.metadata.name) }).toEqual({ role: deployment.metadata.name, ports: undefined, service: false });
        continue;
      }
      const port = loadSettings(settings)[setting];
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(servicesByName.get(deployment.metadata.name)?.spec?.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    }
  });

  it('point the gateway at the API Services where they listen', () => {
    for (const [setting, name] of [['COMMAND_API_URL', 'command-api'], ['QUERY_API_URL', 'query-api']] as const) {
      const url = new URL(settings[setting] ?? '');
      expect(url.hostname.split('.')[0]).toBe(name);
      expect(Number(url.port)).toBe(servicesByName.get(name)?.spec?.ports?.[0]?.port);
    }
  });

  it('run one mirror, replaced rather than rolled (transactional-id fencing: see mirror.yaml)', () => {
    const mirror = deployments.find((deployment) => deployment.metadata.name === 'mirror');
    expect(mirror?.spec?.replicas).toBe(1);
    expect(mirror?.spec?.strategy).toEqual({ type: 'Recreate' });
  });
});
