import type { Server } from 'node:http';
import { join } from 'node:path';
import { loginBody } from '@ecommerce/schemas';
import type { Express } from 'express';
import { createCommandApi } from '@ecommerce/command-api';
import type { Mirror } from '@ecommerce/command-api';
import { createQueryApi } from '@ecommerce/query-api';
import { allProjections, createProjectionsHost } from '@ecommerce/projections';
import type { ProjectionsHost } from '@ecommerce/projections';
import { bearerIdentity, createGateway } from '@ecommerce/gateway';
import { createMetrics, createSchemaRegistryServer, createServiceApp, createTokenVerifier, generateOpenApiDocument, platformTopics, publicJwks } from '@ecommerce/platform';
import { watchSigningKeys } from './keys';
import type { HealthCheck, Logger, Metrics, Settings } from '@ecommerce/platform';
import { openAdapters, openImageStore } from './adapters';
import { processorsFromSettings } from './processors-from-settings';
import { startMirrorFromSettings } from './mirror-from-settings';
import { createProcessorsThread } from './processors-thread';
import { createProjectionsThread } from './projections-thread';
import type { Adapters } from './adapters';
import { seedDemoCatalog } from './seed/seed';
import { createPaymentProvider, publicUrlOf } from './providers';
import { openRateLimits } from './rate-limits';

/** The web shop as `npm ci` builds it (`web/dist`), served by the gateway at `/`. */
export const webShopRoot = join(__dirname, '..', '..', 'web', 'dist');

export interface Running {
  adapters: Adapters;
  metrics: Metrics;
  servers: Server[];
  /** The mirror, or its view from this thread when it runs on a component thread. */
  mirror?: Pick<Mirror, 'checkpoint' | 'health'>;
  projections?: ProjectionsHost;
  stop(): Promise<void>;
}

export function adapterHealth(adapters: Adapters, opened: ReadonlyArray<'eventStore' | 'log' | 'readStore' | 'registry'>): Record<string, HealthCheck> {
  const checks: Record<string, HealthCheck> = {};
  for (const port of opened) checks[port] = () => adapters[port].health();
  return checks;
}

export function listen(app: Express, port: number, host: string, logger: Logger, what: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => {
      const address = server.address();
      logger.info({ port: typeof address === 'object' && address ? address.port : port, host }, `${what} listening`);
      resolve(server);
    });
    server.once('error', (error) => reject(error));
  });
}

/**
 * Stops accepting, lets requests in flight finish, then cuts what is still open after a grace
 * period: a stream the gateway proxies (server-sent events) or a client's idle socket would
 * otherwise hold the close forever.
 */
const closeGraceMs = 5000;
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), closeGraceMs).unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
  });

