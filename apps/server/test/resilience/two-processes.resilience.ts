import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect, it } from 'vitest';
import { type RunningServer, startServer } from '../spawn-server.js';
import { httpClient, PASSWORD, pgDatabase, signIn } from './helpers.js';

/**
 * Two server processes behind one PostgreSQL database: sessions are shared (a user hops between
 * them), and the periodic work — the appeal SLA sweep and the outbox — is done once per item,
 * whichever process gets there first.
 */
it('two processes share sessions and never sweep or send the same item twice', async () => {
  const db = await pgDatabase();
  const env = { DATABASE_URL: db.url };
  const c = new pg.Client({ connectionString: db.url });
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  try {
    // First start: migrate, seed, file 40 appeals; then stop and make them overdue.
    const seedServer = await startServer(PASSWORD, env);
    const seedAdmin = await signIn(seedServer.baseUrl);
    const ids = (
      (await (await seedAdmin.get('/api/v1/org-units?q=141002')).json()) as { items: { id: string }[] }
    ).items;
    const enterprise = (
      (await (await seedAdmin.get('/api/v1/org-units?q=E-YDYS')).json()) as { items: { id: string }[] }
    ).items;
    const appeals: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await seedAdmin.send('POST', '/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: `两进程督办-${i}`,
        description: '两进程',
        enterpriseId: enterprise[0].id,
        regionId: ids[0].id,
      });
      expect(res.status).toBe(201);
      appeals.push(((await res.json()) as { id: string }).id);
    }
    expect(await seedServer.stop()).toBe(0);
    await c.connect();
    await c.query(
      `update appeals set due_on = '2026-01-05', next_sweep_on = '2026-01-06' where id = any($1)`,
      [appeals],
    );

    // Both processes at once: each runs its sweeps a few seconds after start.
    [a, b] = await Promise.all([startServer(PASSWORD, env), startServer(PASSWORD, env)]);
    const onA = await signIn(a.baseUrl, 'linfen');
    const onB = httpClient(b.baseUrl, onA.cookie, onA.csrf);
    const me = await onB.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('linfen');
    // a user hopping between the processes on every request, writes included
    for (let i = 0; i < 10; i++) {
      const via = i % 2 === 0 ? onA : onB;
      const name = `hop-${i}`;
      const res = await via.send('POST', '/api/v1/investors', { name, foreignRegNo: name, country: 'SG' });
      expect(res.status, `request ${i}`).toBe(201);
    }
    const listed = (await (await onB.get('/api/v1/investors?q=hop-&pageSize=50')).json()) as {
      total: number;
    };
    expect(listed.total).toBe(10);

    // the dashboard, cached on A, shows a write made on B on A's very next read (no waiting: the
    // version that makes it stale commits with the write)
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    type Figures = { pipeline: { current: { byStatus: { count: number }[] } } };
    const projectsOnA = async () =>
      (
        (await (await onA.get(`/api/v1/dashboard?from=${month}&to=${month}`)).json()) as Figures
      ).pipeline.current.byStatus.reduce((sum, s) => sum + s.count, 0);
    const before = await projectsOnA();
    expect(await projectsOnA()).toBe(before);
    const investor = (
      (await (await onB.get('/api/v1/investors?q=hop-0')).json()) as { items: { id: string }[] }
    ).items[0];
    const created = await onB.send('POST', '/api/v1/projects', {
      name: '两进程驾驶舱',
      regionId: ids[0].id,
      industryCode: '39',
      totalInvestmentFen: 100_000_00,
      projectType: 'new',
      investorIds: [investor.id],
    });
    expect(created.status).toBe(201);
    expect(await projectsOnA()).toBe(before + 1);

    // 300 messages in the outbox while both workers poll it
    const messages = Array.from({ length: 300 }, (_, i) => [
      crypto.randomUUID(),
      'sms',
      `1390000${String(i).padStart(4, '0')}`,
      '两进程',
      `message ${i}`,
    ]);
    for (const m of messages)
      await c.query(
        `insert into outbox (id, channel, recipient, subject, body, status, attempts, created_at)
         values ($1, $2, $3, $4, $5, 'pending', 0, now()::text)`,
        m,
      );

    // until both sweeps have run and the outbox is empty (bounded)
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = Number(
        (await c.query(`select count(*) as n from outbox where status <> 'sent'`)).rows[0].n,
      );
      const unswept = Number(
        (
          await c.query(`select count(*) as n from appeals where id = any($1) and overdue_since is null`, [
            appeals,
          ])
        ).rows[0].n,
      );
      if (pending === 0 && unswept === 0) break;
      if (Date.now() > deadline) throw new Error(`not done: ${pending} messages, ${unswept} appeals`);
      await sleep(500);
    }
    await sleep(2_000); // let a late second run of either sweep finish

    const sent = await c.query<{ attempts: number; lock_owner: string }>(
      'select attempts, lock_owner from outbox',
    );
    const owners = new Map<string, number>();
    for (const r of sent.rows) owners.set(r.lock_owner, (owners.get(r.lock_owner) ?? 0) + 1);
    expect(sent.rows.length).toBeGreaterThanOrEqual(300);
    expect(sent.rows.filter((r) => Number(r.attempts) !== 1)).toEqual([]);
    expect(owners.size).toBeLessThanOrEqual(2);

    const { rows: events } = await c.query<{ appeal_id: string; kind: string; n: string }>(
      `select appeal_id, kind, count(*) as n from appeal_events
       where appeal_id = any($1) and kind in ('overdue', 'escalate') group by appeal_id, kind`,
      [appeals],
    );
    const overdue = events.filter((e) => e.kind === 'overdue');
    expect(overdue).toHaveLength(40);
    expect(events.filter((e) => Number(e.n) !== 1)).toEqual([]);
    const { rows: audits } = await c.query<{ n: string }>(
      `select count(*) as n from audit_log where entity = 'appeal' and action = 'overdue' and entity_id = any($1)`,
      [appeals],
    );
    expect(Number(audits[0].n)).toBe(40);
    const { rows: dupNotes } = await c.query(
      `select user_id, link, kind, count(*) from notifications where kind = 'appeal_overdue'
       group by user_id, link, kind having count(*) > 1`,
    );
    expect(dupNotes).toEqual([]);
    console.log(
      `two processes: 10 requests hopping A↔B on one session; ${sent.rows.length} outbox messages sent once each ` +
        `(split ${[...owners.values()].join(' / ')} between the workers); 40 overdue appeals swept once ` +
        `(${overdue.length} overdue events, ${events.filter((e) => e.kind === 'escalate').length} escalations, no duplicates)`,
    );

    // Each process keeps the session in its cache (the hops above put it there); a change made
    // through the other one reaches it by NOTIFY on commit. How long that takes, polled:
    const reached = async (check: () => Promise<boolean>) => {
      const start = performance.now();
      while (!(await check())) {
        if (performance.now() - start > 2000) throw new Error('change not seen on the other process in 2 s');
        await sleep(2);
      }
      return performance.now() - start;
    };
    const localeOnA = async () =>
      ((await (await onA.get('/api/v1/auth/me')).json()) as { user: { locale: string } }).user.locale;
    expect(await localeOnA()).toBe('zh-CN');
    expect((await onB.send('PATCH', '/api/v1/auth/locale', { locale: 'en-US' })).status).toBe(200);
    const localeMs = await reached(async () => (await localeOnA()) === 'en-US');
    // signing out on one process ends the session on the other
    expect((await onA.get('/api/v1/auth/me')).status).toBe(200);
    expect((await onB.send('POST', '/api/v1/auth/logout')).status).toBe(200);
    const logoutMs = await reached(async () => (await onA.get('/api/v1/auth/me')).status === 401);
    console.log(
      `two processes, session cache: a locale change on B seen on A after ${localeMs.toFixed(1)} ms, ` +
        `a sign-out after ${logoutMs.toFixed(1)} ms`,
    );
  } finally {
    await c.end().catch(() => {});
    if (a) expect(await a.stop()).toBe(0);
    if (b) expect(await b.stop()).toBe(0);
    await db.drop();
  }
}, 240_000);
