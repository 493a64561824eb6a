import { z } from 'zod';
import { ActivityDashboard } from './activities.js';
import { AppealDashboard } from './appeals.js';
import { Id, Timestamp } from './common.js';
import { IncentiveDashboard } from './incentives.js';
import { PROJECT_STATUSES } from './projects.js';
import { RectificationDashboard } from './rectification.js';

/** A calendar month, YYYY-MM (the dashboard's periods are runs of whole months, as reports are). */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const DashboardQuery = z
  .object({ regionId: Id.optional(), from: Month, to: Month })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['from'], message: 'from > to' });

const Count = z.object({ count: z.number().int(), investmentFen: z.number().int() });

/** The pipeline of a region for a run of months, read from the roll-ups. */
export const PipelinePeriod = z.object({
  /** At the end of the last month. */
  byStatus: z.array(Count.extend({ status: z.enum(PROJECT_STATUSES) })),
  /** Stages reached within the months. */
  newlySigned: Count,
  newlyStarted: Count,
  newlyProducing: Count,
  /** Up to the end of the last month. */
  signedTotal: z.number().int(),
  startedTotal: z.number().int(),
  producingTotal: z.number().int(),
  /** 开工率 = started ÷ signed, 投产率 = producing ÷ signed, both up to the end. */
  startRate: z.number().nullable(),
  productionRate: z.number().nullable(),
  /** Investment of the projects signed up to the end, and the funds arrived by then: 资金到位率. */
  contractedFen: z.number().int(),
  fundsInPlaceFen: z.number().int(),
  fundsInPlaceRate: z.number().nullable(),
  /** Funds arrived within the months. */
  fundsInPeriodFen: z.number().int(),
  /** Promises due up to the end: kept ÷ due. */
  promisesDue: z.number().int(),
  promisesFulfilled: z.number().int(),
  fulfilmentRate: z.number().nullable(),
  /** Mean days between stages reached within the months. */
  averageDays: z.object({
    signToStart: z.number().nullable(),
    startToProduction: z.number().nullable(),
    signToProduction: z.number().nullable(),
  }),
});
export type PipelinePeriod = z.infer<typeof PipelinePeriod>;

export const DashboardRegion = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  code: z.string(),
  /** The region one level up, when the caller may see it (drilling back up). */
  parentId: z.string().nullable(),
});

export const Dashboard = z.object({
  region: DashboardRegion,
  period: z.object({ from: Month, to: Month }),
  /** The same months a year earlier: every figure's 同比. */
  lastYear: z.object({ from: Month, to: Month }),
  pipeline: z.object({
    current: PipelinePeriod,
    lastYear: PipelinePeriod,
    /** Present state, whatever the months: stalled (no next stage after the thresholds) and blocked. */
    now: z.object({
      stalled: z.number().int(),
      blocked: z.number().int(),
      /** Pending promises (招商承诺) of projects not terminated, past their due day. */
      promisesOverdue: z.number().int(),
      asOf: z.string(),
    }),
    /** Month by month within the period, with last year's same month. */
    trend: z.array(
      z.object({
        month: Month,
        signed: Count,
        started: z.number().int(),
        producing: z.number().int(),
        fundsFen: z.number().int(),
        lastYearSigned: Count,
      }),
    ),
    /** The region's cities, or counties and zones, on the same figures. */
    byRegion: z.array(
      DashboardRegion.extend({
        current: PipelinePeriod.pick({
          newlySigned: true,
          signedTotal: true,
          startRate: true,
          productionRate: true,
          fundsInPlaceRate: true,
          contractedFen: true,
        }),
        lastYearSigned: Count,
      }),
    ),
    /** Signings within the months by industry section (GB/T 4754) and by investors' origin group. */
    byIndustry: z.array(Count.extend({ key: z.string() })),
    byOrigin: z.array(Count.extend({ key: z.string() })),
  }),
  /** The modules' sections, each null when the user may not read the module. */
  activities: ActivityDashboard.nullable(),
  appeals: AppealDashboard.nullable(),
  incentives: IncentiveDashboard.nullable(),
  rectification: RectificationDashboard.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The monthly report (招商引资月报) of a region's cities, or counties and zones, for one month. */
export const MonthlyReportQuery = z.object({ regionId: Id.optional(), month: Month }).strict();

const ReportFigures = z.object({
  signedCount: z.number().int(),
  signedInvestmentFen: z.number().int(),
  startedCount: z.number().int(),
  fundsFen: z.number().int(),
});

export const Target = z.object({
  signedCount: z.number().int(),
  signedInvestmentFen: z.number().int(),
  fundsFen: z.number().int(),
  version: z.number().int(),
});

export const MonthlyReportRow = DashboardRegion.extend({
  /** 本月 */
  month: ReportFigures,
  /** 本年累计 (January to the month) */
  yearToDate: ReportFigures,
  /** The same months of last year, for 同比. */
  lastYearToDate: ReportFigures,
  /** 年度目标, when entered. */
  target: Target.nullable(),
});

export const REPORT_FIGURES = ['signedCount', 'signedInvestmentFen', 'startedCount', 'fundsFen'] as const;

/** A change to a closed month's figure (报表修订): who entered what, when, the figure before and after. */
export const ReportRevision = z.object({
  at: Timestamp,
  actorName: z.string(),
  /** The project (name and code) or the imported file. */
  summary: z.string(),
  figure: z.enum(REPORT_FIGURES),
  old: z.number().int(),
  new: z.number().int(),
});
export type ReportRevision = z.infer<typeof ReportRevision>;

export const MonthlyReport = z.object({
  month: Month,
  /** The month is over (only the current month is still open). */
  closed: z.boolean(),
  /** Changes to the region's figures of this month made after it closed, newest first. */
  revisions: z.array(ReportRevision),
  /** The region itself (合计) first, then its cities, or counties and zones. */
  rows: z.array(MonthlyReportRow),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;
export type MonthlyReportRow = z.infer<typeof MonthlyReportRow>;

const Amount = z.number().int().min(0).max(1e15);
export const TargetsBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    targets: z
      .array(
        z
          .object({
            regionId: Id,
            signedCount: z.number().int().min(0).max(1_000_000),
            signedInvestmentFen: Amount,
            fundsFen: Amount,
            /** The version read (absent: a region without a target yet). */
            version: z.number().int().min(1).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