/** Build a running set of components sharing one set of adapters; `stop` undoes it in reverse. */
export async function runComponents(settings: Settings, logger: Logger, parts: { mirror?: boolean; projections?: boolean; gateway?: boolean; commandApi?: boolean; queryApi?: boolean; processors?: boolean; schemaRegistry?: boolean; seedIfEmpty?: boolean; port?: number }): Promise<Running> {
  const remoteGateway = Boolean(parts.gateway && settings.COMMAND_API_URL && settings.QUERY_API_URL && !parts.commandApi && !parts.queryApi);
  const inProcessApis = parts.gateway && !remoteGateway;
  const needs = new Set<'eventStore' | 'log' | 'readStore' | 'registry'>();
  if (parts.commandApi || inProcessApis || parts.mirror || parts.processors || parts.seedIfEmpty) needs.add('eventStore');
  if (parts.queryApi || inProcessApis || parts.projections) needs.add('readStore');
  if (parts.mirror || parts.projections || parts.processors) (['log', 'registry'] as const).forEach((port) => needs.add(port));
  if (parts.schemaRegistry) needs.add('log');
  // the command API serves the admins' dead-letter queue, which lives in the log
  if (parts.commandApi || inProcessApis) needs.add('log');
  // Beside the APIs and processors of an embedded start the projections share their event loop; PROJECTIONS_THREAD gives them a thread, and the other core.
  const projectionsThread = Boolean(settings.PROJECTIONS_THREAD && parts.projections && !settings.KAFKA_BROKERS && !settings.MONGO_URL && (parts.gateway || parts.processors || parts.mirror));
  // Beside the HTTP side and the command API the mirror and the processors held the event loop back at saturation; PROCESSORS_THREAD gives them a thread.
  const processorsThread = Boolean(settings.PROCESSORS_THREAD && parts.mirror && parts.processors && !settings.KAFKA_BROKERS && !settings.EVENTSTORE_URL && (parts.gateway || parts.commandApi));
  // With both threads the mirror runs beside the projections: the processors thread was the one that saturated (bench/LOG.md, 2026-12-06).
  const mirrorWithProjections = projectionsThread && processorsThread;
  // The projections thread owns the embedded read store (held in memory by its writer); this one asks it.
  // It also checkpoints this thread's files, so that no commit here copies the WAL back.
  const adapters = await openAdapters(settings, logger, [...needs].filter((port) => !(projectionsThread && port === 'readStore')), { checkpointElsewhere: projectionsThread });
  const metrics = createMetrics();
  const running: Running = { adapters, metrics, servers: [], stop: async () => undefined };
  const stoppers: Array<() => Promise<void>> = [];
  // Set at the start of stop: readiness answers 503 from then on, so balancers send no new work.
  let draining = false;
  running.stop = async () => {
    draining = true;
    for (const stop of stoppers.reverse()) await stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'));
    await adapters.close();
  };

  try {
    if (needs.has('log')) await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
    // The thread's start (loading the sources again, catching up) overlaps the rest of this one; awaited with the projections below.
    const thread = projectionsThread ? createProjectionsThread({ settings, logger, metrics, withMirror: mirrorWithProjections, checkpointFiles: adapters.checkpointedElsewhere }) : undefined;
    const threadStarted = thread?.start();
    threadStarted?.catch(() => undefined);
    if (thread) stoppers.push(() => thread.stop());
    const health = adapterHealth(adapters, [...needs]);
    const emptyAtStart = parts.seedIfEmpty ? (await adapters.eventStore.headPosition()) === 0 : false;
    // Likewise the processors thread's start (once the store was found empty or not); the mirror, on either thread, finds whatever the seeding below appends.
    const processorsOnThread = processorsThread ? createProcessorsThread({ settings, logger, metrics, withMirror: !mirrorWithProjections, checkpointElsewhere: projectionsThread }) : undefined;
    const processorsStarted = processorsOnThread?.start();
    processorsStarted?.catch(() => undefined);
    if (processorsOnThread) stoppers.push(() => processorsOnThread.stop());
    const servesCommands = Boolean(parts.commandApi || inProcessApis);
    const rateLimits = servesCommands || parts.gateway ? await openRateLimits(settings, logger, metrics) : undefined;
    if (rateLimits) stoppers.push(() => rateLimits.close());
    if (rateLimits?.health) health.rateLimits = rateLimits.health;
    const imageStore = servesCommands ? await openImageStore(settings, logger) : undefined;
    if (imageStore) {
      stoppers.push(() => imageStore.close());
      health.images = () => imageStore.health();
    }
    const signingKeys = servesCommands ? await watchSigningKeys(settings, logger) : undefined;
    if (signingKeys) stoppers.push(async () => signingKeys.stop());
    const commandApi = createCommandApi({
      eventStore: adapters.eventStore,
      metrics,
      paymentProvider: createPaymentProvider(settings),
      log: needs.has('log') ? adapters.log : undefined,
      rateLimits: rateLimits?.backend,
      images: imageStore && { store: imageStore, maxBytes: settings.IMAGE_MAX_BYTES, logger },
      identity: {
        keyRing: () => {
          if (!signingKeys) throw new Error('this component does not sign tokens');
          return signingKeys.current();
        },
        accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: settings.REFRESH_TOKEN_TTL_DAYS,
        limits: {
          perIpPerMinute: { login: settings.RATE_LIMIT_LOGIN_PER_MINUTE, register: settings.RATE_LIMIT_REGISTER_PER_MINUTE, refresh: settings.RATE_LIMIT_REFRESH_PER_MINUTE },
          perAccountPerMinute: settings.RATE_LIMIT_ACCOUNT_PER_MINUTE,
          refreshPerAccountPerMinute: settings.RATE_LIMIT_REFRESH_ACCOUNT_PER_MINUTE,
        },
      },
    });
    if (servesCommands && settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
      const admin = await commandApi.accounts.ensureAdmin({ email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD, name: 'Administrator' });
      logger.info({ userId: admin.userId, created: admin.created }, admin.created ? 'first admin created from ADMIN_EMAIL' : 'admin from ADMIN_EMAIL already exists');
    }

    if (emptyAtStart && settings.DEMO_CATALOG) {
      logger.info('empty event store: seeding the demo catalog');
      await seedDemoCatalog(commandApi.commands, logger);
    }
    if (processorsOnThread) {
      await processorsStarted;
      const mirrorOnThread = thread?.mirror ?? processorsOnThread.mirror;
      if (mirrorOnThread) {
        running.mirror = mirrorOnThread;
        health.mirror = () => mirrorOnThread.health();
      }
      health.processors = () => processorsOnThread.health();
    }
    if (parts.mirror && !processorsThread) {
      const mirror = await startMirrorFromSettings(settings, adapters, logger, metrics);
      running.mirror = mirror;
      health.mirror = () => mirror.health();
      stoppers.push(() => mirror.stop());
    }
    if (parts.processors && !processorsThread) {
      const { processors, senders } = processorsFromSettings(settings, adapters, logger, metrics);
      // Stoppers run in reverse: the processors stop (no send in flight) before the SMTP pool closes.
      stoppers.push(() => senders.close());
      await processors.start();
      health.processors = () => processors.health();
      stoppers.push(() => processors.stop());
    }
    if (thread) {
      health.projections = () => thread.health();
      adapters.readStore = thread.readStore;
      await threadStarted;
      running.projections = thread;
    } else if (parts.projections) {
      const host = createProjectionsHost({ projections: allProjections, log: adapters.log, serde: adapters.serde, readStore: adapters.readStore, logger, metrics, batchWindowMs: settings.PROJECTION_BATCH_WINDOW_MS, partitionsAtOnce: settings.PROJECTION_PARTITIONS_AT_ONCE });
      await host.start();
      running.projections = host;
      stoppers.push(() => host.stop());
    }
    if (parts.schemaRegistry) {
      const registryServer = createSchemaRegistryServer(adapters.log, { logger, metrics, bodyLimitBytes: settings.BODY_LIMIT_BYTES });
      await registryServer.start();
      stoppers.push(() => registryServer.stop());
      running.servers.push(await listen(registryServer.app, parts.port ?? settings.SCHEMA_REGISTRY_PORT, settings.HOST, logger, 'schema-registry'));
    }
    const queryApi = createQueryApi({
      readStore: adapters.readStore, consistencyWaitMs: settings.CONSISTENCY_WAIT_MS, lowStockDefaultThreshold: settings.LOW_STOCK_THRESHOLD,
      live: {
        maxConnectionsPerUser: settings.SSE_MAX_CONNECTIONS_PER_USER, heartbeatMs: settings.SSE_HEARTBEAT_SECONDS * 1000, pollIntervalMs: settings.SSE_POLL_INTERVAL_MS,
        adminIntervalMs: settings.SSE_ADMIN_INTERVAL_MS, lowStockThreshold: settings.LOW_STOCK_THRESHOLD, projections: allProjections.map((projection) => projection.name), logger,
      },
    });
    if (parts.gateway) {
      const jwks = signingKeys
        ? async () => publicJwks(signingKeys.current())
        : async () => {
            const response = await fetch(`${settings.COMMAND_API_URL}/api/auth/jwks.json`);
            if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
            return (await response.json()) as ReturnType<typeof publicJwks>;
          };
      const gateway = createGateway({
        upstreams: remoteGateway && settings.COMMAND_API_URL && settings.QUERY_API_URL
          ? { kind: 'remote', commandUrl: settings.COMMAND_API_URL, queryUrl: settings.QUERY_API_URL }
          : { kind: 'in-process', command: commandApi.router, query: queryApi.router, openapi: [commandApi.openapi, queryApi.openapi], uploads: commandApi.uploads },
        logger, metrics, bodyLimitBytes: settings.BODY_LIMIT_BYTES, health,
        identify: bearerIdentity(createTokenVerifier(jwks)),
        jwks,
        corsOrigins: settings.CORS_ORIGINS,
        requestLimit: rateLimits?.requestLimiter,
        draining: () => draining,
        session: { loginBody, secureCookies: publicUrlOf(settings).startsWith('https:') },
        webRoot: webShopRoot,
        graphiql: process.env.NODE_ENV !== 'production',
      });
      running.servers.push(await listen(gateway, parts.port ?? settings.PORT, settings.HOST, logger, 'gateway'));
    } else {
      for (const [enabled, api, port, name] of [[parts.commandApi, commandApi, settings.COMMAND_API_PORT, 'command-api'], [parts.queryApi, queryApi, settings.QUERY_API_PORT, 'query-api']] as const) {
        if (!enabled) continue;
        const document = generateOpenApiDocument([api.openapi], { title: name, version: '0.1.0' });
        // Ready needs the store its routes cannot do without; the rest only degrades (/health/ready says which).
        const ready = [name === 'command-api' ? 'eventStore' : 'readStore'];
        const app = createServiceApp({ logger, metrics, bodyLimitBytes: settings.BODY_LIMIT_BYTES, health, ready, draining: () => draining, before: 'uploads' in api ? [api.uploads] : [], routers: [(req, res, next) => (req.path === '/openapi.json' ? void res.json(document) : next()), api.router] });
        running.servers.push(await listen(app, port, settings.HOST, logger, name));
      }
    }
    if (running.servers.length === 0 && (parts.mirror || parts.projections || parts.processors)) {
      // Every process serves /health and /metrics (DESIGN §8), workers too.
      const ops = createServiceApp({ logger, metrics, bodyLimitBytes: settings.BODY_LIMIT_BYTES, health, draining: () => draining, routers: [] });
      running.servers.push(await listen(ops, parts.port ?? settings.METRICS_PORT, settings.HOST, logger, 'health and metrics'));
    }
    for (const server of running.servers) stoppers.push(() => closeServer(server));
    // Stoppers run in reverse: the live streams end first, or the servers' close would wait for them forever.
    stoppers.push(async () => queryApi.close());
    return running;
  } catch (error) {
    await running.stop();
    throw error;
  }
}
