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
  ])('refuses %j naming the setting', (env, setting, message) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.setting).toBe(setting);
    expect(error.message).toContain(setting);
    expect(error.message).toMatch(message);
  });

  it('never shows a secret setting in its error', () => {
    const error = errorOf({ JWT_PRIVATE_KEY: '{"kty":"oct","k":"very-secret"}' });
    expect(error.setting).toBe('JWT_PRIVATE_KEY');
    expect(error.message).not.toContain('very-secret');
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
});
