import { IdParams, Notification, NotificationListQuery, Ok, pageOf, UnreadCount } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/errors.js';
import * as repo from './notifications.repository.js';

/** Each user reads and marks only their own notifications. */
export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['notifications'];
  const config = { permission: 'authenticated' as const };
  app.get(
    '/notifications',
    { config, schema: { tags, querystring: NotificationListQuery, response: { 200: pageOf(Notification) } } },
    async (req) =>
      repo.listNotifications(db, {
        ...req.query,
        unread: req.query.unread === 'true',
        userId: actorOf(req).userId,
        locale: localeOf(req),
      }),
  );
  app.get(
    '/notifications/unread-count',
    { config, schema: { tags, response: { 200: UnreadCount } } },
    async (req) => ({ unread: await repo.countUnread(db, actorOf(req).userId) }),
  );
  app.post(
    '/notifications/:id/read',
    { config, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      const { userId } = actorOf(req);
      if (!(await repo.notificationExists(db, userId, req.params.id))) fail('NOTIFICATION_NOT_FOUND');
      await repo.markRead(db, userId, req.params.id);
      return { ok: true as const };
    },
  );
  app.post('/notifications/read-all', { config, schema: { tags, response: { 200: Ok } } }, async (req) => {
    await repo.markRead(db, actorOf(req).userId);
    return { ok: true as const };
  });
};
