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
  const signedBefore = addDays(to, -f.stallSignedDays);
  const startedBefore = addDays(to, -f.stallStartedDays);
  const signPlus = dialect.dayPlus(sql.ref('p.signed_on'), SIGN_TO_PRODUCTION_TARGET_DAYS);

  const [byStatus, totals, funds, promises, pairs, blocked] = await Promise.all([
    inRegion
      // A project existed at the period's end if it was entered by then or its first stage date says so.
      .where(
        sql<boolean>`(p.created_on <= ${to} or coalesce(p.negotiating_on, p.signed_on, p.started_on, p.producing_on) <= ${to})`,
      )
      .select([
        statusAtEnd.as('status'),
        sql<number>`count(*)`.as('count'),
        sql<number>`coalesce(sum(p.total_investment_fen), 0)`.as('investment'),
      ])
      .groupBy(sql`1`)
      .execute(),
    inRegion
      .select([
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
            (p.signed_on <= ${signedBefore} and (p.started_on is null or p.started_on > ${to}))
            or (p.started_on <= ${startedBefore} and (p.producing_on is null or p.producing_on > ${to}))) then 1 else 0 end)`.as(
          'stalled',
        ),
      ])
      .executeTakeFirstOrThrow(),
    inRegion
      .innerJoin('projectFunds as pf', 'pf.projectId', 'p.id')
      .where('pf.receivedOn', '<=', to)
      .where('p.signedOn', '<=', to)
      .select(sql<number>`coalesce(sum(pf.amount_fen), 0)`.as('fen'))
      .executeTakeFirstOrThrow(),
    inRegion
      .innerJoin('projectPromises as pp', 'pp.projectId', 'p.id')
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
    inRegion
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('factorNeeds as fn')
            .select('fn.id')
            .whereRef('fn.projectId', '=', 'p.id')
            .where('fn.status', '!=', 'met')
            .where('fn.dueOn', '<', f.today),
        ),
      )
      .where('p.status', '!=', 'terminated')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);

  const n = (v: unknown) => Number(v ?? 0);
  const inPeriod = (d: string | null) => !!d && d >= from && d <= to;
  const days = (a: string | null, b: string | null) => (a && b ? daysBetween(a, b) : null);
  const collect = (pick: (r: (typeof pairs)[number]) => number | null) =>
    pairs.map(pick).filter((v): v is number => v !== null);
  const counts = new Map(byStatus.map((r) => [r.status, r]));
  return {
    period: { from, to },
    byStatus: PROJECT_STATUSES.map((status) => ({
      status,
      count: n(counts.get(status)?.count),
      investmentFen: n(counts.get(status)?.investment),
    })),
    newlySigned: { count: n(totals.newlySigned), investmentFen: n(totals.newlySignedFen) },
    newlyStarted: n(totals.newlyStarted),
    newlyProducing: n(totals.newlyProducing),
    signedTotal: n(totals.signedTotal),
    startRate: ratio(n(totals.startedTotal), n(totals.signedTotal)),
    productionRate: ratio(n(totals.producingTotal), n(totals.signedTotal)),
    fulfilmentRate: ratio(n(promises.fulfilled), n(promises.due)),
    fundsInPlaceRate: ratio(n(funds.fen), n(totals.contractedFen)),
    medianDays: {
      signToStart: median(collect((r) => (inPeriod(r.startedOn) ? days(r.signedOn, r.startedOn) : null))),
      startToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.startedOn, r.producingOn) : null)),
      ),
      signToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.signedOn, r.producingOn) : null)),
      ),
    },
    over150Days: n(totals.over150),
    stalled: n(totals.stalled),
    blocked: n(blocked.n),
  };
}
