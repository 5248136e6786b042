/** Confluent's `/schemas`, `/config`, `/compatibility` and `/mode` routes. */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { RegistryError, errorCodes, schemaNotFound } from './errors';
import { flag, levelOfBody, param, parseVersion, schemaOfBody, send } from './http-helpers';
import type { LogRegistryStore } from './registry-store';
import { versionsOf } from './state';

export const schemaRoutes = (store: LogRegistryStore): Router => {
  const router = Router();
  const { state } = store;

  const schemaById = (raw: string) => {
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    const found = state.schemasById.get(id);
    if (!found) throw schemaNotFound(`Schema ${raw} not found`);
    return { id, ...found };
  };

  router.get('/', (_req, res) => send(res, {}));
  router.get('/schemas/types', (_req, res) => send(res, ['AVRO']));
  router.get('/mode', (_req, res) => send(res, { mode: 'READWRITE' }));

  router.get('/schemas/ids/:id', async (req, res) => {
    const { schema } = await store.read(() => schemaById(param(req, 'id')));
    send(res, { schema });
  });

  router.get('/schemas/ids/:id/schema', async (req, res) => {
    const { schema } = await store.read(() => schemaById(param(req, 'id')));
    res.type('application/vnd.schemaregistry.v1+json').send(schema);
  });

  router.get('/schemas/ids/:id/versions', async (req, res) => {
    const { fingerprint } = await store.read(() => schemaById(param(req, 'id')));
    const includeDeleted = flag(req, 'deleted');
    const uses = [...state.subjects.keys()].sort().flatMap((subject) =>
      versionsOf(state, subject, includeDeleted)
        .filter((entry) => entry.fingerprint === fingerprint)
        .map((entry) => ({ subject, version: entry.version })));
    send(res, uses);
  });

  router.get('/config', (_req, res) => send(res, { compatibilityLevel: store.levelOf(null) }));
  router.put('/config', async (req, res) => {
    const level = levelOfBody(req);
    await store.setConfig(null, level);
    send(res, { compatibility: level });
  });

  router.get('/config/:subject', async (req, res) => {
    const subject = param(req, 'subject');
    if (flag(req, 'defaultToGlobal')) return send(res, { compatibilityLevel: store.levelOf(subject) });
    const level = await store.read(() => {
      const own = state.configs.get(subject);
      if (!own) throw new RegistryError(404, errorCodes.subjectConfigNotFound, `Subject '${subject}' does not have subject-level compatibility configured`);
      return own;
    });
    send(res, { compatibilityLevel: level });
  });
  router.put('/config/:subject', async (req, res) => {
    const level = levelOfBody(req);
    await store.setConfig(param(req, 'subject'), level);
    send(res, { compatibility: level });
  });
  router.delete('/config/:subject', async (req, res) => {
    const subject = param(req, 'subject');
    const previous = await store.read(() => {
      const own = state.configs.get(subject);
      if (!own) throw new RegistryError(404, errorCodes.subjectConfigNotFound, `Subject '${subject}' does not have subject-level compatibility configured`);
      return own;
    });
    await store.deleteConfig(subject);
    send(res, { compatibilityLevel: previous });
  });

  const compatibility = (version: (raw: string | undefined) => number | 'latest') =>
    async (req: Request, res: Response) => {
      const subject = param(req, 'subject');
      const schema = schemaOfBody(req);
      const target = version(req.params.version as string | undefined);
      const result = await store.read(() => store.testCompatibility(subject, schema, target));
      send(res, flag(req, 'verbose') ? { is_compatible: result.compatible, messages: result.problems } : { is_compatible: result.compatible });
    };
  router.post('/compatibility/subjects/:subject/versions/:version', compatibility((raw) => parseVersion(raw ?? 'latest')));
  router.post('/compatibility/subjects/:subject/versions', compatibility(() => 'latest'));

  return router;
};
