import { z } from 'zod';
import { Day, Id, Paging, SearchText, Timestamp, Version } from './common.js';

/**
 * Incentive policies (惠企政策兑现): evaluation with a trace, applications reviewed county/zone →
 * city → province with working-day deadlines, payments, the rate table, the encouraged-industries
 * catalogue, the promise ledger and industry-transfer matching.
 */
export const INCENTIVE_KINDS = ['capital_arrival', 'regional_hq'] as const;
export type IncentiveKindKey = (typeof INCENTIVE_KINDS)[number];
export const INCENTIVE_STATUSES = [
  'county_review',
  'city_review',
  'province_review',
  'returned',
  'approved',
  'partly_paid',
  'paid',
  'rejected',
] as const;
export type IncentiveStatus = (typeof INCENTIVE_STATUSES)[number];
export const REVIEW_STAGES = ['county', 'city', 'province'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const REVIEW_DECISIONS = ['approve', 'return', 'reject'] as const;
export const INCENTIVE_MATERIALS = [
  'arrival_receipt',
  'registration_certificate',
  'audit_report',
  'foreign_investment_report',
  'hq_recognition',
  'other',
] as const;
export const ARRIVAL_OUTCOMES = [
  'counted',
  'outside_window',
  'future',
  'duplicate',
  'already_claimed',
  'rate_missing',
] as const;
/** What an application allows this user now. */
export const INCENTIVE_ACTIONS = ['review', 'resubmit', 'pay'] as const;
/** Project traits used by industry-transfer matching. */
export const TRANSFER_TRAITS = [
  'high_tech',
  'advanced_manufacturing',
  'logistics',
  'professional_services',
  'technology_intensive',
  'green_low_carbon',
  'labour_intensive',
  'agricultural_processing',
  'local_supply_chain',
] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish();
/** Cents (USD) or fen (CNY): a positive integer, at most 1e14 (1 万亿 of the currency). */
const Minor = z.number().int().min(1).max(1e14);
/** A bank receipt or voucher number: letters, digits and - _ / . space. */
const Reference = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9\-_/. ]+$/, 'letters, digits, - _ / .');

export const ArrivalInput = z
  .object({
    bankReceiptNo: Reference,
    receivedOn: Day,
    currency: z.enum(['USD', 'CNY']),
    amount: Minor,
    /** The pipeline's funds record of the project, when the arrival is one. */
    projectFundId: Id.optional(),
  })
  .strict();

export const HqInput = z
  .object({
    /** Assets of the multinational group, in US cents. */
    assetsUsdCents: z.number().int().min(0).max(1e16),
    capitalCurrency: z.enum(['USD', 'CNY']),
    capitalAmount: Minor,
    establishedOn: Day,
  })
  .strict();

const FactsFields = {
  policyId: Text(64),
  kind: z.enum(INCENTIVE_KINDS),
  /** Staff evaluate or apply for an enterprise of their area; an enterprise for itself (ignored). */
  enterpriseId: Id.optional(),
  foreignInvested: z.boolean(),
  /** GB/T 2260 code of the province where the investor is registered (2 or 6 digits). */
  registeredProvince: z.string().regex(/^\d{2}(\d{4})?$/, 'GB/T 2260 code'),
  catalogueItemId: Id,
  arrivals: z.array(ArrivalInput).max(50).default([]),
  hq: HqInput.nullish(),
};

/** Facts for a trial computation: nothing is saved. */
export const EvaluateBody = z.object(FactsFields).strict();

export const MaterialInput = z
  .object({ kind: z.enum(INCENTIVE_MATERIALS), name: Text(200), ref: OptText(200) })
  .strict();

export const ApplicationInput = z
  .object({
    ...FactsFields,
    /** The county or zone office receiving it (an enterprise picks one in its city). */
    regionId: Id.optional(),
    projectId: Id.optional(),
    investorName: OptText(200),
    materials: z.array(MaterialInput).max(30).default([]),
  })
  .strict();

export const ReviewBody = z
  .object({
    version: Version,
    decision: z.enum(REVIEW_DECISIONS),
    /** Required when returning or rejecting. */
    note: OptText(1000),
  })
  .strict();

export const ResubmitBody = z
  .object({ version: Version, materials: z.array(MaterialInput).max(30), note: OptText(1000) })
  .strict();

export const PaymentInput = z
  .object({
    version: Version,
    paidOn: Day,
    amountFen: Minor,
    voucherNo: Reference,
    note: OptText(500),
  })
  .strict();

export const ApplicationListQuery = Paging.extend({
  status: z.enum(INCENTIVE_STATUSES).optional(),
  /** Applications waiting for the caller's review. */
  mine: z.enum(['review', 'pay']).optional(),
  q: SearchText.optional(),
  /** Applications received by this region's offices or any below it (its subtree). */
  regionId: Id.optional(),
  /** Submitted on or after / on or before these days (inclusive; the dashboard's months link here). */
  from: Day.optional(),
  to: Day.optional(),
}).strict();

