import { z } from 'zod';
import { Day, Paging, SearchText, Timestamp, Version } from './common.js';

/** Pipeline stages in order; `terminated` ends a project from any earlier stage. */
export const STAGES = ['lead', 'negotiating', 'signed', 'started', 'producing'] as const;
export const PROJECT_STATUSES = [...STAGES, 'terminated'] as const;
export type Stage = (typeof STAGES)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_TYPES = ['new', 'expansion', 'relocation'] as const;
export const ORIGIN_GROUP_KEYS = [
  'jjj',
  'yrd',
  'gba',
  'east_other',
  'central_west',
  'local',
  'overseas',
] as const;
export const FACTOR_KINDS = [
  'land',
  'water',
  'power',
  'gas',
  'energy',
  'relocation',
  'environment',
  'talent',
  'other',
] as const;
export const FACTOR_STATUSES = ['needed', 'in_progress', 'met'] as const;
export const PROMISE_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const;
export const STAGE_ACTIONS = ['advance', 'terminate', 'pause', 'resume', 'correct'] as const;

/** Money: integer fen (CNY) and integer cents (USD) — never floats. 1e15 fen = 10 万亿元, beyond any project. */
export const Fen = z.number().int().min(0).max(1e15);
export const UsdCents = z.number().int().min(0).max(1e14);

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish();

export const InvestorInput = z
  .object({
    name: Text(200),
    creditCode: z.string().trim().toUpperCase().max(18).nullish(),
    foreignRegNo: OptText(64),
    country: OptText(64),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .nullish(),
    legalRep: OptText(64),
    contactName: OptText(64),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/)
      .nullish(),
  })
  .strict();

export const Investor = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  foreignRegNo: z.string().nullable(),
  country: z.string().nullable(),
  provinceCode: z.string().nullable(),
  originGroup: z.enum(ORIGIN_GROUP_KEYS),
  legalRep: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Investor = z.infer<typeof Investor>;

export const InvestorListQuery = Paging.extend({ q: SearchText.optional() }).strict();

/** Likely duplicates of an investor about to be created (same code, or same normalised name). */
export const InvestorMatches = z.object({ matches: z.array(Investor) });

export const TaskForceMember = z.object({ name: Text(64), unit: OptText(100), duty: OptText(100) }).strict();

const ProjectBase = z.object({
  name: Text(200),
  regionId: z.string().min(1).max(64),
  industryCode: z.string().regex(/^([A-T]|\d{2,4})$/, 'GB/T 4754 code'),
  totalInvestmentFen: Fen,
  foreignCapitalUsdCents: UsdCents,
  projectType: z.enum(PROJECT_TYPES),
  investorIds: z.array(z.string().min(1).max(64)).min(1).max(10),
  leaderName: OptText(64),
  serviceOfficerId: z.string().max(64).nullish(),
  taskForce: z.array(TaskForceMember).max(50),
  tags: z.array(z.string().trim().min(1).max(20)).max(20),
  notes: OptText(4000),
});

/** A stage a project reached before it was entered: its date and evidence (签约 agreement no., 开工 permit …). */
export const ReachedStage = z
  .object({ stage: z.enum(STAGES).exclude(['lead']), date: Day, evidence: OptText(500) })
  .strict();

export const CreateProjectBody = ProjectBase.extend({
  foreignCapitalUsdCents: UsdCents.default(0),
  taskForce: ProjectBase.shape.taskForce.default([]),
  tags: ProjectBase.shape.tags.default([]),
  /** 线索日期: when the lead came in (default today); never in the future. */
  leadOn: Day.optional(),
  /**
   * A project entered after the fact: the stages it has reached since the lead, in order and each
   * on or after the one before (在谈 → 签约 → 开工 → 投产, none skipped).
   */
  reached: z.array(ReachedStage).max(4).default([]),
}).strict();
export const UpdateProjectBody = ProjectBase.partial().extend({ version: Version }).strict();

