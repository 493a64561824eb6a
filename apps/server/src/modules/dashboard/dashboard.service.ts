import {
  type Dashboard,
  isRegionKind,
  type MonthlyReport,
  type PipelinePeriod,
  PROJECT_STATUSES,
  type ProjectStatus,
  type ReportRevision,
  type TargetsBody,
} from '@yingshang/contracts';
import type { RollupMetric } from '@yingshang/rules';
import type { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../kernel/audit.js';
import { readCache } from '../../kernel/read-cache.js';
import { type MetricSums, rollupSeries, rollupSums } from '../../kernel/rollups.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { childRegions, presentState, revisionsOf, saveTarget, targetsOf } from './dashboard.repository.js';

const PERIOD_METRICS: readonly RollupMetric[] = [
  ...PROJECT_STATUSES.map((s) => `status:${s}` as const),
  'signed',
  'started',
  'producing',
  'signToStart',
  'startToProduction',
  'signToProduction',
  'funds',
  'promiseDue',
  'promiseFulfilled',
];
/** What the ranking of the children reads: signings, 开工率, 投产率, 资金到位率. */
const CHILD_METRICS: readonly RollupMetric[] = ['signed', 'started', 'producing', 'funds'];

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
const mean = (s: MetricSums | undefined) =>
  s && s.inN > 0 ? Math.round((s.inDays / s.inN) * 10) / 10 : null;

/** YYYY-MM shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** A region's pipeline for a run of months, from its roll-up sums. */
export function pipelinePeriod(sums: Map<string, MetricSums>): PipelinePeriod {
  const get = (m: RollupMetric) => sums.get(m);
  const inN = (m: RollupMetric) => get(m)?.inN ?? 0;
  const inFen = (m: RollupMetric) => get(m)?.inFen ?? 0;
  const cumN = (m: RollupMetric) => get(m)?.cumN ?? 0;
  const cumFen = (m: RollupMetric) => get(m)?.cumFen ?? 0;
  const signedTotal = cumN('signed');
  const contractedFen = cumFen('signed');
  const fundsInPlaceFen = cumFen('funds');
  const promisesDue = cumN('promiseDue');
  const promisesFulfilled = cumN('promiseFulfilled');
  return {
    byStatus: PROJECT_STATUSES.map((status: ProjectStatus) => ({
      status,
      count: cumN(`status:${status}`),
      investmentFen: cumFen(`status:${status}`),
    })),
    newlySigned: { count: inN('signed'), investmentFen: inFen('signed') },
    newlyStarted: { count: inN('started'), investmentFen: inFen('started') },
    newlyProducing: { count: inN('producing'), investmentFen: inFen('producing') },
    signedTotal,
    startedTotal: cumN('started'),
    producingTotal: cumN('producing'),
    startRate: ratio(cumN('started'), signedTotal),
    productionRate: ratio(cumN('producing'), signedTotal),
    contractedFen,
    fundsInPlaceFen,
    fundsInPlaceRate: ratio(fundsInPlaceFen, contractedFen),
    fundsInPeriodFen: inFen('funds'),
    promisesDue,
    promisesFulfilled,
    fulfilmentRate: ratio(promisesFulfilled, promisesDue),
    averageDays: {
      signToStart: mean(get('signToStart')),
      startToProduction: mean(get('startToProduction')),
      signToProduction: mean(get('signToProduction')),
    },
  };
}

/**
 * The leaders' dashboard (驾驶舱): every figure is a sum of roll-up rows of the region and its
 * children, so its cost follows the months and regions shown, not the number of records. Answers
 * are cached per region, months, day and what of it the reader may see (kernel/read-cache.ts):
 * every roll-up write, and every write to the units, campaigns and arrears it also reads, makes
 * them stale in the same transaction.
 */
export function createDashboardService(deps: {
  db: Db;
  config: Config;
  ports: Pick<
    Ports,
    | 'activityDashboard'
    | 'appealDashboard'
    | 'incentiveDashboard'
    | 'findOrg'
    | 'latestCampaign'
    | 'rectificationDashboard'
  >;
}) {
  const { db, config } = deps;
  const cache = readCache<Dashboard>(db, 'dashboard');
  const {
    activityDashboard,
    appealDashboard,
    incentiveDashboard,
    findOrg,
    latestCampaign,
    rectificationDashboard,
  } = deps.ports;

  /** The region asked for, inside the actor's area (default: the actor's own region). */
  async function regionOf(actor: Actor, regionId: string | undefined) {
    const unit = regionId ? await findOrg(db, regionId) : await findOrg(db, actor.orgUnit.id);
    if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
    if (!isRegionKind(unit.kind)) {
      if (regionId) fail('REGION_INVALID', [{ path: 'regionId', message: 'REGION_INVALID' }]);
      // a department's staff see the region the department serves
      const parent = unit.parentId ? await findOrg(db, unit.parentId) : undefined;
      if (!parent || !scopePath(actor).startsWith(parent.path)) fail('ORG_NOT_FOUND');
      return parent;
    }
    return unit;
  }

  const reportFigures = (sums: Map<string, MetricSums> | undefined) => ({
    signedCount: sums?.get('signed')?.inN ?? 0,
    signedInvestmentFen: sums?.get('signed')?.inFen ?? 0,
    startedCount: sums?.get('started')?.inN ?? 0,
    fundsFen: sums?.get('funds')?.inFen ?? 0,
  });

  /** Which report figure a revised roll-up metric moves, and by which part of the change. */
  const REVISED: Record<string, readonly [ReportRevision['figure'], 'n' | 'fen'][]> = {
    signed: [
      ['signedCount', 'n'],
      ['signedInvestmentFen', 'fen'],
    ],
    started: [['startedCount', 'n']],
    funds: [['fundsFen', 'fen']],
  };

  /**
   * A closed month's revisions as old → new figures: walking back from the figure as it is now,
   * each revision's new figure is the running one and its old figure that minus its change.
   */
  async function revisions(path: string, month: string, current: ReturnType<typeof reportFigures>) {
    const running = { ...current };
    const out: ReportRevision[] = [];
    for (const r of await revisionsOf(db, path, month)) {
      for (const [figure, part] of REVISED[r.metric] ?? []) {
        const change = Number(r[part]);
        if (change === 0) continue;
        out.push({
          at: r.createdAt,
          actorName: r.actorName,
          summary: r.summary,
          figure,
          old: running[figure] - change,
          new: running[figure],
        });
        running[figure] -= change;
      }
    }
    return out;
  }

  return {
    /** 招商引资月报: this month, the year to date, last year's same months and the annual target. */
    async monthly(actor: Actor, q: { regionId?: string; month: string }): Promise<MonthlyReport> {
      const region = await regionOf(actor, q.regionId);
      const regions = [region, ...(await childRegions(db, region.id))];
      const year = Number(q.month.slice(0, 4));
      const [month, ytd, lastYtd] = await rollupSums(
        db,
        'projects',
        regions.map((r) => r.path),
        ['signed', 'started', 'funds'],
        [
          { from: q.month, to: q.month },
          { from: `${year}-01`, to: q.month },
          { from: `${year - 1}-01`, to: shiftMonth(q.month, -12) },
        ],
      );
      const targets = new Map(
        (
          await targetsOf(
            db,
            regions.map((r) => r.id),
            year,
          )
        ).map((t) => [t.regionId, t]),
      );
      const closed = q.month < beijingToday().slice(0, 7);
      return {
        month: q.month,
        closed,
        revisions: closed ? await revisions(region.path, q.month, reportFigures(month.get(region.path))) : [],
        rows: regions.map((r, i) => {
          const t = targets.get(r.id);
          return {
            id: r.id,
            name: r.name,
            kind: r.kind,
            code: r.code,
            parentId: i === 0 ? null : region.id,
            month: reportFigures(month.get(r.path)),
            yearToDate: reportFigures(ytd.get(r.path)),
            lastYearToDate: reportFigures(lastYtd.get(r.path)),
            target: t
              ? {
                  signedCount: Number(t.signedCount),
                  signedInvestmentFen: Number(t.signedInvestmentFen),
                  fundsFen: Number(t.fundsFen),
                  version: Number(t.version),
                }
              : null,
          };
        }),
      };
    },

    /**
     * Sets annual targets, all or none: for regions below the actor's own (the province also sets
     * its own), each update on the version read (409 when someone changed it meanwhile).
     */
    async setTargets(actor: Actor, body: z.infer<typeof TargetsBody>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const at = now();
        for (const [i, t] of body.targets.entries()) {
          const unit = await findOrg(trx, t.regionId);
          const own = unit?.id === actor.orgUnit.id;
          if (!unit || !inScope(actor, unit.path))
            fail('ORG_NOT_FOUND', [{ path: `targets.${i}.regionId`, message: 'ORG_NOT_FOUND' }]);
          if (!isRegionKind(unit.kind) || (own && unit.parentId !== null))
            fail('REGION_INVALID', [{ path: `targets.${i}.regionId`, message: 'REGION_INVALID' }]);
          const { version, ...values } = t;
          if (!(await saveTarget(trx, { ...values, year: body.year }, version, at))) fail('VERSION_CONFLICT');
          await recordAudit(trx, actor, {
            action: version === undefined ? 'create' : 'update',
            entity: 'region_target',
            entityId: `${unit.id}:${body.year}`,
            scopePath: unit.path,
            summary: `${unit.name} ${body.year}`,
            after: { ...values, year: body.year },
          });
        }
      });
    },

    async get(actor: Actor, q: { regionId?: string; from: string; to: string }): Promise<Dashboard> {
      const region = await regionOf(actor, q.regionId);
      const can = (p: string) => actor.permissions.has(p as never);
      // a department's staff read appeals of their department only, so not the region's
      const regionReader = isRegionKind(actor.orgUnit.kind);
      const sections = ['activities', 'appeals', 'incentives', 'rectification'].filter((s) =>
        can(`${s}.read`),
      );
      // everything the answer depends on besides the data: the reader's area (the parent link,
      // the campaign) and sections, the region, the months and the day
      const today = beijingToday();
      const key = [scopePath(actor), regionReader, sections, region.id, q.from, q.to, today].join('|');
      return cache.get(key, () => compute(actor, region, q, { can, regionReader, today }));
    },
  };

  async function compute(
    actor: Actor,
    region: NonNullable<Awaited<ReturnType<Ports['findOrg']>>>,
    q: { from: string; to: string },
    { can, regionReader, today }: { can: (p: string) => boolean; regionReader: boolean; today: string },
  ): Promise<Dashboard> {
    const lastYear = { from: shiftMonth(q.from, -12), to: shiftMonth(q.to, -12) };
    const children = await childRegions(db, region.id);
    const section = { path: region.path, children, current: q, lastYear, today };
    const [
      [own, lyOwn],
      [kids, lyKids],
      series,
      lySeries,
      now,
      [industries],
      [origins],
      activities,
      appeals,
      incentives,
      rectification,
      parent,
    ] = await Promise.all([
      rollupSums(db, 'projects', [region.path], PERIOD_METRICS, [q, lastYear], { cumulative: true }),
      // the children's rows read only what the ranking shows
      rollupSums(
        db,
        'projects',
        children.map((c) => c.path),
        CHILD_METRICS,
        [q, lastYear],
        { cumulative: true },
      ),
      rollupSeries(db, 'projects', region.path, ['signed', 'started', 'producing', 'funds'], q.from, q.to),
      rollupSeries(db, 'projects', region.path, ['signed'], lastYear.from, lastYear.to),
      presentState(db, region.path, {
        today,
        signedBefore: addDays(today, -config.stallSignedDays),
        startedBefore: addDays(today, -config.stallStartedDays),
      }),
      rollupSums(db, 'projects', [region.path], [{ prefix: 'signedIndustry:' }], [q]),
      rollupSums(db, 'projects', [region.path], [{ prefix: 'signedOrigin:' }], [q]),
      can('activities.read') ? activityDashboard(db, section) : null,
      can('appeals.read') && regionReader ? appealDashboard(db, section) : null,
      can('incentives.read') ? incentiveDashboard(db, section) : null,
      can('rectification.read')
        ? latestCampaign(db, scopePath(actor)).then((campaign) =>
            rectificationDashboard(db, { ...section, campaign }),
          )
        : null,
      region.parentId ? findOrg(db, region.parentId) : undefined,
    ]);
    const shares = (w: Map<string, Map<string, MetricSums>>, prefix: string) =>
      [...(w.get(region.path) ?? new Map<string, MetricSums>())]
        .map(([metric, v]) => ({ key: metric.slice(prefix.length), count: v.inN, investmentFen: v.inFen }))
        .filter((x) => x.count !== 0 || x.investmentFen !== 0)
        .sort((a, b) => b.investmentFen - a.investmentFen || a.key.localeCompare(b.key));
    const cell = (rows: typeof series, month: string, metric: RollupMetric) =>
      rows.find((r) => r.period === month && r.metric === metric);
    const count = (r: { n: number; fen: number } | undefined) => ({
      count: Number(r?.n ?? 0),
      investmentFen: Number(r?.fen ?? 0),
    });
    const dto = (u: { id: string; name: string; kind: string; code: string }, parentId: string | null) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      code: u.code,
      parentId,
    });
    const none = new Map<string, MetricSums>();
    return {
      region: dto(region, parent && inScope(actor, parent.path) ? parent.id : null),
      period: { from: q.from, to: q.to },
      lastYear,
      pipeline: {
        current: pipelinePeriod(own.get(region.path) ?? none),
        lastYear: pipelinePeriod(lyOwn.get(region.path) ?? none),
        now: { ...now, asOf: today },
        trend: monthsBetween(q.from, q.to).map((month) => ({
          month,
          signed: count(cell(series, month, 'signed')),
          started: Number(cell(series, month, 'started')?.n ?? 0),
          producing: Number(cell(series, month, 'producing')?.n ?? 0),
          fundsFen: Number(cell(series, month, 'funds')?.fen ?? 0),
          lastYearSigned: count(cell(lySeries, shiftMonth(month, -12), 'signed')),
        })),
        byRegion: children.map((c) => {
          const p = pipelinePeriod(kids.get(c.path) ?? none);
          return {
            ...dto(c, region.id),
            current: {
              newlySigned: p.newlySigned,
              signedTotal: p.signedTotal,
              startRate: p.startRate,
              productionRate: p.productionRate,
              fundsInPlaceRate: p.fundsInPlaceRate,
              contractedFen: p.contractedFen,
            },
            lastYearSigned: pipelinePeriod(lyKids.get(c.path) ?? none).newlySigned,
          };
        }),
        byIndustry: shares(industries, 'signedIndustry:'),
        byOrigin: shares(origins, 'signedOrigin:'),
      },
      activities,
      appeals,
      incentives,
      rectification,
    };
  }
}
export type DashboardService = ReturnType<typeof createDashboardService>;
