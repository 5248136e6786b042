import { z } from 'zod';
import { ConfigError } from '../errors';

/**
 * Every setting a process reads, parsed once at start. A bad value stops the process
 * with a ConfigError naming the setting (DESIGN §4.9); unknown variables are ignored.
 */
const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`)
    .optional();

const brokers = z
  .string()
  .trim()
  .refine(
    (value) => value.split(',').every((entry) => /^[A-Za-z0-9.[\]:-]+:\d{1,5}$/.test(entry.trim())),
    'must be a comma-separated list of host:port',
  )
  .transform((value) => value.split(',').map((entry) => entry.trim()))
  .optional();

const positiveNumber = () => z.coerce.number().int('must be an integer').positive('must be positive');
const positiveInt = (fallback: number) => positiveNumber().default(fallback);
const boundedInt = (fallback: number, min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`).default(fallback);

const fourteenDaysMs = 14 * 24 * 3_600_000;
const deliveryWindowMs = () => positiveInt(fourteenDaysMs).pipe(z.number().max(90 * 24 * 3_600_000, 'must be at most 90 days (7776000000 ms)'));

const settingsSchema = z.object({
  PORT: port(8080),
  /** Where customers reach the shop (links in emails, the payment provider's return and customer-action pages); default http://localhost:PORT. */
  PUBLIC_URL: url(['http:', 'https:']),
  HOST: z.string().default('0.0.0.0'),
  COMMAND_API_PORT: port(8081),
  QUERY_API_PORT: port(8082),
  SCHEMA_REGISTRY_PORT: port(8085),
  /** Where a component without an API of its own (mirror, projections) serves /health and /metrics; 0 picks a free port. */
  METRICS_PORT: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be between 0 and 65535').max(65535, 'must be between 0 and 65535').default(9464),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_URL: url(['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:', 'kdb:']),
  KAFKA_BROKERS: brokers,
  KAFKA_CLIENT_ID: z.string().default('ecommerce'),
  /**
   * How often a Kafka consumer commits the offsets it has handled (0: after every batch, which
   * waits for its commit). Every consumer of the platform is idempotent (DESIGN §4.4), so a crash
   * that hands up to this much over again changes nothing (a rebalance commits first); at 1 s the
   * broker got about a quarter fewer requests than with a commit per batch (bench/LOG.md). At most
   * 10 s: half the consumers' stall check, which reads a quiet partition's committed offset.
   */
  KAFKA_COMMIT_INTERVAL_MS: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be at least 0').max(10_000, 'must be at most 10000').default(1000),
  /** Prefix of every topic, consumer group and transactional id: environments sharing one cluster stay apart. */
  LOG_NAMESPACE: z.string().regex(/^[A-Za-z0-9._-]{0,100}$/, 'must be letters, digits, dots, dashes or underscores').default(''),
  SCHEMA_REGISTRY_URL: url(['http:', 'https:']),
  MONGO_URL: url(['mongodb:', 'mongodb+srv:']),
  MONGO_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a plain database name').default('ecommerce'),
  COMMAND_API_URL: url(['http:', 'https:']),
  QUERY_API_URL: url(['http:', 'https:']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONSISTENCY_WAIT_MS: positiveInt(3000),
  BODY_LIMIT_BYTES: positiveInt(64 * 1024),
  /** Partitions of new event and inbox topics; unset: `defaultPartitions`. */
  PARTITIONS: positiveNumber().optional(),
  DEMO_CATALOG: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * `start` on the embedded adapters: the projections on a worker thread (the machine's other core).
   * On by default since its log is woken across threads rather than polled: more orders/s and a
   * lower p99 for a little more CPU per order (bench/LOG.md).
   */
  PROJECTIONS_THREAD: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * `start` on the embedded log and event store runs the processors on a worker thread of their
   * own, off the event loop of the HTTP side and the command API: more orders a second at
   * saturation (bench/LOG.md). The mirror runs beside the projections when they have a thread,
   * else with the processors.
   */
  PROCESSORS_THREAD: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * How long the projections' consumers wait after new events for more to join them (`batchWindowMs`
   * of the log port): fewer, larger batches on the read side for at most this much more
   * time until an event shows. 0: every event at once. Unset: `defaultProjectionBatchWindowMs`.
   */
  PROJECTION_BATCH_WINDOW_MS: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be at least 0').max(10_000, 'must be at most 10000').optional(),
  /**
   * On Kafka, how many partitions' batches of one fetch each projection takes at once (the log
   * port's `partitionsAtOnce`) and applies together, in one apply, each partition's in order: its
   * read-store round trips are made once for all of them, and no partition's events queue behind
   * the others'. 32 covers every partition of the widest projection (4 topics of 8). The embedded
   * log reads one at a time.
   */
  PROJECTION_PARTITIONS_AT_ONCE: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(64, 'must be at most 64').default(32),
  /**
   * The router's units of partitions: its group's members share the partitions unit by unit, and
   * a unit's batches that one fetch hands over are routed together (one send, or one Kafka
   * transaction with ROUTER_DELIVERY=exactly-once). Fewer units, fewer requests; at most this many
   * processors (and no more than PARTITIONS) share the routing (the actor hosts scale with the
   * partitions). Every processors process must have the same value.
   */
  ROUTER_UNITS: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(64, 'must be at most 64').default(2),
  /**
   * How the router's messages reach the actors' inboxes: `at-least-once` (sent by an idempotent
   * producer, then its offsets committed: a router killed between the two routes a batch again,
   * and the actors drop what they have handled) or `exactly-once` (in Kafka transactions with its
   * offsets, so no inbox shows a message twice). The first is the default: on Kafka it sent the
   * broker about a quarter fewer requests, and its placed->confirmed p99 was the lower from 100 to
   * 400 orders/s offered (bench/LOG.md); the actors' idempotence (DESIGN §4.4) makes it safe.
   */
  ROUTER_DELIVERY: z.enum(['at-least-once', 'exactly-once']).default('at-least-once'),
  /** How long a confirmed order waits for payment before it expires and its stock returns. */
  PAYMENT_WINDOW_MS: positiveInt(15 * 60_000),
  /** How long after delivery the customer may ask for a return (at most 90 days, the ordering decider's bound). */
  RETURN_WINDOW_MS: deliveryWindowMs(),
  /** How long after delivery an order neither accepted nor returned completes by itself; never shorter than the return window. */
  ACCEPTANCE_WINDOW_MS: deliveryWindowMs(),
  ACTOR_CACHE_SIZE: positiveInt(10_000),
  /** Actor snapshot every N events of a stream (0: never). */
  SNAPSHOT_EVERY: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be at least 0').default(100),
  /** Available units at or below which a SKU without a threshold of its own is low stock (the admins' low-stock list). */
  LOW_STOCK_THRESHOLD: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be at least 0').max(2 ** 31 - 1, 'must be at most 2147483647').default(5),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int('must be an integer').min(30, 'must be at least 30').max(3600, 'must be at most 3600').default(300),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int('must be an integer').min(1).max(365).default(30),
  /** The ES256 signing key as a private JWK (JSON); else JWT_PRIVATE_KEY_FILE; else generated once under DATA_DIR. */
  JWT_PRIVATE_KEY: z.string().refine((value) => {
    try {
      const jwk = JSON.parse(value) as { kty?: string; crv?: string; d?: string };
      return jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.d === 'string';
    } catch {
      return false;
    }
  }, 'must be a private EC P-256 JWK in JSON').optional(),
  JWT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((origins) => origins.every((origin) => /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)), 'must be a comma-separated list of origins like https://shop.example')
    .default([]),
  /** Auth attempts allowed per client IP per minute, and per account (email) per minute. */
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(20),
  RATE_LIMIT_REGISTER_PER_MINUTE: positiveInt(10),
  RATE_LIMIT_REFRESH_PER_MINUTE: positiveInt(60),
  RATE_LIMIT_ACCOUNT_PER_MINUTE: positiveInt(10),
  /** Token refreshes per account per minute, whatever session or address they come from. */
  RATE_LIMIT_REFRESH_ACCOUNT_PER_MINUTE: positiveInt(30),
  /** Gateway requests per client IP per minute; unset: no overall limit (the auth routes keep theirs). */
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int('must be an integer').positive('must be positive').optional(),
  /** Redis for the rate limits and the login throttle (`redis://[:password@]host:port`): shared by every instance; unset: per-process memory. */
  REDIS_URL: url(['redis:', 'rediss:']),
  /** How long a MongoDB operation waits for a server before failing (the query API then answers 503 with Retry-After). */
  MONGO_SERVER_SELECTION_TIMEOUT_MS: positiveInt(2000),
  /** Connect and socket timeouts of the MongoDB driver; a dead server costs a bounded wait, not a hang. */
  MONGO_CONNECT_TIMEOUT_MS: positiveInt(2000),
  MONGO_SOCKET_TIMEOUT_MS: positiveInt(10_000),
  /** After SIGTERM/SIGINT, the time to stop taking work, finish or hand back the batch and close; past it the process exits 1. */
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  /** Email notifications over SMTP (`smtp://user:pass@host:port`, `smtps://…`); unset: no email channel. */
  SMTP_URL: url(['smtp:', 'smtps:']),
  /** The From of notification emails: `shop@example.com` or `Shop <shop@example.com>`. */
  SMTP_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[A-Za-z0-9.-]+>|[^\s@<>]+@[A-Za-z0-9.-]+)$/, 'must be an email address, optionally as Name <address>')
    .default('shop@localhost'),
  /** Which payment provider the payment actor and routes use: the embedded sandbox (test cards) or Stripe. */
  PAYMENT_PROVIDER: z.enum(['sandbox', 'stripe']).default('sandbox'),
  STRIPE_API_KEY: z.string().trim().regex(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().trim().regex(/^whsec_\S+$/, 'must be a webhook signing secret (whsec_…)').optional(),
  /** Another Stripe API server, e.g. stripe-mock at http://127.0.0.1:12111; default Stripe's own. */
  STRIPE_API_BASE: url(['http:', 'https:']),
  /** Where product images live: `disk` (DATA_DIR/images, the embedded default) or `s3` (any S3-compatible store). */
  IMAGE_STORE: z.enum(['disk', 's3']).default('disk'),
  /** Largest image upload in bytes (413 beyond); at most 50 MiB. */
  IMAGE_MAX_BYTES: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1024, 'must be at least 1024').max(50 * 1024 * 1024, 'must be at most 52428800 (50 MiB)').default(5 * 1024 * 1024),
  /** An S3-compatible server (`http://127.0.0.1:9000` for MinIO); unset: AWS S3 itself. Path-style addressing. */
  S3_ENDPOINT: url(['http:', 'https:']),
  S3_BUCKET: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3-63 lower-case letters, digits, dots or dashes').optional(),
  S3_REGION: z.string().trim().regex(/^[a-z0-9-]{2,32}$/, 'must be a region name like eu-west-3').default('us-east-1'),
  /** Unset: the AWS SDK's default credential chain (environment, shared files, instance roles). */
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  ADMIN_EMAIL: z.string().email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Live updates (server-sent events): open streams per user, or per client IP for anonymous callers; 429 beyond. */
  SSE_MAX_CONNECTIONS_PER_USER: boundedInt(5, 1, 1000),
  /** A comment line on every open stream this often, so proxies and clients see it alive. */
  SSE_HEARTBEAT_SECONDS: boundedInt(15, 1, 300),
  /** How often a watched document (an order, a product) is read while someone listens: one read per document, whatever the number of listeners. */
  SSE_POLL_INTERVAL_MS: boundedInt(250, 20, 60_000),
  /** How often the admins' stream sends its figures (orders per status, stock alerts, projection lag). */
  SSE_ADMIN_INTERVAL_MS: boundedInt(5000, 100, 600_000),
}).superRefine((settings, context) => {
  if (Boolean(settings.ADMIN_EMAIL) !== Boolean(settings.ADMIN_PASSWORD)) {
    context.addIssue({ code: 'custom', path: [settings.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
  }
  if (settings.ACCEPTANCE_WINDOW_MS < settings.RETURN_WINDOW_MS) {
    context.addIssue({ code: 'custom', path: ['ACCEPTANCE_WINDOW_MS'], message: 'must not be shorter than RETURN_WINDOW_MS: an order cannot complete while it may still be returned' });
  }
  if (settings.IMAGE_STORE === 's3' && !settings.S3_BUCKET) context.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when IMAGE_STORE=s3' });
  if (Boolean(settings.S3_ACCESS_KEY_ID) !== Boolean(settings.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({ code: 'custom', path: [settings.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
  }
  if (settings.PAYMENT_PROVIDER === 'stripe') {
    for (const setting of ['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET'] as const) {
      if (!settings[setting]) context.addIssue({ code: 'custom', path: [setting], message: 'is required when PAYMENT_PROVIDER=stripe' });
    }
  }
});

export type Settings = Omit<z.infer<typeof settingsSchema>, 'PARTITIONS' | 'PROJECTION_BATCH_WINDOW_MS'> & { PARTITIONS: number; PROJECTION_BATCH_WINDOW_MS: number };

/**
 * `PARTITIONS` when unset. On Kafka 8: a consumer group scales out to as many members (each
 * partition costs batches of its own: on one small machine 1 or 2 had lower latencies,
 * bench/LOG.md). On the embedded log 2: one process (or a few sharing the file) reads every
 * partition, so more partitions bring no parallelism, only more, smaller batches, each its own
 * transaction: at 1,300 orders/s offered the embedded start's placed->confirmed p99 was lower with
 * 2 than with 8 in every alternated pair, its orders/s as high or higher (bench/LOG.md).
 * Existing topics keep the count they were created with.
 */
export const defaultPartitions = (onKafka: boolean): number => (onKafka ? 8 : 2);

/**
 * `PROJECTION_BATCH_WINDOW_MS` when unset. On Kafka 300 ms: every projection round there is a
 * fetch and read-store round trips on the MongoDB-wire server, and the read side's rounds every
 * 100 ms took the cores the order path needed. Alternated at 250 orders/s offered on two cores,
 * 300 against 100 ms (seven pairs): 1-item placed->confirmed p99 lower in all seven, POST ->
 * visible p99 lower in all seven, 3-item placed->confirmed p99 in six; at 100/s the visible p99
 * rose from 0.24-0.35 s to 0.48-0.51 s (bench/LOG.md, "Since (2026-12-07, 10:00)"). On the
 * embedded log 100 ms: its rounds are local reads, and 300 ms lowered the 3-item orders/s at
 * 2,000 offered there (bench/LOG.md, 2026-12-06).
 */
export const defaultProjectionBatchWindowMs = (onKafka: boolean): number => (onKafka ? 300 : 100);

/** Settings whose values never appear in a message or a log line. */
const secretSettings = new Set(['JWT_PRIVATE_KEY', 'ADMIN_PASSWORD', 'SMTP_URL', 'STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET', 'REDIS_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);

/** Parse settings from an environment; throws ConfigError for the first bad one. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = settingsSchema.safeParse(present);
  if (parsed.success) {
    const onKafka = Boolean(parsed.data.KAFKA_BROKERS);
    return {
      ...parsed.data,
      PARTITIONS: parsed.data.PARTITIONS ?? defaultPartitions(onKafka),
      PROJECTION_BATCH_WINDOW_MS: parsed.data.PROJECTION_BATCH_WINDOW_MS ?? defaultProjectionBatchWindowMs(onKafka),
    };
  }
  const issue = parsed.error.issues[0];
  const setting = String(issue?.path[0] ?? 'settings');
  const shown = secretSettings.has(setting) ? '[redacted]' : JSON.stringify(present[setting] ?? null);
  throw new ConfigError(setting, `${issue?.message ?? 'invalid'} (got ${shown})`);
}

/** The names of the settings, for docs and error messages. */
export const settingNames = Object.keys(settingsSchema.shape) as Array<keyof Settings>;
