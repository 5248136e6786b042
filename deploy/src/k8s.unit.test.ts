import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { loadSettings, settingNames } from '@ecommerce/platform';
import { repoRoot } from './compose-file';
import { cliSubcommands, listeningPortSetting } from './cli-commands';

type Probe = { httpGet?: { path: string; port: string | number }; tcpSocket?: unknown; exec?: unknown };
interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }>;
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
}
interface PodSpec { containers: Container[]; enableServiceLinks?: boolean; automountServiceAccountToken?: boolean; securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } } }
interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    strategy?: { type: string };
    selector?: { matchLabels?: Record<string, string> } & Record<string, unknown>;
    ports?: Array<{ port: number; targetPort: string | number }>;
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    minAvailable?: number;
    maxUnavailable?: number;
  };
}

const k8sDir = join(repoRoot, 'deploy/k8s');
const yamlFiles = (folder: string) => readdirSync(join(k8sDir, folder)).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
const read = (folder: string) => yamlFiles(folder).flatMap((file) => parseAllDocuments(readFileSync(join(k8sDir, folder, file), 'utf8')).map((document) => document.toJS() as Manifest)).filter(Boolean);
const kustomization = (folder: string) => parse(readFileSync(join(k8sDir, folder, 'kustomization.yaml'), 'utf8')) as { resources: string[]; namespace?: string; secretGenerator?: Array<{ name: string; literals?: string[] }> };

const base = read('base');
const infra = read('infra');
const kind = read('overlays/kind');
const everything = [...base, ...infra, ...kind];
const configMap = base.find((manifest) => manifest.kind === 'ConfigMap');
const settings = configMap?.data ?? {};
const deployments = base.filter((manifest) => manifest.kind === 'Deployment');
const workloads = everything.filter((manifest) => manifest.kind === 'Deployment' || manifest.kind === 'StatefulSet');
const servicesByName = new Map(everything.filter((manifest) => manifest.kind === 'Service').map((service) => [service.metadata.name, service]));
const containerOf = (deployment: Manifest): Container => deployment.spec?.template?.spec.containers[0] ?? { name: '', image: '' };
const roleNames = ['command-api', 'gateway', 'mirror', 'processors', 'projections', 'query-api'];
/** Settings whose values must come from a Secret: credentials, or URLs that may carry them. */
const secretSettings = ['JWT_PRIVATE_KEY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SMTP_URL', 'STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET', 'REDIS_URL'];
const secretRefs = (container: Container) => new Map((container.env ?? []).flatMap((entry) => (entry.valueFrom?.secretKeyRef ? [[entry.name, entry.valueFrom.secretKeyRef] as const] : [])));

