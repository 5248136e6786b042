/** Confluent's `/subjects` routes: register, list, read, look up and delete versions. */
import { Router } from 'express';
import { canonicalAvroSchema } from '../embedded-registry';
import { RegistryError, errorCodes, schemaNotFound, subjectNotFound, versionNotFound } from './errors';
import { flag, param, parseVersion, schemaOfBody, send } from './http-helpers';
import { fingerprintOf } from './records';
import type { LogRegistryStore } from './registry-store';
import { subjectsOf, versionsOf } from './state';
import type { VersionEntry } from './state';

const versionBody = ({ subject, id, version, schema }: VersionEntry) => ({ subject, version, id, schema });

export const subjectRoutes = (store: LogRegistryStore): Router => {
  const router = Router();
  const { state } = store;

  const versionFor = (subject: string, version: number | 'latest', includeDeleted: boolean): VersionEntry => {
    if (!includeDeleted || version === 'latest') return store.liveVersion(subject, version);
    const entry = state.subjects.get(subject)?.get(version);
    if (!entry) throw versionsOf(state, subject, true).length === 0 ? subjectNotFound(subject) : versionNotFound(subject, version);
    return entry;
  };

  router.get('/subjects', (req, res) => send(res, subjectsOf(state, flag(req, 'deleted'))));

  router.get('/subjects/:subject/versions', async (req, res) => {
    const subject = param(req, 'subject');
    const versions = await store.read(() => {
      const entries = versionsOf(state, subject, flag(req, 'deleted'));
      if (entries.length === 0) throw subjectNotFound(subject);
      return entries.map((entry) => entry.version);
    });
    send(res, versions);
  });

  router.get('/subjects/:subject/versions/:version', async (req, res) => {
    const subject = param(req, 'subject');
    const version = parseVersion(param(req, 'version'));
    send(res, versionBody(await store.read(() => versionFor(subject, version, flag(req, 'deleted')))));
  });

  router.get('/subjects/:subject/versions/:version/schema', async (req, res) => {
    const subject = param(req, 'subject');
    const version = parseVersion(param(req, 'version'));
    const entry = await store.read(() => versionFor(subject, version, flag(req, 'deleted')));
    res.type('application/vnd.schemaregistry.v1+json').send(entry.schema);
  });

  router.get('/subjects/:subject/versions/:version/referencedby', async (req, res) => {
    const subject = param(req, 'subject');
    const version = parseVersion(param(req, 'version'));
    await store.read(() => versionFor(subject, version, false));
    send(res, []); // references are not supported, so nothing refers to anything
  });

  router.post('/subjects/:subject/versions', async (req, res) => {
    const entry = await store.register(param(req, 'subject'), schemaOfBody(req));
    send(res, { id: entry.id });
  });

  // Lookup: is this schema already a version of the subject?
  router.post('/subjects/:subject', async (req, res) => {
    const subject = param(req, 'subject');
    const fingerprint = fingerprintOf(canonicalAvroSchema(schemaOfBody(req)));
    const entry = await store.read(() => {
      const entries = versionsOf(state, subject, flag(req, 'deleted'));
      if (entries.length === 0) throw subjectNotFound(subject);
      const found = entries.find((candidate) => candidate.fingerprint === fingerprint);
      if (!found) throw schemaNotFound('Schema not found');
      return found;
    });
    send(res, versionBody(entry));
  });

  router.delete('/subjects/:subject', async (req, res) => {
    const subject = param(req, 'subject');
    send(res, flag(req, 'permanent') ? await store.permanentDeleteSubject(subject) : await store.softDeleteSubject(subject));
  });

  router.delete('/subjects/:subject/versions/:version', async (req, res) => {
    const subject = param(req, 'subject');
    const version = parseVersion(param(req, 'version'));
    if (!flag(req, 'permanent')) return send(res, await store.softDeleteVersion(subject, version));
    if (version === 'latest') {
      throw new RegistryError(422, errorCodes.invalidVersion, 'a permanent delete names its version; "latest" is refused');
    }
    send(res, await store.permanentDeleteVersion(subject, version));
  });

  return router;
};
