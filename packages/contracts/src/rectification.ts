import { z } from 'zod';
import { Day, Id, Paging, SearchText, Timestamp, Version } from './common.js';

/**
 * Rectification campaigns (整改提升行动) and their ledgers: the nine problems of the provincial
 * campaign as categories, tasks with lead and cooperating units, progress reports, verification
 * (自查 / 实地调研), closing (销号) and the SOE-arrears ledger (清欠台账).
 */
export const RECTIFICATION_SOURCES = [
  'self_inspection',
  'field_survey',
  'appeal',
  'overdue_promise',
  'overdue_incentive',
  'inspector_finding',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
/** Sources a clerk may pick by hand; the others come from one-step conversions. */
export const MANUAL_SOURCES = [
  'self_inspection',
  'field_survey',
  'appeal',
  'overdue_incentive',
  'inspector_finding',
] as const;

/** open → verified (a passed verification) → closed (销号); a failed verification leaves it open, returned. */
export const TASK_STATUSES = ['open', 'verified', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Deadline light: 正常 / 临期 (within DUE_SOON_DAYS) / 逾期; closed tasks are on time or late. */
export const TASK_TIMINGS = ['normal', 'due_soon', 'overdue'] as const;
export const DUE_SOON_DAYS = 7;
export const VERIFICATION_KINDS = ['self_inspection', 'field_survey'] as const;
export const VERIFICATION_RESULTS = ['passed', 'failed'] as const;
export const ARREAR_STATUSES = ['outstanding', 'partly_repaid', 'cleared'] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish();
/** Money in fen: positive, up to 1e14 fen (1 万亿元). */
const AmountFen = z.number().int().min(1).max(1e14);

export const CampaignInput = z
  .object({
    title: Text(200),
    issuingBody: Text(100),
    docNumber: OptText(64),
    startOn: Day,
    deadlineOn: Day,
    scopeOrgIds: z.array(Id).min(1).max(50),
    problems: z.array(Text(100)).min(1).max(30),
    description: OptText(2000),
  })
  .strict();

export const CampaignProblem = z.object({ id: z.string(), seq: z.number().int(), name: z.string() });
const OrgRef = z.object({ id: z.string(), name: z.string() });

export const Campaign = z.object({
  id: z.string(),
  title: z.string(),
  issuingBody: z.string(),
  docNumber: z.string().nullable(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  startOn: z.string(),
  deadlineOn: z.string(),
  scope: z.array(OrgRef),
  problems: z.array(CampaignProblem),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
});

export const Milestone = z.object({ title: Text(100), dueOn: Day }).strict();

const TaskFields = {
  campaignId: Id,
  problemId: Id,
  issue: Text(1000),
  measures: Text(2000),
  leadOrgId: Id,
  coopOrgIds: z.array(Id).max(20).default([]),
  zoneIds: z.array(Id).min(1).max(10),
  deadlineOn: Day,
  milestones: z.array(Milestone).max(20).default([]),
};
export const TaskInput = z
  .object({ ...TaskFields, source: z.enum(MANUAL_SOURCES).default('self_inspection') })
  .strict();
/** An inspector's field-survey finding: becomes a task with source field_survey. */
export const FindingInput = z
  .object({ ...TaskFields, findings: Text(2000), surveyedOn: Day.optional() })
  .strict();
/** Turn an overdue promise of the pipeline into a task in one step. */
export const PromiseTaskInput = z
  .object({
    campaignId: Id,
    problemId: Id.optional(),
    leadOrgId: Id.optional(),
    measures: Text(2000).optional(),
    deadlineOn: Day,
  })
  .strict();

export const UpdateTaskBody = z
  .object({
    version: Version,
    issue: Text(1000).optional(),
    measures: Text(2000).optional(),
    coopOrgIds: z.array(Id).max(20).optional(),
    deadlineOn: Day.optional(),
    milestones: z.array(Milestone).max(20).optional(),
  })
  .strict();

export const ProgressInput = z
  .object({
    version: Version,
    /** Checked by the service (a clear error above 100 or backwards without a reason). */
    percent: z.number().int().min(0).max(100000),
    narrative: Text(2000),
    reason: OptText(500),
    evidenceIds: z.array(Id).max(20).default([]),
  })
  .strict();
export const ContributionInput = z
  .object({ narrative: Text(2000), evidenceIds: z.array(Id).max(20).default([]) })
  .strict();
export const VerificationInput = z
  .object({
    version: Version,
    result: z.enum(VERIFICATION_RESULTS),
    findings: Text(2000),
    verifiedOn: Day.optional(),
  })
  .strict();
export const CloseTaskBody = z.object({ version: Version, note: OptText(500) }).strict();
export const ReopenTaskBody = z.object({ version: Version, reason: Text(500) }).strict();

export const TaskListQuery = Paging.extend({
  campaignId: Id.optional(),
  problemId: Id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  timing: z.enum(TASK_TIMINGS).optional(),
  /** verification: open tasks reported complete (100%) and not yet verified — the inspector's 待核查. */
  awaiting: z.enum(['verification']).optional(),
  source: z.enum(RECTIFICATION_SOURCES).optional(),
  /** Lead or cooperating unit. */
  unitId: Id.optional(),
  zoneId: Id.optional(),
  /**
   * A region (province, city, county or zone): the tasks in it — those whose lead unit, a cooperating
   * unit or a zone lies in the region's subtree, as the campaign figures (and the dashboard) count them.
   */
  regionId: Id.optional(),
  q: SearchText.optional(),
  sort: z.enum(['deadlineOn', 'updatedAt', 'progress']).default('deadlineOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
}).strict();

export const TaskSummary = z.object({
  id: z.string(),
  code: z.string(),
  campaignId: z.string(),
  problemId: z.string(),
  problemSeq: z.number().int(),
  problemName: z.string(),
  issue: z.string(),
  measures: z.string(),
  leadOrgId: z.string(),
  leadOrgName: z.string(),
  coopOrgNames: z.array(z.string()),
  zoneNames: z.array(z.string()),
  deadlineOn: z.string(),
  source: z.enum(RECTIFICATION_SOURCES),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int(),
  lastReportOn: z.string().nullable(),
  verification: z.enum(VERIFICATION_RESULTS).nullable(),
  closedOn: z.string().nullable(),
  timing: z.enum(TASK_TIMINGS),
  daysOverdue: z.number().int(),
  version: z.number().int(),
  updatedAt: Timestamp,
});

export const TaskReport = z.object({
  id: z.string(),
  kind: z.enum(['progress', 'contribution']),
  orgName: z.string(),
  percent: z.number().int().nullable(),
  narrative: z.string(),
  reason: z.string().nullable(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string() })),
  reportedOn: z.string(),
  actorName: z.string(),
  createdAt: Timestamp,
});
export const TaskVerification = z.object({
  id: z.string(),
  kind: z.enum(VERIFICATION_KINDS),
  result: z.enum(VERIFICATION_RESULTS),
  findings: z.string(),
  verifiedOn: z.string(),
  orgName: z.string(),
  actorName: z.string(),
  createdAt: Timestamp,
});
export const TaskEvent = z.object({
  id: z.string(),
  action: z.enum(['create', 'update', 'close', 'reopen', 'return']),
  note: z.string().nullable(),
  actorName: z.string(),
  createdAt: Timestamp,
});

export const TaskDetail = TaskSummary.extend({
  campaignTitle: z.string(),
  campaignStartOn: z.string(),
  campaignDeadlineOn: z.string(),
  lead: OrgRef,
  coops: z.array(OrgRef),
  zones: z.array(OrgRef),
  milestones: z.array(z.object({ title: z.string(), dueOn: z.string() })),
  sourceRef: z.string().nullable(),
  reports: z.array(TaskReport),
  verifications: z.array(TaskVerification),
  events: z.array(TaskEvent),
  /** The caller's unit on this task: what it may file. */
  yourRole: z.enum(['lead', 'coop']).nullable(),
  createdAt: Timestamp,
});

const Rate = z.number().nullable();
const Completion = z.object({
  total: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  overdue: z.number().int(),
  /** closed ÷ total, null without tasks. */
  completionRate: Rate,
  /** on time ÷ closed, null without closed tasks. */
  onTimeRate: Rate,
});
export const CampaignFiguresQuery = z.object({ regionId: Id.optional() }).strict();
export const CampaignFigures = z.object({
  today: z.string(),
  totals: Completion.extend({ daysOverdue: z.number().int() }),
  byProblem: z.array(Completion.extend({ problemId: z.string(), seq: z.number().int(), name: z.string() })),
  /** Lead units ranked by completion rate, then on-time rate. */
  byUnit: z.array(Completion.extend({ orgId: z.string(), name: z.string(), rank: z.number().int() })),
  byZone: z.array(Completion.extend({ orgId: z.string(), name: z.string() })),
  overdueTasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      issue: z.string(),
      leadOrgName: z.string(),
      deadlineOn: z.string(),
      daysOverdue: z.number().int(),
    }),
  ),
  burnDown: z.array(z.object({ day: z.string(), remaining: z.number().int(), ideal: z.number() })),
});

