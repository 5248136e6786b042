import { ConfigError } from '../errors';
import { loadSettings } from './config';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('settings', () => {
  it('defaults to the embedded mode on port 8080', () => {
    const settings = loadSettings({});
    expect(settings.PORT).toBe(8080);
    expect(settings.EVENTSTORE_URL).toBeUndefined();
    expect(settings.KAFKA_BROKERS).toBeUndefined();
    expect(settings.DATA_DIR).toBe('./data');
    expect(settings.PROJECTION_BATCH_WINDOW_MS).toBe(100);
    expect(settings.PROJECTION_PARTITIONS_AT_ONCE).toBe(32);
    expect(settings.ROUTER_UNITS).toBe(2);
    expect(settings.ROUTER_DELIVERY).toBe('at-least-once');
    expect(settings.KAFKA_COMMIT_INTERVAL_MS).toBe(1000);
  });

  it('creates 2 partitions a topic on the embedded log and 8 on Kafka, unless told', () => {
    expect(loadSettings({}).PARTITIONS).toBe(2);
    expect(loadSettings({ KAFKA_BROKERS: 'localhost:9092' }).PARTITIONS).toBe(8);
    expect(loadSettings({ PARTITIONS: '4' }).PARTITIONS).toBe(4);
    expect(loadSettings({ KAFKA_BROKERS: 'localhost:9092', PARTITIONS: '3' }).PARTITIONS).toBe(3);
  });

  it('gives the projections a 100 ms batch window on the embedded log and 300 ms on Kafka, unless told', () => {
    expect(loadSettings({ KAFKA_BROKERS: 'localhost:9092' }).PROJECTION_BATCH_WINDOW_MS).toBe(300);
    expect(loadSettings({ PROJECTION_BATCH_WINDOW_MS: '0' }).PROJECTION_BATCH_WINDOW_MS).toBe(0);
    expect(loadSettings({ KAFKA_BROKERS: 'localhost:9092', PROJECTION_BATCH_WINDOW_MS: '100' }).PROJECTION_BATCH_WINDOW_MS).toBe(100);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT', /between 1 and 65535/],
    [{ PORT: '0' }, 'PORT', /between 1 and 65535/],
    [{ PORT: 'eighty' }, 'PORT', /number/],
    [{ EVENTSTORE_URL: 'http://localhost:2113' }, 'EVENTSTORE_URL', /esdb:\/\//],
    [{ EVENTSTORE_URL: 'not a url' }, 'EVENTSTORE_URL', /esdb:\/\//],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS', /host:port/],
    [{ MONGO_URL: 'postgres://x' }, 'MONGO_URL', /mongodb:\/\//],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /Invalid/i],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL', /smtp:\/\/ or smtps:\/\//],
    [{ SMTP_FROM: 'not an address' }, 'SMTP_FROM', /email address/],
    [{ SSE_MAX_CONNECTIONS_PER_USER: '0' }, 'SSE_MAX_CONNECTIONS_PER_USER', /between 1 and 1000/],
    [{ SSE_HEARTBEAT_SECONDS: 'often' }, 'SSE_HEARTBEAT_SECONDS', /must be a number/],
    [{ SSE_POLL_INTERVAL_MS: '2.5' }, 'SSE_POLL_INTERVAL_MS', /integer/],
    [{ SSE_ADMIN_INTERVAL_MS: '10' }, 'SSE_ADMIN_INTERVAL_MS', /between 100 and 600000/],
    [{ PROJECTION_BATCH_WINDOW_MS: '-1' }, 'PROJECTION_BATCH_WINDOW_MS', /at least 0/],
    [{ PROJECTION_BATCH_WINDOW_MS: '60000' }, 'PROJECTION_BATCH_WINDOW_MS', /at most 10000/],
    [{ PARTITIONS: '0' }, 'PARTITIONS', /must be positive/],
    [{ PARTITIONS: '2.5' }, 'PARTITIONS', /integer/],
    [{ PROJECTION_PARTITIONS_AT_ONCE: '0' }, 'PROJECTION_PARTITIONS_AT_ONCE', /at least 1/],
    [{ PROJECTION_PARTITIONS_AT_ONCE: 'many' }, 'PROJECTION_PARTITIONS_AT_ONCE', /must be a number/],
    [{ ROUTER_UNITS: '0' }, 'ROUTER_UNITS', /at least 1/],
    [{ ROUTER_UNITS: '1.5' }, 'ROUTER_UNITS', /integer/],
    [{ ROUTER_DELIVERY: 'exactly-twice' }, 'ROUTER_DELIVERY', /exactly-once|at-least-once/],
    [{ KAFKA_COMMIT_INTERVAL_MS: '-1' }, 'KAFKA_COMMIT_INTERVAL_MS', /at least 0/],
    [{ KAFKA_COMMIT_INTERVAL_MS: '20000' }, 'KAFKA_COMMIT_INTERVAL_MS', /at most 10000/],
  ])('refuses %j naming the setting', (env, setting, message) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.setting).toBe(setting);
    expect(error.message).toContain(setting);
    expect(error.message).toMatch(message);
  });

  it('bounds live streams: 5 per user, a heartbeat every 15 s, reads every 250 ms, admin figures every 5 s', () => {
    expect(loadSettings({})).toMatchObject({ SSE_MAX_CONNECTIONS_PER_USER: 5, SSE_HEARTBEAT_SECONDS: 15, SSE_POLL_INTERVAL_MS: 250, SSE_ADMIN_INTERVAL_MS: 5000 });
    expect(loadSettings({ SSE_MAX_CONNECTIONS_PER_USER: '20', SSE_HEARTBEAT_SECONDS: '1' })).toMatchObject({ SSE_MAX_CONNECTIONS_PER_USER: 20, SSE_HEARTBEAT_SECONDS: 1 });
  });

  it('never shows a secret setting in its error', () => {
    const error = errorOf({ JWT_PRIVATE_KEY: '{"kty":"oct","k":"very-secret"}' });
    expect(error.setting).toBe('JWT_PRIVATE_KEY');
    expect(error.message).not.toContain('very-secret');
  });

  it('never shows the SMTP_URL, which may carry a password', () => {
    const error = errorOf({ SMTP_URL: 'http://user:hunter2@mail.example.com' });
    expect(error.setting).toBe('SMTP_URL');
    expect(error.message).not.toContain('hunter2');
  });

  it('has no email channel by default and sends from shop@localhost', () => {
    const settings = loadSettings({});
    expect(settings.SMTP_URL).toBeUndefined();
    expect(settings.SMTP_FROM).toBe('shop@localhost');
    expect(loadSettings({ SMTP_URL: 'smtp://127.0.0.1:1025', SMTP_FROM: 'Shop <shop@example.com>' })).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:1025',
      SMTP_FROM: 'Shop <shop@example.com>',
    });
  });

  it('keeps delivered orders returnable and open for 14 days by default, and never completes one while it may be returned', () => {
    const settings = loadSettings({});
    expect(settings.RETURN_WINDOW_MS).toBe(14 * 24 * 3_600_000);
    expect(settings.ACCEPTANCE_WINDOW_MS).toBe(14 * 24 * 3_600_000);
    expect(loadSettings({ RETURN_WINDOW_MS: '500', ACCEPTANCE_WINDOW_MS: '800' })).toMatchObject({ RETURN_WINDOW_MS: 500, ACCEPTANCE_WINDOW_MS: 800 });
    const shorter = errorOf({ RETURN_WINDOW_MS: '1000', ACCEPTANCE_WINDOW_MS: '999' });
    expect(shorter.setting).toBe('ACCEPTANCE_WINDOW_MS');
    expect(shorter.message).toMatch(/RETURN_WINDOW_MS/);
    expect(errorOf({ RETURN_WINDOW_MS: '0' }).setting).toBe('RETURN_WINDOW_MS');
    expect(errorOf({ ACCEPTANCE_WINDOW_MS: String(91 * 24 * 3_600_000) }).message).toMatch(/at most 90 days/);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(errorOf({ ADMIN_EMAIL: 'root@example.com' }).setting).toBe('ADMIN_PASSWORD');
  });

  it('parses the distributed settings', () => {
    const settings = loadSettings({
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      KAFKA_BROKERS: '127.0.0.1:9092, kafka:9093',
      MONGO_URL: 'mongodb://127.0.0.1:27017',
    });
    expect(settings.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka:9093']);
  });

  describe('payment provider', () => {
    it('defaults to the sandbox', () => {
      const settings = loadSettings({});
      expect(settings.PAYMENT_PROVIDER).toBe('sandbox');
      expect(settings.STRIPE_API_KEY).toBeUndefined();
    });

    it('parses the Stripe settings, with stripe-mock as the API base', () => {
      const settings = loadSettings({ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_API_BASE: 'http://127.0.0.1:12111' });
      expect(settings).toMatchObject({ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_API_BASE: 'http://127.0.0.1:12111' });
    });

    it.each([
      [{ PAYMENT_PROVIDER: 'paypal' }, 'PAYMENT_PROVIDER', /sandbox|stripe/],
      [{ PAYMENT_PROVIDER: 'stripe', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }, 'STRIPE_API_KEY', /required when PAYMENT_PROVIDER=stripe/],
      [{ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'sk_test_123' }, 'STRIPE_WEBHOOK_SECRET', /required when PAYMENT_PROVIDER=stripe/],
      [{ STRIPE_API_BASE: '127.0.0.1:12111' }, 'STRIPE_API_BASE', /http:\/\//],
    ])('refuses %j naming the setting', (env, setting, message) => {
      const error = errorOf(env as Record<string, string>);
      expect(error.setting).toBe(setting);
      expect(error.message).toMatch(message);
    });

    it('never shows a Stripe secret in its error', () => {
      const keyError = errorOf({ STRIPE_API_KEY: 'pk_live_very-secret-publishable' });
      expect(keyError.setting).toBe('STRIPE_API_KEY');
      expect(keyError.message).not.toContain('very-secret');
      const secretError = errorOf({ STRIPE_WEBHOOK_SECRET: 'not-a-whsec-very-secret' });
      expect(secretError.setting).toBe('STRIPE_WEBHOOK_SECRET');
      expect(secretError.message).not.toContain('very-secret');
    });
  });

  describe('image store', () => {
    it('defaults to the local disk and 5 MiB uploads', () => {
      expect(loadSettings({})).toMatchObject({ IMAGE_STORE: 'disk', IMAGE_MAX_BYTES: 5 * 1024 * 1024, S3_REGION: 'us-east-1' });
    });

    it('parses the S3 settings', () => {
      const settings = loadSettings({ IMAGE_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'shop-images', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' });
      expect(settings).toMatchObject({ IMAGE_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'shop-images' });
    });

    it.each([
      [{ IMAGE_STORE: 'ftp' }, 'IMAGE_STORE', /disk/],
      [{ IMAGE_STORE: 's3' }, 'S3_BUCKET', /required when IMAGE_STORE=s3/],
      [{ S3_BUCKET: 'Shop_Images' }, 'S3_BUCKET', /bucket name/],
      [{ S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT', /http/],
      [{ IMAGE_MAX_BYTES: '1e9' }, 'IMAGE_MAX_BYTES', /at most/],
      [{ S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY', /go together/],
    ])('refuses %j naming the setting', (env, setting, message) => {
      const error = errorOf(env as Record<string, string>);
      expect(error.setting).toBe(setting);
      expect(error.message).toMatch(message);
    });

    it('never shows an S3 credential in its error', () => {
      const error = errorOf({ S3_ACCESS_KEY_ID: '   ', S3_SECRET_ACCESS_KEY: 'very-secret-key' });
      expect(error.message).not.toContain('very-secret');
    });
  });
});