export const StageChangeBody = z
  .object({
    version: Version,
    action: z.enum(STAGE_ACTIONS),
    /** advance / correct: the target stage. */
    to: z.enum(STAGES).optional(),
    /** The business date of the event (YYYY-MM-DD, Beijing), never in the future. */
    date: Day,
    /** e.g. the agreement number for 签约, the permit for 开工. */
    evidence: OptText(500),
    /** terminate / correct / pause: required. */
    reason: OptText(500),
  })
  .strict();

export const StageEvent = z.object({
  id: z.string(),
  action: z.enum(STAGE_ACTIONS),
  fromStatus: z.enum(PROJECT_STATUSES),
  toStatus: z.enum(PROJECT_STATUSES),
  date: z.string(),
  evidence: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string(),
  createdAt: Timestamp,
  /** 补录: entered on a later day than it happened. */
  backdated: z.boolean(),
});

export const FactorNeedInput = z
  .object({
    kind: z.enum(FACTOR_KINDS),
    /** Decimal string: 亩, m³/yr, kVA, 吨标煤 … per kind. */
    quantity: z
      .string()
      .regex(/^\d{1,12}(\.\d{1,4})?$/, 'quantity: a non-negative number')
      .nullish(),
    description: OptText(500),
    /** 责任单位: every need has an owner. */
    responsibleOrgId: z.string().min(1).max(64),
    dueOn: Day.nullish(),
  })
  .strict();
export const UpdateFactorNeedBody = z
  .object({
    version: Version,
    status: z.enum(FACTOR_STATUSES).optional(),
    /** With status met: the day it was met (default today). */
    metOn: Day.optional(),
    quantity: FactorNeedInput.shape.quantity,
    description: FactorNeedInput.shape.description,
    responsibleOrgId: FactorNeedInput.shape.responsibleOrgId.optional(),
    dueOn: FactorNeedInput.shape.dueOn,
  })
  .strict();
export const FactorNeed = z.object({
  id: z.string(),
  kind: z.enum(FACTOR_KINDS),
  quantity: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(FACTOR_STATUSES),
  responsibleOrgId: z.string().nullable(),
  responsibleOrgName: z.string().nullable(),
  dueOn: z.string().nullable(),
  metOn: z.string().nullable(),
  /** Unmet and past its due date. */
  blocking: z.boolean(),
  version: z.number().int(),
});

export const PromiseInput = z
  .object({
    content: Text(500),
    /** 责任单位: every promise has an owner. */
    responsibleOrgId: z.string().min(1).max(64),
    dueOn: Day,
  })
  .strict();
export const UpdatePromiseBody = z
  .object({
    version: Version,
    status: z.enum(PROMISE_STATUSES).optional(),
    /** With status fulfilled: the day it was kept (default today). */
    fulfilledOn: Day.optional(),
    content: Text(500).optional(),
    responsibleOrgId: PromiseInput.shape.responsibleOrgId.optional(),
    dueOn: Day.optional(),
    evidence: OptText(500),
  })
  .strict();
export const ProjectPromise = z.object({
  id: z.string(),
  content: z.string(),
  responsibleOrgId: z.string().nullable(),
  responsibleOrgName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(PROMISE_STATUSES),
  fulfilledOn: z.string().nullable(),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});

export const FundInput = z
  .object({
    receivedOn: Day,
    currency: z.enum(['CNY', 'USD']),
    /** fen for CNY, cents for USD. */
    amount: z.number().int().min(1).max(1e15),
    source: OptText(200),
  })
  .strict();
export const Fund = z.object({
  id: z.string(),
  receivedOn: z.string(),
  currency: z.enum(['CNY', 'USD']),
  amount: z.number().int(),
  source: z.string().nullable(),
  createdAt: Timestamp,
});