/** The filtered applications as a workbook: the list's filters, without paging. */
export const ApplicationExportQuery = ApplicationListQuery.omit({ page: true, pageSize: true });

export const ConditionTrace = z.object({
  key: z.string(),
  passed: z.boolean(),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const ParameterTrace = z.object({
  key: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  from: z.string(),
  to: z.string().nullable(),
  on: z.string(),
  basis: z.string(),
});
export const ArrivalTrace = z.object({
  ref: z.string(),
  receivedOn: z.string(),
  currency: z.enum(['USD', 'CNY']),
  amount: z.number(),
  rate: z.string().nullable(),
  rateDay: z.string().nullable(),
  fen: z.number().nullable(),
  usdCents: z.number().nullable(),
  outcome: z.enum(ARRIVAL_OUTCOMES),
});
export const Evaluation = z.object({
  policyId: z.string(),
  kind: z.enum(INCENTIVE_KINDS),
  date: z.string(),
  eligible: z.boolean(),
  amountFen: z.number(),
  computedFen: z.number(),
  baseFen: z.number(),
  rounding: z.literal('half_up_fen'),
  conditions: z.array(ConditionTrace),
  parameters: z.array(ParameterTrace),
  arrivals: z.array(ArrivalTrace),
  cap: z.object({
    capFen: z.number(),
    shared: z.boolean(),
    priorFen: z.number(),
    remainingBeforeFen: z.number(),
    appliedFen: z.number(),
    remainingAfterFen: z.number(),
    capped: z.boolean(),
  }),
  missingRates: z.array(z.string()),
});
export type EvaluationResult = z.infer<typeof Evaluation>;

export const CatalogueItem = z.object({
  id: z.string(),
  version: z.string(),
  part: z.enum(['national', 'central_western']),
  province: z.string().nullable(),
  section: z.string(),
  seq: z.number().int().nullable(),
  name: z.string(),
  manufacturing: z.boolean(),
  industryCodes: z.array(z.string()),
  source: z.string(),
});

export const PolicyParameter = z.object({
  key: z.string(),
  basis: z.string(),
  values: z.array(
    z.object({
      from: z.string(),
      to: z.string().nullable(),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
  ),
});
export const Policy = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  kinds: z.array(z.enum(INCENTIVE_KINDS)),
  requiredMaterials: z.record(z.string(), z.array(z.enum(INCENTIVE_MATERIALS))),
  parameters: z.array(PolicyParameter),
});

export const ApplicationSummary = z.object({
  id: z.string(),
  code: z.string(),
  policyId: z.string(),
  kind: z.enum(INCENTIVE_KINDS),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  status: z.enum(INCENTIVE_STATUSES),
  stage: z.enum(REVIEW_STAGES).nullable(),
  stageDueOn: z.string().nullable(),
  /** 正常 / 临期 / 逾期 of the current review step. */
  sla: z.enum(['normal', 'warning', 'overdue']).nullable(),
  submittedOn: z.string(),
  provisionalFen: z.number(),
  approvedFen: z.number().nullable(),
  paidFen: z.number(),
  updatedAt: Timestamp,
  version: z.number().int(),
});

export const IncentiveEvent = z.object({
  id: z.string(),
  action: z.string(),
  stage: z.enum(REVIEW_STAGES).nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  dueOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  actorName: z.string(),
  unitName: z.string(),
  createdAt: Timestamp,
});
export const IncentivePayment = z.object({
  id: z.string(),
  paidOn: z.string(),
  amountFen: z.number(),
  voucherNo: z.string(),
  note: z.string().nullable(),
  actorName: z.string(),
  createdAt: Timestamp,
});
export const ArrivalRecord = z.object({
  id: z.string(),
  bankReceiptNo: z.string(),
  receivedOn: z.string(),
  currency: z.enum(['USD', 'CNY']),
  amount: z.number(),
  amountFen: z.number().nullable(),
  rate: z.string().nullable(),
  rateDay: z.string().nullable(),
  counted: z.boolean(),
  projectFundId: z.string().nullable(),
});

export const ApplicationDetail = ApplicationSummary.extend({
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  catalogueItem: CatalogueItem.nullable(),
  facts: z.object({
    foreignInvested: z.boolean(),
    registeredProvince: z.string(),
    investorName: z.string().nullable(),
    hq: HqInput.nullable(),
  }),
  materials: z.array(
    z.object({ kind: z.enum(INCENTIVE_MATERIALS), name: z.string(), ref: z.string().nullable() }),
  ),
  /** Materials the policy asks for that are not among them. */
  missingMaterials: z.array(z.enum(INCENTIVE_MATERIALS)),
  arrivals: z.array(ArrivalRecord),
  evaluation: Evaluation,
  events: z.array(IncentiveEvent),
  payments: z.array(IncentivePayment),
  approvedOn: z.string().nullable(),
  payDueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  actions: z.array(z.enum(INCENTIVE_ACTIONS)),
});
export type IncentiveApplicationDetail = z.infer<typeof ApplicationDetail>;
export type IncentiveApplicationSummary = z.infer<typeof ApplicationSummary>;

export const RateInput = z
  .object({
    currency: z.literal('USD').default('USD'),
    day: Day,
    rate: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,6})?$/, 'a decimal such as 7.1186')
      .refine((s) => Number(s) > 0, 'positive'),
    source: Text(100).default('中国人民银行授权中国外汇交易中心公布的人民币汇率中间价'),
    note: OptText(500),
    /** The version read, when correcting an entered rate. */
    version: Version.optional(),
  })
  .strict();
