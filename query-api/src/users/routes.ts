import { Router } from 'express';
import type { Request } from 'express';
import { NotFoundError, consistencyHeader, decodeConsistencyToken, describeRoute, etagOf, parseInput, requirePrincipal, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { adminUserPageSchema, consistencyHeaders, listUsersQuery, meViewSchema, userCollections } from '@ecommerce/schemas';
import type { UserDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { waitForPosition, waitForRevision } from '../consistency';
import { findUserPage, toMeView, toUserView } from './queries';
import { findUserOrderSummaries, summarizeUserOrders } from '../admin';

export interface UserQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** The caller's own profile and the admins' user list; a request carrying `X-Consistency-Token` waits (bounded) for that write. */
export function userQueryRoutes({ readStore, consistencyWaitMs }: UserQueryDeps): Router {
  const router = Router();
  const activeUsers = async (req: Request) => {
    const { version, collection } = await activeCollection<UserDocument>(readStore, 'users', (v) => userCollections(v).users, versionReadOf(req));
    return { version, users: collection };
  };

  router.get('/api/me', async (req, res) => {
    const principal = requirePrincipal(req);
    const tokenHeader = req.header(consistencyHeader);
    const { users } = await activeUsers(req);
    const read = () => users.findOne({ _id: principal.sub });
    const { doc, consistent } = tokenHeader !== undefined ? await waitForRevision(read, decodeConsistencyToken(tokenHeader), consistencyWaitMs) : { doc: await read(), consistent: true };
    // a user registered a moment ago may not be projected yet: the token above is the way to wait for it
    if (!doc) throw new NotFoundError('no profile for the caller yet');
    res.set({ ETag: etagOf(doc.revision), 'X-Read-Consistency': consistent ? 'consistent' : 'stale' }).json(toMeView(doc));
  });

  router.get('/api/admin/users', async (req, res) => {
    requireRole(req, 'admin');
    const query = parseInput(listUsersQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, users } = await activeUsers(req);
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'users', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findUserPage(users, query);
    const orders = await findUserOrderSummaries(readStore, version, page.items.map((doc) => doc._id));
    const items = page.items.map((doc) => ({ ...toUserView(doc), orders: orders.get(doc._id) ?? summarizeUserOrders() }));
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items, nextCursor: page.nextCursor });
  });

  return router;
}

export function describeUserQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/me', tags: ['users'], headers: consistencyHeaders,
    summary: "The caller's own profile with saved shipping addresses and notification preferences; its ETag is the user stream revision",
    responses: {
      200: { description: 'the profile', schema: meViewSchema },
      401: { description: 'not authenticated' },
      404: { description: 'not projected yet; retry with the X-Consistency-Token of the registration' },
    },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/admin/users', tags: ['users'], query: listUsersQuery, headers: consistencyHeaders,
    summary: 'Admins: list users by email or name prefix (`q`), role and status, newest first or by email, cursor pagination; each with the orders they placed (count, totals per currency)',
    responses: {
      200: { description: 'one page; `nextCursor` fetches the next', schema: adminUserPageSchema },
      401: { description: 'not authenticated' },
      403: { description: 'not an admin' },
    },
  });
}
