import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoDir = path.resolve(__dirname, '..', '..', '..');
const scripts = path.join(repoDir, 'scripts', 'infra');

/** The port of `host:port` (the first broker) or of a mongodb:// URL. */
export function portOf(address: string): number | undefined {
  const match = /:(\d+)(?:[/,?]|$)/.exec(address.replace(/^[a-z]+:\/\//, '').split(',')[0] ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * The environment the infra scripts run with: the caller's, plus the ports taken from the
 * servers' settings when the caller set none, so `kafka.sh stop` acts on the broker the run uses.
 */
export function scriptEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kafkaPort = portOf(env.KAFKA_BROKERS ?? '');
  const mongoPort = portOf(env.MONGO_URL ?? '');
  return { ...env, ...(env.KAFKA_PORT || !kafkaPort ? {} : { KAFKA_PORT: String(kafkaPort) }), ...(env.FERRETDB_PORT || !mongoPort ? {} : { FERRETDB_PORT: String(mongoPort) }) };
}

const infraData = (env: NodeJS.ProcessEnv) => env.ECOMMERCE_INFRA_DATA ?? path.join(repoDir, 'data', 'infra');

function liveCommandLine(pidFile: string): string | undefined {
  try {
    const pid = readFileSync(pidFile, 'utf8').trim();
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

/**
 * Why the scripts would restart another server than the one the run uses (null: they would not).
 * The scripts find their server by the pid file under ECOMMERCE_INFRA_DATA: a private broker
 * started with another data folder, and the run would stop the shared one other suites use.
 */
export function infraMismatch(env: NodeJS.ProcessEnv): string | null {
  const data = infraData(env);
  const kafkaPort = portOf(env.KAFKA_BROKERS ?? '');
  const kafka = liveCommandLine(path.join(data, 'kafka', 'kafka.pid'));
  if (!kafka) return `no broker started by scripts/infra/kafka.sh runs with data under ${data} (set ECOMMERCE_INFRA_DATA to the folder the broker was started with)`;
  const properties = /(\S+server\.properties)/.exec(kafka)?.[1];
  const listeners = properties ? /^listeners=.*PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(readFileSync(properties, 'utf8'))?.[1] : undefined;
  if (Number(listeners) !== kafkaPort) return `the broker of ${data} listens on ${listeners ?? '?'}, KAFKA_BROKERS names port ${kafkaPort ?? '?'}`;
  const mongoPort = portOf(env.MONGO_URL ?? '');
  const ferret = liveCommandLine(path.join(data, 'ferretdb', 'ferretdb.pid'));
  if (!ferret) return `no FerretDB started by scripts/infra/ferretdb.sh runs with data under ${data}`;
  const listen = /--listen-addr=\S+:(\d+)/.exec(ferret)?.[1];
  if (Number(listen) !== mongoPort) return `the FerretDB of ${data} listens on ${listen ?? '?'}, MONGO_URL names port ${mongoPort ?? '?'}`;
  return null;
}

/** `bash scripts/infra/<server>.sh <action>` with the run's environment; a failure names the script's last words. */
export async function infraScript(server: 'kafka' | 'ferretdb', action: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run('bash', [path.join(scripts, `${server}.sh`), action], { env: scriptEnvironment(env), timeout: 150_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`scripts/infra/${server}.sh ${action} failed: ${stderr.trim().split('\n').slice(-5).join(' | ') || String(error)}`, { cause: error });
  }
}
