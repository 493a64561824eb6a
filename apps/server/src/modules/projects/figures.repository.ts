import { PROJECT_STATUSES, type ProjectFigures, type ProjectStatus } from '@yingshang/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { addDays, daysBetween, median } from '../../lib/days.js';

/** Sign-to-production target of the seed: "签约、开工、投产不到150天". */
export const SIGN_TO_PRODUCTION_TARGET_DAYS = 150;

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

/**
 * Pipeline figures of a region subtree for a period, all derived from the stage dates, promises and
 * funds. A project's status at the period's end is read from its stage dates, so a past period shows
 * what was true then, not what is true now.
 */
export async function projectFigures(
  db: Executor,
  dialect: Dialect,
  f: {
    regionPath: string;
    from: string;
    to: string;
    today: string;
    stallSignedDays: number;
    stallStartedDays: number;
  },
): Promise<ProjectFigures> {
  const { from, to } = f;
  const inRegion = db
    .selectFrom('projects as p')
    .where(({ ref }) => dialect.under(ref('p.regionPath'), f.regionPath));
  const statusAtEnd = sql<ProjectStatus>`case
    when p.terminated_on <= ${to} then 'terminated'
    when p.producing_on <= ${to} then 'producing'
    when p.started_on <= ${to} then 'started'
    when p.signed_on <= ${to} then 'signed'
    when p.negotiating_on <= ${to} then 'negotiating'
    else 'lead' end`;
  const between = (col: string) =>
    sql<number>`sum(case when ${sql.ref(col)} >= ${from} and ${sql.ref(col)} <= ${to} then 1 else 0 end)`;
  const upTo = (col: string) => sql<number>`sum(case when ${sql.ref(col)} <= ${to} then 1 else 0 end)`;
  const openAt = sql`(p.terminated_on is null or p.terminated_on > ${to})`;
  // Stalled: more than the threshold since the stage, as the list and the dashboard count it.
  const signedBefore = addDays(to, -f.stallSignedDays);
  const startedBefore = addDays(to, -f.stallStartedDays);
  const signPlus = dialect.dayPlus(sql.ref('p.signed_on'), SIGN_TO_PRODUCTION_TARGET_DAYS);

  // One pass over the covering index (migration 0004), grouped by the status at the period's end and
  // by whether the project existed then; the totals add the groups up. Funds and promises carry the
  // region path, so they are summed from their own indexes without a join.
  const [groups, funds, promises, pairs] = await Promise.all([
    inRegion
      .select([
        statusAtEnd.as('status'),
        // A project existed at the period's end if it was entered by then or its first stage date says so.
        sql<number>`case when p.created_on <= ${to} or coalesce(p.negotiating_on, p.signed_on, p.started_on, p.producing_on) <= ${to} then 1 else 0 end`.as(
          'existed',
        ),
        sql<number>`count(*)`.as('count'),
        sql<number>`coalesce(sum(p.total_investment_fen), 0)`.as('investment'),
        between('p.signed_on').as('newlySigned'),
        sql<number>`coalesce(sum(case when p.signed_on >= ${from} and p.signed_on <= ${to} then p.total_investment_fen else 0 end), 0)`.as(
          'newlySignedFen',
        ),
        between('p.started_on').as('newlyStarted'),
        between('p.producing_on').as('newlyProducing'),
        upTo('p.signed_on').as('signedTotal'),
        upTo('p.started_on').as('startedTotal'),
        upTo('p.producing_on').as('producingTotal'),
        sql<number>`coalesce(sum(case when p.signed_on <= ${to} then p.total_investment_fen else 0 end), 0)`.as(
          'contractedFen',
        ),
        sql<number>`sum(case when p.signed_on <= ${to} and ${openAt} and (
            (p.producing_on is not null and p.producing_on <= ${to} and p.producing_on > ${signPlus})
            or ((p.producing_on is null or p.producing_on > ${to}) and ${to} > ${signPlus})) then 1 else 0 end)`.as(
          'over150',
        ),
        sql<number>`sum(case when ${openAt} and (
            (p.signed_on < ${signedBefore} and (p.started_on is null or p.started_on > ${to}))
            or (p.started_on < ${startedBefore} and (p.producing_on is null or p.producing_on > ${to}))) then 1 else 0 end)`.as(
          'stalled',
        ),
        // Blocked is a present state: an unmet factor need past its due date today.
        sql<number>`sum(case when p.open_need_due_on < ${f.today} and p.status <> 'terminated' then 1 else 0 end)`.as(
          'blocked',
        ),
      ])
      .groupBy([sql`1`, sql`2`])
      .execute(),
    // Funds are recorded on signed projects only (projects.service.ts addFund), so what arrived by
    // the period's end belongs to projects signed by then.
    db
      .selectFrom('projectFunds as pf')
      .where(({ ref }) => dialect.under(ref('pf.regionPath'), f.regionPath))
      .where('pf.receivedOn', '<=', to)
      .select(sql<number>`coalesce(sum(pf.amount_fen), 0)`.as('fen'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('projectPromises as pp')
      .where(({ ref }) => dialect.under(ref('pp.regionPath'), f.regionPath))
      .where('pp.dueOn', '<=', to)
      .where('pp.status', '!=', 'cancelled')
      .select([
        sql<number>`count(*)`.as('due'),
        sql<number>`sum(case when pp.status = 'fulfilled' then 1 else 0 end)`.as('fulfilled'),
      ])
      .executeTakeFirstOrThrow(),
    inRegion
      .select(['p.signedOn', 'p.startedOn', 'p.producingOn'])
      .where((eb) =>
        eb.or([
          eb.and([eb('p.startedOn', '>=', from), eb('p.startedOn', '<=', to)]),
          eb.and([eb('p.producingOn', '>=', from), eb('p.producingOn', '<=', to)]),
        ]),
      )
      .execute(),
  ]);

  const n = (v: unknown) => Number(v ?? 0);
  const inPeriod = (d: string | null) => !!d && d >= from && d <= to;
  const days = (a: string | null, b: string | null) => (a && b ? daysBetween(a, b) : null);
  const collect = (pick: (r: (typeof pairs)[number]) => number | null) =>
    pairs.map(pick).filter((v): v is number => v !== null);
  const existing = groups.filter((g) => n(g.existed) === 1);
  const total = (key: Exclude<keyof (typeof groups)[number], 'status' | 'existed'>) =>
    groups.reduce((sum, g) => sum + n(g[key]), 0);
  const byStatus = (status: ProjectStatus, key: 'count' | 'investment') =>
    existing.filter((g) => g.status === status).reduce((sum, g) => sum + n(g[key]), 0);
  return {
    period: { from, to },
    byStatus: PROJECT_STATUSES.map((status) => ({
      status,
      count: byStatus(status, 'count'),
      investmentFen: byStatus(status, 'investment'),
    })),
    newlySigned: { count: total('newlySigned'), investmentFen: total('newlySignedFen') },
    newlyStarted: total('newlyStarted'),
    newlyProducing: total('newlyProducing'),
    signedTotal: total('signedTotal'),
    startRate: ratio(total('startedTotal'), total('signedTotal')),
    productionRate: ratio(total('producingTotal'), total('signedTotal')),
    fulfilmentRate: ratio(n(promises.fulfilled), n(promises.due)),
    fundsInPlaceRate: ratio(n(funds.fen), total('contractedFen')),
    medianDays: {
      signToStart: median(collect((r) => (inPeriod(r.startedOn) ? days(r.signedOn, r.startedOn) : null))),
      startToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.startedOn, r.producingOn) : null)),
      ),
      signToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.signedOn, r.producingOn) : null)),
      ),
    },
    over150Days: total('over150'),
    stalled: total('stalled'),
    blocked: total('blocked'),
  };
}