/**
 * The dashboard's rectification section, read from the roll-ups: the latest campaign seen from the
 * region, as its figures count it (a task counts where any of its units lies), and the arrears ledger.
 */
export const RectificationDashboard = z.object({
  /** Null when no campaign is seen from the region: the section shows the arrears alone. */
  campaign: z.object({ id: z.string(), title: z.string(), deadlineOn: z.string() }).nullable(),
  totals: z.object({
    total: z.number().int(),
    completed: z.number().int(),
    completionRate: Rate,
    overdue: z.number().int(),
    onTimeRate: Rate,
  }),
  byProblem: z.array(
    z.object({
      problemId: z.string(),
      seq: z.number().int(),
      name: z.string(),
      total: z.number().int(),
      completed: z.number().int(),
      completionRate: Rate,
    }),
  ),
  /** Lead units, ranked as the campaign figures rank them. */
  byUnit: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      total: z.number().int(),
      completed: z.number().int(),
      completionRate: Rate,
      overdue: z.number().int(),
      rank: z.number().int(),
    }),
  ),
  byRegion: z.array(
    z.object({
      id: z.string(),
      total: z.number().int(),
      completed: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  arrears: z.object({ count: z.number().int(), outstandingFen: z.number().int() }),
});
export type RectificationDashboard = z.infer<typeof RectificationDashboard>;

export const ArrearInput = z
  .object({
    debtorName: Text(200),
    debtorCreditCode: z.string().trim().toUpperCase().max(18).nullish(),
    creditorName: Text(200),
    creditorCreditCode: z.string().trim().toUpperCase().min(1).max(18),
    contract: Text(200),
    regionId: Id,
    amountFen: AmountFen,
    dueOn: Day,
    notes: OptText(1000),
  })
  .strict();
export const RepaymentInput = z
  .object({ version: Version, paidOn: Day, amountFen: AmountFen, note: OptText(500) })
  .strict();
export const ArrearListQuery = Paging.extend({
  q: SearchText.optional(),
  status: z.enum(ARREAR_STATUSES).optional(),
  regionId: Id.optional(),
}).strict();
export const Arrear = z.object({
  id: z.string(),
  code: z.string(),
  debtorName: z.string(),
  debtorCreditCode: z.string().nullable(),
  creditorName: z.string(),
  creditorCreditCode: z.string(),
  contract: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  amountFen: z.number().int(),
  repaidFen: z.number().int(),
  outstandingFen: z.number().int(),
  dueOn: z.string(),
  status: z.enum(ARREAR_STATUSES),
  clearedOn: z.string().nullable(),
  overdue: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export const ArrearDetail = Arrear.extend({
  repayments: z.array(
    z.object({
      id: z.string(),
      paidOn: z.string(),
      amountFen: z.number().int(),
      note: z.string().nullable(),
      actorName: z.string(),
      createdAt: Timestamp,
    }),
  ),
});
const ArrearSums = z.object({
  count: z.number().int(),
  cleared: z.number().int(),
  amountFen: z.number().int(),
  repaidFen: z.number().int(),
  outstandingFen: z.number().int(),
});
export const ArrearFiguresQuery = z.object({ regionId: Id.optional() }).strict();
export const ArrearFigures = z.object({
  totals: ArrearSums,
  byDebtor: z.array(ArrearSums.extend({ debtorName: z.string() })),
  byRegion: z.array(ArrearSums.extend({ regionId: z.string(), regionName: z.string() })),
});

export type Campaign = z.infer<typeof Campaign>;
export type TaskSummary = z.infer<typeof TaskSummary>;
export type TaskDetail = z.infer<typeof TaskDetail>;
export type CampaignFigures = z.infer<typeof CampaignFigures>;
export type Arrear = z.infer<typeof Arrear>;
export type ArrearDetail = z.infer<typeof ArrearDetail>;
export type ArrearFigures = z.infer<typeof ArrearFigures>;
