import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings, settingNames } from '@ecommerce/platform';
import {
  commandOf, dependenciesOf, documentedPorts, environmentOf, headerComment, interpolate, mountsOf, parseCompose,
  publishedPortsOf, readComposeText, repoRoot,
} from './compose-file';
import type { ComposeService } from './compose-file';
import { loadComposeSchemaValidator } from './compose-schema';
import { cliSubcommands, listeningPortSetting } from './cli-commands';

const text = readComposeText();
const compose = parseCompose(text);
const services = Object.entries(compose.services);
const ours = services.filter(([, service]) => service.build !== undefined || service.image?.startsWith('ecommerce'));

/** The port an HTTP role listens on, from its own settings (the config defaults otherwise). */
function listeningPort(service: ComposeService): number | undefined {
  const setting = listeningPortSetting[commandOf(service)[0] ?? ''];
  return setting ? loadSettings(environmentOf(service))[setting] : undefined;
}

describe('docker-compose.yml', () => {
  it('is a Compose Specification file with a project name and no obsolete version key', () => {
    expect(compose).not.toHaveProperty('version');
    expect(compose.name).toBe('ecommerce');
  });

  it('runs every role of the platform from the one image built from the one Dockerfile', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['command-api', 'gateway', 'mirror', 'processors', 'projections', 'query-api']);
    expect(existsSync(join(repoRoot, 'Dockerfile'))).toBe(true);
    for (const [, service] of ours) {
      expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
      expect(service.image).toBe('ecommerce:local');
    }
  });

  it('builds an image whose dependency layer knows every workspace and keeps the health check script', () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const { workspaces } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "cli\/bin\/ecommerce"\]$/m);
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('!deploy/healthcheck.js');
  });

  it('starts each of our containers with a subcommand the CLI has', () => {
    const known = cliSubcommands(repoRoot);
    expect(known.has('mirror')).toBe(true);
    for (const [name, service] of ours) expect({ name, command: commandOf(service)[0], known: known.has(commandOf(service)[0] ?? '') }).toEqual({ name, command: name, known: true });
  });

  it('gives every container a health check that can fail', () => {
    for (const [name, service] of services) {
      const test = service.healthcheck?.test;
      expect({ name, hasTest: Array.isArray(test) ? test.length > 1 : typeof test === 'string' && test.length > 0 }).toEqual({ name, hasTest: true });
      expect({ name, disabled: service.healthcheck?.disable === true || (Array.isArray(test) && test[0] === 'NONE') }).toEqual({ name, disabled: false });
    }
  });

  it('checks each HTTP role on the port that role listens on', () => {
    for (const [name, service] of ours) {
      const port = listeningPort(service);
      if (port === undefined) continue;
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: ['CMD', 'node', 'deploy/healthcheck.js', String(port)] });
    }
  });

  it('waits for health (or completion) of every dependency, and depends only on services that exist', () => {
    for (const [name, service] of services) {
      for (const dependency of dependenciesOf(service)) {
        expect({ name, dependency: dependency.name, exists: dependency.name in compose.services }).toEqual({ name, dependency: dependency.name, exists: true });
        expect(['service_healthy', 'service_completed_successfully']).toContain(dependency.condition);
      }
    }
  });

  it('passes our services only known settings, each with a value the platform accepts', () => {
    const known = new Set<string>(settingNames);
    for (const [name, service] of ours) {
      const env = environmentOf(service);
      expect({ name, unknown: Object.keys(env).filter((key) => !known.has(key)) }).toEqual({ name, unknown: [] });
      expect(() => loadSettings(env)).not.toThrow();
    }
  });

  it('documents every variable our services get in the header comment', () => {
    const header = headerComment(text);
    const names = new Set(ours.flatMap(([, service]) => Object.keys(environmentOf(service))));
    for (const name of names) expect({ name, documented: new RegExp(`^#\\s+${name}\\s`, 'm').test(header) }).toEqual({ name, documented: true });
  });

  it('points the gateway at the command and query APIs where they listen', () => {
    const gatewayEnv = environmentOf(compose.services.gateway ?? {});
    for (const [setting, target] of [['COMMAND_API_URL', 'command-api'], ['QUERY_API_URL', 'query-api']] as const) {
      const url = new URL(gatewayEnv[setting] ?? '');
      expect(url.hostname).toBe(target);
      expect(Number(url.port)).toBe(listeningPort(compose.services[target] ?? {}));
    }
  });

  it('publishes exactly the documented ports, on loopback only', () => {
    const published = services.flatMap(([service, definition]) => publishedPortsOf(definition).map((port) => ({ service, ...port })));
    expect(published.map(({ service, hostPort }) => ({ hostPort, service })).sort((a, b) => a.hostPort - b.hostPort))
      .toEqual(documentedPorts(text).sort((a, b) => a.hostPort - b.hostPort));
    for (const port of published) expect({ port: port.hostPort, ip: port.hostIp }).toEqual({ port: port.hostPort, ip: '127.0.0.1' });
    expect(published).toContainEqual({ service: 'gateway', hostIp: '127.0.0.1', hostPort: 8080, containerPort: listeningPort(compose.services.gateway ?? {}) });
  });

  it('declares every named volume it mounts, mounts every one it declares, and binds only files that exist', () => {
    const mounts = services.flatMap(([, service]) => mountsOf(service));
    const declared = Object.keys(compose.volumes ?? {}).sort();
    const used = [...new Set(mounts.filter((mount) => mount.kind === 'volume').map((mount) => mount.source))].sort();
    expect(used).toEqual(declared);
    for (const mount of mounts.filter((entry) => entry.kind === 'bind')) expect({ source: mount.source, exists: existsSync(join(repoRoot, mount.source)) }).toEqual({ source: mount.source, exists: true });
  });
});

describe('interpolate', () => {
  it('resolves defaults the way compose does', () => {
    expect(interpolate('${LOG_LEVEL:-info}')).toBe('info');
    expect(interpolate('${LOG_LEVEL:-info}', { LOG_LEVEL: 'debug' })).toBe('debug');
    expect(interpolate('${LOG_LEVEL:-info}', { LOG_LEVEL: '' })).toBe('info');
    expect(interpolate('${LOG_LEVEL-info}', { LOG_LEVEL: '' })).toBe('');
    expect(interpolate('a${X}b')).toBe('ab');
  });
});

const validator = loadComposeSchemaValidator(repoRoot);
if (!validator) console.warn('skipped: compose-spec schema validation (install dclint: npm install --prefix <dir> dclint@3, then set COMPOSE_VALIDATOR_PREFIX=<dir>)');
const withSchema = validator ? describe : describe.skip;

withSchema('docker-compose.yml against the Compose Specification schema', () => {
  it('is valid', () => {
    expect(validator?.validate(compose)).toEqual([]);
  });

  it('rejects what compose rejects (the validator is live)', () => {
    const broken = parseCompose(text.replace('condition: service_healthy', 'condition: service_ready'));
    expect(validator?.validate(broken).join('\n')).toMatch(/depends_on/);
    expect(validator?.validate({ ...compose, services: { ...compose.services, gateway: { ...compose.services.gateway, restart_policy: 'always' } } })).not.toEqual([]);
  });
});