export const Rate = z.object({
  currency: z.string(),
  day: z.string(),
  rate: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export const RateQuery = z.object({ from: Day.optional(), to: Day.optional() }).strict();

export const CatalogueQuery = Paging.extend({
  version: z.string().trim().max(10).optional(),
  manufacturing: z.enum(['true', 'false']).optional(),
  q: SearchText.optional(),
}).strict();
export const CatalogueImportResult = z.object({
  version: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});

export const IncentiveFiguresQuery = z
  .object({ regionId: Id.optional(), from: Day.optional(), to: Day.optional() })
  .strict();
export const IncentiveFigureRow = z.object({
  regionId: z.string(),
  regionName: z.string(),
  policyId: z.string(),
  applications: z.number().int(),
  approved: z.number().int(),
  paid: z.number().int(),
  rejected: z.number().int(),
  provisionalFen: z.number(),
  approvedFen: z.number(),
  paidFen: z.number(),
  /** Median calendar days from application to the payment that settled it. */
  medianDaysToPayment: z.number().nullable(),
  overdueReviews: z.number().int(),
});
export const IncentiveFigures = z.object({
  regionId: z.string(),
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  total: IncentiveFigureRow.omit({ regionId: true, regionName: true, policyId: true }),
  rows: z.array(IncentiveFigureRow),
  overdue: z.array(ApplicationSummary),
});

/**
 * The dashboard's incentives section, read from the roll-ups: the figures' totals for whole months
 * (applications counted in the month submitted), and what is overdue now.
 */
export const IncentivePeriod = z.object({
  applications: z.number().int(),
  /** Provisional amounts evaluated at submission (the figures' provisionalFen). */
  appliedFen: z.number().int(),
  approved: z.number().int(),
  approvedFen: z.number().int(),
  /** Settled: paid in full. */
  paid: z.number().int(),
  /** Paid so far, partial payments included. */
  paidFen: z.number().int(),
  rejected: z.number().int(),
  medianDaysToPayment: z.number().nullable(),
});
export const IncentiveDashboard = z.object({
  current: IncentivePeriod,
  lastYear: IncentivePeriod,
  /** Review steps past their deadline today (all applications of the region, whenever submitted). */
  overdueReviews: z.number().int(),
  /** Approved rewards unpaid past their due day, and what they still owe. */
  overdueRewards: z.number().int(),
  overdueRewardsFen: z.number().int(),
  byRegion: z.array(
    z.object({
      id: z.string(),
      applications: z.number().int(),
      approvedFen: z.number().int(),
      paidFen: z.number().int(),
    }),
  ),
});
export type IncentiveDashboard = z.infer<typeof IncentiveDashboard>;

export const ObligationsQuery = z
  .object({ regionId: Id.optional(), overdueOnly: z.enum(['true', 'false']).optional() })
  .strict();
export const Obligation = z.object({
  kind: z.enum(['promise', 'reward']),
  /** The promise's or the application's id. */
  id: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  ownerName: z.string(),
  regionName: z.string(),
  dueOn: z.string(),
  /** Reward: approved but unpaid, in fen. */
  outstandingFen: z.number().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  /** The rectification task it became, if any. */
  taskId: z.string().nullable(),
});
export const Obligations = z.object({
  items: z.array(Obligation),
  overdue: z.number().int(),
  total: z.number().int(),
});

export const MatchingInput = z
  .object({
    projectId: Id.optional(),
    /** GB/T 4754 code (any level) when no project is named. */
    industryCode: z
      .string()
      .regex(/^[A-T]?\d{0,4}$/)
      .min(1)
      .max(5)
      .optional(),
    traits: z.array(z.enum(TRANSFER_TRAITS)).max(TRANSFER_TRAITS.length).default([]),
  })
  .strict();
export const MatchingResult = z.object({
  industryCode: z.string().nullable(),
  traits: z.array(z.enum(TRANSFER_TRAITS)),
  ranking: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      kind: z.string(),
      score: z.number(),
      /** Orientation keys that matched (translated by the web). */
      reasons: z.array(z.string()),
    }),
  ),
});
