import { type Locale, renderNotice } from '@yingshang/contracts';
import type { Executor } from '../../db/database.js';
import { fetchPage } from '../../db/paging.js';
import type { NotificationRow } from '../../db/schema.js';
import { newId, now } from '../../lib/ids.js';

export interface NotificationInput {
  /** A kind of contracts' NOTICE_TEXT, or any kind with literal `title` / `body` params. */
  kind: string;
  params?: Record<string, string>;
  link?: string | null;
}

/**
 * Posts an in-app notification to each user and, for users with a phone number, queues an SMS in
 * their language in the outbox (sent by the outbox worker through the configured gateway). Call it
 * inside the command's transaction so that a notice exists exactly when the change does.
 */
export async function notify(db: Executor, userIds: readonly string[], n: NotificationInput): Promise<void> {
  if (userIds.length === 0) return;
  const at = now();
  const params = n.params ?? {};
  await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        id: newId(),
        userId,
        kind: n.kind,
        params: JSON.stringify(params),
        link: n.link ?? null,
        createdAt: at,
      })),
    )
    .execute();
  const phones = await db
    .selectFrom('users')
    .select(['phone', 'locale'])
    .where('id', 'in', userIds)
    .where('phone', 'is not', null)
    .where('disabled', '=', 0)
    .execute();
  if (phones.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      phones.map((p) => {
        const text = renderNotice(n.kind, params, p.locale as Locale);
        return {
          id: newId(),
          channel: 'sms',
          recipient: p.phone!,
          subject: text.title,
          body: text.body ?? text.title,
          status: 'pending' as const,
          createdAt: at,
        };
      }),
    )
    .execute();
}

export function toNotification(r: NotificationRow, locale: Locale) {
  const { title, body } = renderNotice(r.kind, JSON.parse(r.params), locale);
  return { id: r.id, kind: r.kind, title, body, link: r.link, createdAt: r.createdAt, readAt: r.readAt };
}

export async function listNotifications(
  db: Executor,
  f: { userId: string; locale: Locale; unread?: boolean; page: number; pageSize: number },
) {
  let q = db.selectFrom('notifications').where('userId', '=', f.userId);
  if (f.unread) q = q.where('readAt', 'is', null);
  return fetchPage(
    q,
    f,
    (q) => q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc'),
    (r) => toNotification(r, f.locale),
  );
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one (or, without id, every) unread notification of the user read; returns how many. */
export async function markRead(db: Executor, userId: string, id?: string): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ readAt: now() })
    .where('userId', '=', userId)
    .where('readAt', 'is', null);
  if (id) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export const notificationExists = (db: Executor, userId: string, id: string) =>
  db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
