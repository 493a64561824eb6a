import { DUE_SOON_DAYS } from '@yingshang/contracts';
import type { Db } from '../../db/database.js';
import { addDays, beijingToday, daysBetween } from '../../lib/days.js';
import { now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { unitUsers } from './rectification.repository.js';

/** Days before the deadline on which the lead unit is reminded. */
export const REMIND_DAYS_BEFORE = [DUE_SOON_DAYS, 3, 1] as const;
/** Overdue notices: the first day past the deadline, then every this many days. */
export const OVERDUE_EVERY_DAYS = 7;

/** The database, and the notifications module's writer. */
export type RectificationSweepDeps = { db: Db; ports: Pick<Ports, 'notify'> };

/**
 * Reminders before deadlines and overdue notices for open rectification tasks, on `today` (Beijing).
 * The lead unit is reminded; overdue notices also go to the cooperating units.
 * Idempotent and safe with two processes: each notice first inserts its key (task, kind, day) and
 * only the process whose insert took sends it, in the same transaction.
 */
export async function sweepRectification(deps: RectificationSweepDeps, today = beijingToday()) {
  const { db } = deps;
  const { notify } = deps.ports;
  const remindOn = REMIND_DAYS_BEFORE.map((n) => addDays(today, n));
  const candidates = await db
    .selectFrom('rectificationTasks')
    .select(['id', 'code', 'issue', 'deadlineOn', 'progress', 'leadOrgId'])
    // open tasks only: a verified task waits for 销号 by the inspectors, not for its units
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('deadlineOn', 'in', remindOn), eb('deadlineOn', '<', today)]))
    .execute();
  let dueSoon = 0;
  let overdue = 0;
  for (const t of candidates) {
    const late = daysBetween(t.deadlineOn, today);
    if (late > 0 && (late - 1) % OVERDUE_EVERY_DAYS !== 0) continue;
    const kind = late > 0 ? 'rectification_overdue' : 'rectification_due_soon';
    const sent = await db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('rectificationReminders')
        .values({ taskId: t.id, kind, day: today, createdAt: now() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      const coops =
        kind === 'rectification_overdue'
          ? (
              await trx
                .selectFrom('rectificationTaskUnits')
                .select('orgId')
                .where('taskId', '=', t.id)
                .where('role', '=', 'coop')
                .execute()
            ).map((u) => u.orgId)
          : [];
      await notify(trx, await unitUsers(trx, [t.leadOrgId, ...coops]), {
        kind,
        params: {
          issue: t.issue.slice(0, 40),
          code: t.code,
          due: t.deadlineOn,
          days: String(Math.abs(late)),
          progress: String(t.progress),
        },
        link: `/rectification/tasks/${t.id}`,
      });
      return true;
    });
    if (sent && kind === 'rectification_overdue') overdue++;
    else if (sent) dueSoon++;
  }
  return { dueSoon, overdue };
}

/** Runs the sweep hourly (first run shortly after start); a failed run is logged and retried next time. */
export function startRectificationSweep(
  deps: RectificationSweepDeps,
  log: { error: (obj: object, msg: string) => void },
  intervalMs = 3600_000,
) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sweepRectification(deps);
    } catch (err) {
      log.error({ err }, 'rectification sweep failed; the next run retries');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 7_000);
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