describe('Kubernetes manifests', () => {
  it('are all listed in their kustomization, and the Kind overlay puts base, servers and Mailpit together', () => {
    for (const folder of ['base', 'infra']) expect({ folder, resources: [...kustomization(folder).resources].sort() }).toEqual({ folder, resources: yamlFiles(folder).sort() });
    expect([...kustomization('overlays/kind').resources].sort()).toEqual(['../../base', '../../infra', ...yamlFiles('overlays/kind')].sort());
    for (const folder of ['base', 'infra', 'overlays/kind']) expect(kustomization(folder).namespace).toBe('ecommerce');
  });

  it('hold settings the platform knows and accepts in the ConfigMap, and no secret', () => {
    const known = new Set<string>(settingNames);
    expect(Object.keys(settings).filter((name) => !known.has(name))).toEqual([]);
    expect(() => loadSettings(settings)).not.toThrow();
    expect(Object.keys(settings).filter((name) => secretSettings.includes(name))).toEqual([]);
  });

  it('reference Secrets and never contain one, except the Kind overlay\'s credential-free addresses', () => {
    expect(everything.filter((manifest) => manifest.kind === 'Secret')).toEqual([]);
    const generated = kustomization('overlays/kind').secretGenerator ?? [];
    expect(generated.map((secret) => secret.name)).toEqual(['ecommerce-endpoints']);
    const literals = Object.fromEntries((generated[0]?.literals ?? []).map((literal) => literal.split(/=(.*)/s).slice(0, 2) as [string, string]));
    expect(Object.keys(literals).sort()).toEqual(['REDIS_URL', 'SMTP_URL']);
    expect(() => loadSettings(literals)).not.toThrow();
    for (const url of Object.values(literals)) expect(new URL(url).password).toBe('');
    for (const url of Object.values(literals)) expect(servicesByName.has(new URL(url).hostname)).toBe(true);
  });

  it('deploy each role with a CLI subcommand, the ConfigMap and only known settings; secret ones by reference', () => {
    const known = cliSubcommands(repoRoot);
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(roleNames);
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      expect(container.args).toEqual([deployment.metadata.name]);
      expect(known.has(deployment.metadata.name)).toBe(true);
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap?.metadata.name } }]);
      for (const entry of container.env ?? []) {
        expect(settingNames).toContain(entry.name);
        if (secretSettings.includes(entry.name)) expect({ setting: entry.name, fromSecret: entry.valueFrom?.secretKeyRef?.key }).toEqual({ setting: entry.name, fromSecret: entry.name });
      }
    }
  });

  it('give each role the secrets its work needs: one signing key for every command-api, SMTP and Stripe to the processors, Redis to the rate limiters', () => {
    const refsOf = (name: string) => secretRefs(containerOf(deployments.find((deployment) => deployment.metadata.name === name) ?? { kind: '', metadata: { name } }));
    expect(refsOf('command-api').get('JWT_PRIVATE_KEY')).toEqual({ name: 'ecommerce-secrets', key: 'JWT_PRIVATE_KEY' });
    for (const setting of ['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET']) {
      expect(refsOf('command-api').get(setting)?.optional).toBe(true);
      expect(refsOf('processors').get(setting)?.optional).toBe(true);
    }
    expect(refsOf('processors').get('SMTP_URL')).toEqual({ name: 'ecommerce-endpoints', key: 'SMTP_URL', optional: true });
    for (const role of ['gateway', 'command-api']) expect(refsOf(role).get('REDIS_URL')).toEqual({ name: 'ecommerce-endpoints', key: 'REDIS_URL', optional: true });
  });

  it('expose each role on the port its settings make it listen on, probed at /health/live and /health/ready', () => {
    const parsed = loadSettings(settings);
    for (const deployment of deployments) {
      const setting = listeningPortSetting[deployment.metadata.name] ?? 'METRICS_PORT';
      const port = parsed[setting];
      const container = containerOf(deployment);
      expect({ role: deployment.metadata.name, ports: container.ports }).toEqual({ role: deployment.metadata.name, ports: [{ name: 'http', containerPort: port }] });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      if (listeningPortSetting[deployment.metadata.name]) expect(servicesByName.get(deployment.metadata.name)?.spec?.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      else expect({ role: deployment.metadata.name, service: servicesByName.has(deployment.metadata.name) }).toEqual({ role: deployment.metadata.name, service: false });
    }
  });

  it('point the settings at Services that exist, on the ports they serve', () => {
    for (const [setting, name] of [['COMMAND_API_URL', 'command-api'], ['QUERY_API_URL', 'query-api'], ['SCHEMA_REGISTRY_URL', 'schema-registry'], ['MONGO_URL', 'mongo'], ['EVENTSTORE_URL', 'eventstore'], ['KAFKA_BROKERS', 'kafka']] as const) {
      const url = new URL(setting === 'KAFKA_BROKERS' ? `kafka://${settings[setting] ?? ''}` : settings[setting] ?? '');
      expect({ setting, host: url.hostname }).toEqual({ setting, host: name });
      expect({ setting, port: Number(url.port) }).toEqual({ setting, port: servicesByName.get(name)?.spec?.ports?.[0]?.port });
    }
  });

  it('run every pod non-root, without privilege escalation or capabilities, with resources, probes and no service links', () => {
    expect(workloads.map((workload) => workload.metadata.name).sort()).toEqual([...roleNames, 'eventstore', 'kafka', 'mailpit', 'mongo', 'redis', 'schema-registry'].sort());
    for (const workload of workloads) {
      const pod = workload.spec?.template?.spec;
      const name = workload.metadata.name;
      expect({ name, nonRoot: pod?.securityContext?.runAsNonRoot, uid: (pod?.securityContext?.runAsUser ?? 0) > 0, seccomp: pod?.securityContext?.seccompProfile?.type, serviceLinks: pod?.enableServiceLinks, token: pod?.automountServiceAccountToken })
        .toEqual({ name, nonRoot: true, uid: true, seccomp: 'RuntimeDefault', serviceLinks: false, token: false });
      for (const container of pod?.containers ?? []) {
        expect({ name, escalation: container.securityContext?.allowPrivilegeEscalation, drop: container.securityContext?.capabilities?.drop }).toEqual({ name, escalation: false, drop: ['ALL'] });
        expect({ name, cpu: Boolean(container.resources?.requests?.cpu), memory: Boolean(container.resources?.requests?.memory), limit: Boolean(container.resources?.limits?.memory) }).toEqual({ name, cpu: true, memory: true, limit: true });
        expect({ name, liveness: Boolean(container.livenessProbe), readiness: Boolean(container.readinessProbe) }).toEqual({ name, liveness: true, readiness: true });
      }
    }
    for (const deployment of deployments) expect({ role: deployment.metadata.name, readOnlyRoot: containerOf(deployment).securityContext?.readOnlyRootFilesystem }).toEqual({ role: deployment.metadata.name, readOnlyRoot: true });
  });

  it('scale the stateless APIs by autoscaler (the Deployment leaves replicas to it) and keep the workers fixed', () => {
    const autoscalers = base.filter((manifest) => manifest.kind === 'HorizontalPodAutoscaler');
    expect(autoscalers.map((hpa) => hpa.spec?.scaleTargetRef?.name).sort()).toEqual(['command-api', 'gateway', 'query-api']);
    for (const hpa of autoscalers) {
      expect(hpa.spec?.scaleTargetRef?.kind).toBe('Deployment');
      expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
      expect(deployments.find((deployment) => deployment.metadata.name === hpa.spec?.scaleTargetRef?.name)?.spec?.replicas).toBeUndefined();
    }
  });

  it('give every role a disruption budget that selects its pods and never blocks a drain of a single pod', () => {
    const budgets = base.filter((manifest) => manifest.kind === 'PodDisruptionBudget');
    for (const deployment of deployments) {
      const labels = deployment.spec?.template?.metadata.labels ?? {};
      const matching = budgets.filter((budget) => Object.entries(budget.spec?.selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value));
      expect({ role: deployment.metadata.name, budgets: matching.length }).toEqual({ role: deployment.metadata.name, budgets: 1 });
      const replicas = deployment.spec?.replicas ?? 2;
      const budget = matching[0]?.spec;
      const allowed = budget?.maxUnavailable ?? replicas - (budget?.minAvailable ?? replicas);
      expect({ role: deployment.metadata.name, allowed: allowed >= 1 }).toEqual({ role: deployment.metadata.name, allowed: true });
    }
  });

  it('run one mirror, replaced rather than rolled (transactional-id fencing: see mirror.yaml)', () => {
    const mirror = deployments.find((deployment) => deployment.metadata.name === 'mirror');
    expect(mirror?.spec?.replicas).toBe(1);
    expect(mirror?.spec?.strategy).toEqual({ type: 'Recreate' });
  });

  it('run the servers as StatefulSets with storage where they keep data', () => {
    for (const name of ['eventstore', 'kafka', 'mongo']) {
      const server = infra.find((manifest) => manifest.metadata.name === name && manifest.kind === 'StatefulSet') as (Manifest & { spec: { volumeClaimTemplates?: unknown[] } }) | undefined;
      expect({ name, claims: server?.spec.volumeClaimTemplates?.length }).toEqual({ name, claims: 1 });
    }
  });
});
