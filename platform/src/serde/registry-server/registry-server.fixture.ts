/**
 * Test helpers: registry server instances on an embedded log file in a temp dir, each with
 * its own SQLite connection, as separate processes would have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedLog } from '../../log/embedded';
import type { Log } from '../../log/port';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { createSchemaRegistryServer } from './server';
import type { SchemaRegistryServer, SchemaRegistryServerOptions } from './server';

export interface RunningRegistry {
  url: string;
  server: SchemaRegistryServer;
  log: Log;
  stop(): Promise<void>;
}

/** Starts one instance on `log`, listening on a free port of 127.0.0.1. */
export const startRegistryOn = async (log: Log, options: Partial<SchemaRegistryServerOptions> = {}): Promise<RunningRegistry> => {
  const server = createSchemaRegistryServer(log, { logger: createLogger({ level: 'silent' }), metrics: createMetrics(), ...options });
  await server.start();
  const http = await new Promise<Server>((resolve) => {
    const listening = server.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    log,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.stop();
    },
  };
};

/** A temp dir holding log files; `open` opens (another connection to) one, `cleanup` closes all and removes the dir. */
export const createTestLogFiles = () => {
  const directory = mkdtempSync(join(tmpdir(), 'registry-server-'));
  const opened: Log[] = [];
  return {
    directory,
    open(name = 'log.db'): Log {
      const log = openEmbeddedLog(join(directory, name), { pollIntervalMs: 10, heartbeatIntervalMs: 50 });
      opened.push(log);
      return log;
    },
    async cleanup() {
      for (const log of opened) await log.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

/** A JSON request in Confluent's content type; answers status and parsed body. */
export const call = async (baseUrl: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json as Record<string, unknown> & unknown[], contentType: response.headers.get('content-type') };
};

export const avroRecord = (name: string, fields: object[]) =>
  JSON.stringify({ type: 'record', name, namespace: 'ecommerce.test', fields });
