import { Router } from 'express';
import { consistencyHeader, decodeConsistencyToken, describeRoute, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, listNotificationsQuery, notificationCollections, notificationPageSchema } from '@ecommerce/schemas';
import type { NotificationDocument, NotificationView } from '@ecommerce/schemas';
import { waitForPosition } from '../consistency';
import { findNewestFirst } from '../keyset';
import { activeCollection, versionReadOf } from '../active-version';

export interface NotificationQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

export function toNotificationView(doc: NotificationDocument): NotificationView {
  return { id: doc._id, kind: doc.kind, subject: doc.subject, text: doc.text, createdAt: doc.createdAt, read: doc.read, readAt: doc.readAt };
}

/** The caller's own in-app inbox; nobody, admins included, reads another user's. */
export function notificationQueryRoutes({ readStore, consistencyWaitMs }: NotificationQueryDeps): Router {
  const router = Router();

  router.get('/api/notifications', async (req, res) => {
    const principal = requirePrincipal(req);
    const query = parseInput(listNotificationsQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, collection: notifications } = await activeCollection<NotificationDocument>(readStore, 'notifications', (v) => notificationCollections(v).notifications, versionReadOf(req));
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'notifications', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const [page, unread] = await Promise.all([
      findNewestFirst(notifications, 'createdAt', [{ userId: principal.sub }], query),
      notifications.count({ userId: principal.sub, read: false }),
    ]);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toNotificationView), nextCursor: page.nextCursor, unread });
  });

  return router;
}

export function describeNotificationQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/notifications', tags: ['notifications'], query: listNotificationsQuery, headers: consistencyHeaders,
    summary: "The caller's own in-app messages, newest first, with the number unread; cursor pagination",
    responses: { 200: { description: 'one page; `nextCursor` fetches the next, `unread` counts the whole inbox', schema: notificationPageSchema }, 401: { description: 'not authenticated' } },
  });
}
