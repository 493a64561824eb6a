import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeApi, type TestApp, userId } from '../../../test/harness.js';
import { notify } from './notifications.repository.js';
import { deliverBatch, type OutboxMessage } from './outbox.js';

describeApi('notifications API and outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const ids = await Promise.all(['yaodu', 'linfen'].map((u) => userId(t, u)));
    for (let i = 1; i <= 3; i++) {
      await notify(t.database.db, ids, {
        kind: 'deadline',
        params: { title: `期限提醒 ${i}`, body: '请及时处理' },
        link: '/appeals',
      });
    }
  });
  afterAll(() => t.close());

  it('counts, lists and marks a user’s own notifications', async () => {
    const c = await t.login('yaodu');
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });
    const list = (await c.get('/api/v1/notifications?pageSize=2')).json();
    expect(list).toMatchObject({ total: 3, pageSize: 2 });
    expect(list.items[0].title).toBe('期限提醒 3');
    expect((await c.post(`/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await c.get('/api/v1/notifications?unread=true')).json().total).toBe(2);
    expect((await c.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('never lets one user read or mark another’s notification', async () => {
    const linfen = await t.login('linfen');
    const theirs = (await linfen.get('/api/v1/notifications')).json().items[0].id;
    const other = await t.login('yaodu');
    const res = await other.post(`/api/v1/notifications/${theirs}/read`);
    expect(res.statusCode).toBe(404);
    expect((await linfen.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });
  });

  it('delivers each queued message exactly once even with two workers racing', async () => {
    const { db, dialect } = t.database;
    await db
      .insertInto('outbox')
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          id: `race-${i}`,
          channel: 'sms',
          recipient: `1390000${String(i).padStart(4, '0')}`,
          subject: 's',
          body: 'b',
          status: 'pending' as const,
          createdAt: new Date().toISOString(),
        })),
      )
      .execute();
    const sent: string[] = [];
    const sender = { send: async (m: OutboxMessage) => void sent.push(m.id) };
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        deliverBatch(db, dialect, sender, 'worker-a'),
        deliverBatch(db, dialect, sender, 'worker-b'),
      ]);
    }
    const race = sent.filter((id) => id.startsWith('race-'));
    expect(race.length).toBe(30);
    expect(new Set(race).size).toBe(30);
    const pending = await db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });

  it('retries a failed send and gives up after five attempts', async () => {
    const { db, dialect } = t.database;
    await db
      .insertInto('outbox')
      .values({
        id: 'flaky',
        channel: 'sms',
        recipient: '1',
        subject: 's',
        body: 'b',
        status: 'pending',
        createdAt: new Date().toISOString(),
      })
      .execute();
    const failing = { send: async () => Promise.reject(new Error('gateway down')) };
    for (let i = 0; i < 5; i++) {
      await deliverBatch(db, dialect, failing);
      // The lease is cleared on failure, so the next round can claim it again.
    }
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', 'flaky').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 5, lastError: 'Error: gateway down' });
  });
});
