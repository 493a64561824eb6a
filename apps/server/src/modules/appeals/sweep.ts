import { addWorkingDays, countWorkingDays, plusDays } from '@yingshang/rules';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { AppealRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { withRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { newId } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { appealRollups } from './rollups.repository.js';

/**
 * The SLA sweep (督办): marks appeals whose running deadline has passed, tells the department and
 * the supervising office, and escalates one level up the region tree each time an appeal stays
 * overdue for its rule's number of working days (up to the province).
 *
 * Safe with several server processes: rows are claimed with a lease, as the outbox does —
 * UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) on PostgreSQL, SQLite serialises writers —
 * and each appeal is then changed in its own transaction on the version it was read at. A crashed
 * sweeper's lease expires and the next run picks the row up. `next_sweep_on` keeps the claim cheap:
 * only appeals with something due today or earlier are looked at.
 */
const LEASE_MS = 5 * 60_000;
const STAGE_ZH: Record<string, string> = { accept: '受理', sign: '签收', answer: '答复' };
const OPEN = ['submitted', 'accepted', 'assigned', 'handling'];

export interface SweepResult {
  claimed: number;
  overdue: number;
  escalated: number;
  /** Appeals whose processing failed; their lease expires and a later run retries them. */
  failed: number;
}

/** Sets the lease columns alone (as `release` clears them): no roll-up cell reads them. */
async function claim(db: Db, dialect: Dialect, owner: string, at: Date, today: string, limit: number) {
  const nowIso = at.toISOString();
  const until = new Date(at.getTime() + LEASE_MS).toISOString();
  await sql`
    update appeals set locked_until = ${until}, lock_owner = ${owner}
    where id in (
      select id from appeals
      where next_sweep_on <= ${today} and (locked_until is null or locked_until < ${nowIso})
      order by next_sweep_on, id limit ${limit} ${sql.raw(dialect.skipLocked)}
    )`.execute(db);
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('lockOwner', '=', owner)
    .where('lockedUntil', '=', until)
    .execute();
}

/** The database, and the lookups and writer of the orgs and notifications modules. */
export type AppealSweepDeps = { db: Db; dialect: Dialect; ports: Pick<Ports, 'notify' | 'usersOf'> };

/** One sweep at the given clock, in batches until nothing is left to claim. */
export async function sweepAppeals(
  deps: AppealSweepDeps,
  opts: {
    now?: Date;
    owner?: string;
    batch?: number;
    log?: { error: (obj: object, msg: string) => void };
  } = {},
): Promise<SweepResult> {
  const { db, dialect } = deps;
  const at = opts.now ?? new Date();
  const owner = opts.owner ?? newId();
  const today = beijingToday(at.getTime());
  const result: SweepResult = { claimed: 0, overdue: 0, escalated: 0, failed: 0 };
  const seen = new Set<string>();
  const release = (id: string) =>
    db
      .updateTable('appeals')
      .set({ lockedUntil: null, lockOwner: null })
      .where('id', '=', id)
      .where('lockOwner', '=', owner)
      .execute();
  for (;;) {
    const claimed = await claim(db, dialect, owner, at, today, opts.batch ?? 50);
    const rows = claimed.filter((r) => !seen.has(r.id));
    // Looked at once in this run already (changed meanwhile by a user): leave it to the next run.
    for (const r of claimed) if (seen.has(r.id)) await release(r.id);
    if (rows.length === 0) break;
    result.claimed += rows.length;
    for (const row of rows) {
      seen.add(row.id);
      try {
        const r = await sweepOne(deps, row, owner, today, at.toISOString());
        result.overdue += r.overdue;
        result.escalated += r.escalated;
      } catch (err) {
        // The lease stays: the row is retried once it expires, not hammered in this run.
        result.failed++;
        opts.log?.error({ err, appeal: row.id }, 'appeal sweep: one appeal failed');
        continue;
      }
      await release(row.id);
    }
  }
  return result;
}

async function sweepOne(deps: AppealSweepDeps, row: AppealRow, owner: string, today: string, at: string) {
  const { notify, usersOf } = deps.ports;
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const out = { overdue: 0, escalated: 0 };
      const set: Partial<AppealRow> = {};
      const done = async () => {
        // The sweep's marks (overdue since, escalation) feed no roll-up today; the appeal is kept
        // in them all the same, so a metric read from those columns later needs no change here.
        const r = await withRollups(trx, { source: appealRollups, ids: [row.id] }, () =>
          trx
            .updateTable('appeals')
            .set({ ...set, updatedAt: at, version: row.version + 1 })
            .where('id', '=', row.id)
            .where('version', '=', row.version)
            .where('lockOwner', '=', owner)
            .executeTakeFirst(),
        );
        // Changed by a user meanwhile: that change set a fresh deadline; nothing to do now.
        if (Number(r.numUpdatedRows) !== 1) throw new Stale();
        return out;
      };
      if (!OPEN.includes(row.status) || !row.dueOn || row.dueOn >= today) {
        set.nextSweepOn = row.dueOn && OPEN.includes(row.status) ? plusDays(row.dueOn, 1) : null;
        return done();
      }
      const cal = await loadCalendar(trx);
      const link = `/appeals/${row.id}`;
      const params = {
        code: row.code,
        title: row.title,
        stage: STAGE_ZH[row.dueStage ?? 'answer'],
        due: row.dueOn,
      };
      const timeline = async (kind: string, note: string) =>
        trx
          .insertInto('appealEvents')
          .values({
            id: newId(),
            appealId: row.id,
            kind,
            fromStatus: row.status,
            toStatus: row.status,
            note,
            rating: null,
            departmentId: row.departmentId,
            actorId: null,
            actorName: null,
            actorUnitId: null,
            byEnterprise: 0,
            internal: 1,
            createdAt: at,
          })
          .execute();
      const audit = (action: 'overdue' | 'escalate', after: unknown) =>
        recordAudit(trx, null, {
          action,
          entity: 'appeal',
          entityId: row.id,
          scopePath: row.regionPath,
          summary: `${row.title} (${row.code})`,
          before: { escalationLevel: row.escalationLevel, overdueSince: row.overdueSince },
          after,
        });

      if (!row.overdueSince) {
        set.overdueSince = plusDays(row.dueOn, 1);
        out.overdue = 1;
        await timeline('overdue', `${params.stage} ${row.dueOn}`);
        await audit('overdue', { overdueSince: set.overdueSince, dueStage: row.dueStage, dueOn: row.dueOn });
        const to = [
          ...(await usersOf(trx, row.departmentId)),
          ...(await usersOf(trx, row.supervisingUnitId, [
            'province_admin',
            'city_bureau',
            'county_staff',
            'inspector',
          ])),
        ];
        await notify(trx, [...new Set(to)], { kind: 'appeal_overdue', params, link });
      }

      // Escalate one level each time the appeal has stayed overdue for the rule's working days.
      const since = row.escalatedOn && row.escalatedOn > row.dueOn ? row.escalatedOn : row.dueOn;
      const late = countWorkingDays(cal, since, today);
      const supervisor = await trx
        .selectFrom('orgUnits')
        .select(['id', 'name', 'parentId'])
        .where('id', '=', row.supervisingUnitId)
        .executeTakeFirstOrThrow();
      const parent = supervisor.parentId
        ? await trx
            .selectFrom('orgUnits')
            .select(['id', 'name', 'kind'])
            .where('id', '=', supervisor.parentId)
            .executeTakeFirst()
        : undefined;
      if (late >= row.slaEscalateDays && parent) {
        Object.assign(set, {
          supervisingUnitId: parent.id,
          escalationLevel: row.escalationLevel + 1,
          escalatedOn: today,
        });
        out.escalated = 1;
        const days = String(countWorkingDays(cal, row.dueOn, today));
        await timeline('escalate', parent.name);
        await audit('escalate', { escalationLevel: row.escalationLevel + 1, supervisingUnit: parent.name });
        const to = [
          ...(await usersOf(trx, parent.id, [
            'province_admin',
            'city_bureau',
            'county_staff',
            'leader',
            'inspector',
          ])),
          ...(await usersOf(trx, row.departmentId)),
        ];
        await notify(trx, [...new Set(to)], {
          kind: 'appeal_escalated',
          params: { ...params, days, unit: parent.name },
          link,
        });
      }
      // Next look: when the next escalation would fall due, while there is a level above.
      const current = out.escalated && parent ? parent.id : supervisor.id;
      const above = await trx
        .selectFrom('orgUnits')
        .select('parentId')
        .where('id', '=', current)
        .executeTakeFirst();
      const base = out.escalated ? today : since;
      const nextDay = addWorkingDays(cal, base, row.slaEscalateDays).day;
      set.nextSweepOn = above?.parentId ? (nextDay > today ? nextDay : plusDays(today, 1)) : null;
      return done();
    })
    .catch((err) => {
      if (err instanceof Stale) return { overdue: 0, escalated: 0 };
      throw err;
    });
}

class Stale extends Error {}

/** Runs the sweep every intervalMs until stopped (started by main.ts beside the outbox worker). */
export function startAppealSweep(
  deps: AppealSweepDeps,
  log: { error: (obj: object, msg: string) => void },
  intervalMs = 10 * 60_000,
) {
  const owner = newId();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sweepAppeals(deps, { owner, log });
    } catch (err) {
      log.error({ err }, 'appeal sweep failed; the next run retries');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