export const ProjectSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  totalInvestmentFen: z.number().int(),
  foreignCapitalUsdCents: z.number().int(),
  fundsInPlaceFen: z.number().int(),
  projectType: z.enum(PROJECT_TYPES),
  originGroup: z.enum(ORIGIN_GROUP_KEYS),
  investorNames: z.string(),
  status: z.enum(PROJECT_STATUSES),
  paused: z.boolean(),
  leaderName: z.string().nullable(),
  signedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  producingOn: z.string().nullable(),
  blocked: z.boolean(),
  stalled: z.boolean(),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectDetail = ProjectSummary.extend({
  /** 线索日期 (the lead's occurred-on date); createdAt is when it was entered. */
  leadOn: z.string(),
  /** The activity where the project was first contacted, and the one it was signed at (招商活动). */
  sourceActivity: z.object({ id: z.string(), title: z.string() }).nullable(),
  signedAtActivity: z.object({ id: z.string(), title: z.string(), amountFen: z.number().int() }).nullable(),
  investors: z.array(Investor),
  serviceOfficerId: z.string().nullable(),
  serviceOfficerName: z.string().nullable(),
  taskForce: z.array(z.object({ name: z.string(), unit: z.string().nullish(), duty: z.string().nullish() })),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  events: z.array(StageEvent),
  factorNeeds: z.array(FactorNeed),
  promises: z.array(ProjectPromise),
  funds: z.array(Fund),
  createdAt: Timestamp,
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

const YesNo = z.enum(['true', 'false']);
export const PROJECT_SORTS = ['updatedAt', 'totalInvestment', 'signedOn', 'name'] as const;
export const ProjectListQuery = Paging.extend({
  q: SearchText.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  regionId: z.string().max(64).optional(),
  industry: z
    .string()
    .regex(/^([A-T]|\d{2,4})$/)
    .optional(),
  origin: z.enum(ORIGIN_GROUP_KEYS).optional(),
  minInvestmentFen: z.coerce.number().int().min(0).optional(),
  maxInvestmentFen: z.coerce.number().int().min(0).optional(),
  leader: z.string().trim().max(64).optional(),
  blocked: YesNo.optional(),
  stalled: YesNo.optional(),
  /** Reached this stage between the two days (both included): the records behind a period's figures. */
  reached: z.enum(['signed', 'started', 'producing']).optional(),
  reachedFrom: Day.optional(),
  reachedTo: Day.optional(),
  sort: z.enum(PROJECT_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
}).strict();

/** Figures for a period and a region subtree; every one derived from the records. */
export const ProjectFiguresQuery = z
  .object({ regionId: z.string().max(64).optional(), from: Day, to: Day })
  .strict();
export const ProjectFigures = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  byStatus: z.array(
    z.object({ status: z.enum(PROJECT_STATUSES), count: z.number().int(), investmentFen: z.number().int() }),
  ),
  /** Events dated inside the period. */
  newlySigned: z.object({ count: z.number().int(), investmentFen: z.number().int() }),
  newlyStarted: z.number().int(),
  newlyProducing: z.number().int(),
  /** Of projects ever signed (status signed or later, not terminated before signing). */
  signedTotal: z.number().int(),
  startRate: z.number().nullable(),
  productionRate: z.number().nullable(),
  /** Promises fulfilled ÷ promises due. */
  fulfilmentRate: z.number().nullable(),
  fundsInPlaceRate: z.number().nullable(),
  medianDays: z.object({
    signToStart: z.number().nullable(),
    startToProduction: z.number().nullable(),
    signToProduction: z.number().nullable(),
  }),
  over150Days: z.number().int(),
  stalled: z.number().int(),
  blocked: z.number().int(),
});
export type ProjectFigures = z.infer<typeof ProjectFigures>;

/** An overdue promise with its project: the ledger for problem 1 of the campaign (招商承诺不兑现). */
export const OverduePromise = ProjectPromise.extend({
  projectId: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  daysOverdue: z.number().int(),
});
export const OverduePromiseQuery = Paging.extend({ regionId: z.string().max(64).optional() }).strict();

export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: Timestamp,
});
