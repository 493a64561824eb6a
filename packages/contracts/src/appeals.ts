import { z } from 'zod';
import { Day, Paging, SearchText, Timestamp, Version } from './common.js';

/**
 * Enterprise appeals (企业诉求): one queue for every channel, working-day SLAs, escalation,
 * satisfaction; government–enterprise meetings whose raised issues become appeals.
 */
export const APPEAL_CHANNELS = [
  'window',
  'hotline',
  'portal',
  'meeting',
  'express',
  'transfer_12345',
] as const;
export const APPEAL_URGENCIES = ['normal', 'urgent'] as const;
export const APPEAL_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'handling',
  'answered',
  'closed',
  'rejected',
  'merged',
] as const;
export const APPEAL_OPEN_STATUSES = ['submitted', 'accepted', 'assigned', 'handling', 'answered'] as const;
export const APPEAL_ACTIONS = [
  'accept',
  'reject',
  'assign',
  'sign',
  'return',
  'progress',
  'ask',
  'reply',
  'answer',
  'rate',
  'callback',
  'instruct',
  'merge',
] as const;
/** What the timeline shows: the actions, plus filing, reopening and the sweep's marks. */
export const APPEAL_EVENT_KINDS = [
  'file',
  ...APPEAL_ACTIONS,
  'reopen',
  'close',
  'overdue',
  'escalate',
  'merged_in',
] as const;
export const APPEAL_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const SLA_STATES = ['normal', 'warning', 'overdue'] as const;
/** Which deadline runs now: 受理, 签收 or 答复. */
export const DUE_STAGES = ['accept', 'sign', 'answer'] as const;
export const MEETING_SERIES = ['breakfast', 'tea', 'salon'] as const;

export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
export type AppealEventKind = (typeof APPEAL_EVENT_KINDS)[number];
export type AppealRating = (typeof APPEAL_RATINGS)[number];
export type SlaState = (typeof SLA_STATES)[number];
export type MeetingSeries = (typeof MEETING_SERIES)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish();
const RefId = z.string().min(1).max(64);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'phone');

export const AppealCategory = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type AppealCategory = z.infer<typeof AppealCategory>;

export const SlaRule = z.object({
  id: z.string(),
  channel: z.enum(APPEAL_CHANNELS).nullable(),
  category: z.string().nullable(),
  urgency: z.enum(APPEAL_URGENCIES).nullable(),
  acceptDays: z.number().int(),
  signDays: z.number().int(),
  answerDays: z.number().int(),
  escalateAfterDays: z.number().int(),
  version: z.number().int(),
});
export type SlaRule = z.infer<typeof SlaRule>;
export const UpdateSlaRuleBody = z
  .object({
    version: Version,
    acceptDays: z.number().int().min(0).max(60),
    signDays: z.number().int().min(0).max(60),
    answerDays: z.number().int().min(1).max(120),
    escalateAfterDays: z.number().int().min(1).max(60),
  })
  .strict();

/** Filing an appeal: an enterprise for itself (portal), or staff on its behalf (window, hotline …). */
export const CreateAppealBody = z
  .object({
    channel: z.enum(APPEAL_CHANNELS),
    category: z.string().trim().min(1).max(40),
    urgency: z.enum(APPEAL_URGENCIES).default('normal'),
    title: Text(200),
    description: Text(4000),
    /** Staff filing on an enterprise's behalf name it; an enterprise files for itself. */
    enterpriseId: RefId.nullish(),
    /** The accepting office (县区 / 开发区 / 市); default: where the enterprise is registered. */
    regionId: RefId.nullish(),
    projectId: RefId.nullish(),
    contactName: OptText(64),
    contactPhone: Phone.nullish(),
    anonymous: z.boolean().default(false),
    /** 补录: the day it was filed, when a register is entered later (never in the future). */
    filedOn: Day.optional(),
  })
  .strict();

export const AppealListQuery = Paging.extend({
  q: SearchText.optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
  /** open = every status before 办结. */
  open: z.enum(['true', 'false']).optional(),
  channel: z.enum(APPEAL_CHANNELS).optional(),
  category: z.string().trim().max(40).optional(),
  urgency: z.enum(APPEAL_URGENCIES).optional(),
  sla: z.enum(SLA_STATES).optional(),
  regionId: RefId.optional(),
  departmentId: RefId.optional(),
  meetingId: RefId.optional(),
  /** 督办: escalated or 项目直通车 appeals. */
  supervised: z.enum(['true', 'false']).optional(),
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(['due', 'filed', 'updated']).default('updated'),
}).strict();

/** 诉求台账 (.xlsx): the list's filters without the paging. */
export const AppealExportQuery = AppealListQuery.omit({ page: true, pageSize: true });

export const AppealSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  channel: z.enum(APPEAL_CHANNELS),
  category: z.string(),
  urgency: z.enum(APPEAL_URGENCIES),
  anonymous: z.boolean(),
  status: z.enum(APPEAL_STATUSES),
  /** null when the appeal is anonymous and the reader is the assigned department. */
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  filedOn: Day,
  /** The deadline that runs now and what it is for; null once answered. */
  dueOn: Day.nullable(),
  dueStage: z.enum(DUE_STAGES).nullable(),
  /** The deadline lies in (or runs through) a year with no holiday schedule loaded. */
  dueUnscheduled: z.boolean(),
  sla: z.enum(SLA_STATES).nullable(),
  /** Working days left until the deadline (negative: overdue by that many). */
  workingDaysLeft: z.number().int().nullable(),
  escalationLevel: z.number().int(),
  supervisingUnitName: z.string().nullable(),
  express: z.boolean(),
  reopenCount: z.number().int(),
  rating: z.enum(APPEAL_RATINGS).nullable(),
  meetingId: z.string().nullable(),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type AppealSummary = z.infer<typeof AppealSummary>;

export const AppealEvent = z.object({
  id: z.string(),
  kind: z.enum(APPEAL_EVENT_KINDS),
  fromStatus: z.enum(APPEAL_STATUSES).nullable(),
  toStatus: z.enum(APPEAL_STATUSES).nullable(),
  note: z.string().nullable(),
  rating: z.enum(APPEAL_RATINGS).nullable(),
  departmentName: z.string().nullable(),
  actorName: z.string().nullable(),
  actorUnitName: z.string().nullable(),
  /** Seen by government users only (instructions, internal notes, the sweep's marks). */
  internal: z.boolean(),
  createdAt: Timestamp,
  /** 补录: the day the step happened, when it was entered on a later day. */
  occurredOn: z.string().nullable(),
});
export type AppealEvent = z.infer<typeof AppealEvent>;

const AppealRef = z.object({ id: z.string(), code: z.string(), title: z.string() });

export const AppealDetail = AppealSummary.extend({
  description: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  acceptDueOn: Day.nullable(),
  signDueOn: Day.nullable(),
  answerDueOn: Day.nullable(),
  acceptedOn: Day.nullable(),
  answeredOn: Day.nullable(),
  closedOn: Day.nullable(),
  answer: z.string().nullable(),
  ratingComment: z.string().nullable(),
  ratedVia: z.enum(['enterprise', 'callback']).nullable(),
  rejectReason: z.string().nullable(),
  openQuestion: z.boolean(),
  possibleDuplicateOf: AppealRef.nullable(),
  mergedInto: AppealRef.nullable(),
  /** The deadlines (working days) this appeal got when filed. */
  slaRule: z.object({
    acceptDays: z.number().int(),
    signDays: z.number().int(),
    answerDays: z.number().int(),
  }),
  events: z.array(AppealEvent),
  /** What the reader may do now. */
  actions: z.array(z.enum(APPEAL_ACTIONS)),
});
export type AppealDetail = z.infer<typeof AppealDetail>;

/** A step on the version read; occurredOn: the day it happened when entered later (补录), never in the future. */
const Step = z.object({ version: Version, occurredOn: Day.optional() });
export const AppealStepBodies = {
  accept: Step.extend({ note: OptText(1000) }).strict(),
  reject: Step.extend({ reason: Text(1000) }).strict(),
  assign: Step.extend({ departmentId: RefId, note: OptText(1000) }).strict(),
  sign: Step.strict(),
  return: Step.extend({ reason: Text(1000) }).strict(),
  progress: Step.extend({ note: Text(2000) }).strict(),
  ask: Step.extend({ question: Text(2000) }).strict(),
  reply: Step.extend({ reply: Text(2000) }).strict(),
  answer: Step.extend({ answer: Text(4000) }).strict(),
  rate: Step.extend({ rating: z.enum(APPEAL_RATINGS), comment: OptText(1000) }).strict(),
  callback: Step.extend({ rating: z.enum(APPEAL_RATINGS), note: Text(1000) }).strict(),
  instruct: Step.extend({ note: Text(2000) }).strict(),
  merge: Step.extend({ targetId: RefId }).strict(),
} as const satisfies Record<AppealAction, z.ZodType>;

export const AssignableDepartment = z.object({ id: z.string(), name: z.string(), regionName: z.string() });

export const HolidayYear = z.object({
  year: z.number().int(),
  /** package: the chinese-days data; admin: entered or corrected by an administrator. */
  source: z.enum(['package', 'admin']),
  holidays: z.array(Day),
  workdays: z.array(Day),
  note: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type HolidayYear = z.infer<typeof HolidayYear>;
export const HolidayCalendar = z.object({
  years: z.array(HolidayYear),
  /** The years from this one to next without a schedule: due dates there are provisional. */
  missingYears: z.array(z.number().int()),
});
export const HolidayCalendarQuery = z
  .object({
    from: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .default(new Date().getFullYear() - 1),
  })
  .strict();
/** Days are checked by the service (real days of that year, working days only on weekends …). */
export const PutHolidayYearBody = z
  .object({
    holidays: z.array(z.string().max(20)).max(60),
    workdays: z.array(z.string().max(20)).max(30),
    note: OptText(500),
    /** The version read; absent when the year has no administrator schedule yet. */
    version: Version.nullish(),
  })
  .strict();
export const YearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) }).strict();

export const AppealFiguresQuery = z
  .object({ from: Day, to: Day, regionId: RefId.optional(), departmentId: RefId.optional() })
  .strict();
const Rate = z.number().nullable();
export const AppealFigures = z.object({
  from: Day,
  to: Day,
  received: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  answered: z.number().int(),
  closed: z.number().int(),
  /** 受理率, 按时办结率 (answered within the deadline ÷ answered), 满意率 (satisfied + basically ÷ rated), 重办率. */
  acceptRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  reopenRate: Rate,
  medianAnswerWorkingDays: z.number().nullable(),
  overdueNow: z.number().int(),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      assigned: z.number().int(),
      answered: z.number().int(),
      onTimeRate: Rate,
      satisfactionRate: Rate,
      overdueNow: z.number().int(),
    }),
  ),
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  channels: z.array(z.object({ channel: z.enum(APPEAL_CHANNELS), count: z.number().int() })),
});
export type AppealFigures = z.infer<typeof AppealFigures>;

/** The appeal figures of appeals filed in a run of whole months (rates as in AppealFigures). */
export const AppealPeriod = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  answered: z.number().int(),
  closed: z.number().int(),
  acceptRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  reopenRate: Rate,
  medianAnswerWorkingDays: z.number().nullable(),
});
export type AppealPeriod = z.infer<typeof AppealPeriod>;

/**
 * The leaders' dashboard's appeals section, read from the roll-ups: the months shown and the same
 * months a year earlier (同比), overdue now (whenever filed), departments, channels and categories
 * as in AppealFigures, and one row per child region.
 */
export const AppealDashboard = z.object({
  current: AppealPeriod,
  lastYear: AppealPeriod,
  overdueNow: z.number().int(),
  departments: AppealFigures.shape.departments,
  channels: AppealFigures.shape.channels,
  categories: AppealFigures.shape.categories,
  byRegion: z.array(
    z.object({
      id: z.string(),
      received: z.number().int(),
      onTimeRate: Rate,
      satisfactionRate: Rate,
      overdueNow: z.number().int(),
    }),
  ),
});
export type AppealDashboard = z.infer<typeof AppealDashboard>;

export const CreateMeetingBody = z
  .object({
    series: z.enum(MEETING_SERIES),
    title: Text(200),
    heldOn: Day,
    regionId: RefId,
    hostLeader: Text(64),
    location: OptText(200),
    enterpriseIds: z.array(RefId).max(100).default([]),
    notes: OptText(4000),
  })
  .strict();
export const MeetingIssueBody = z
  .object({
    enterpriseId: RefId,
    category: z.string().trim().min(1).max(40),
    urgency: z.enum(APPEAL_URGENCIES).default('normal'),
    title: Text(200),
    description: Text(4000),
    contactName: OptText(64),
    contactPhone: Phone.nullish(),
  })
  .strict();
export const MeetingListQuery = Paging.extend({
  series: z.enum(MEETING_SERIES).optional(),
  regionId: RefId.optional(),
}).strict();

const MeetingOutcome = z.object({
  raised: z.number().int(),
  solved: z.number().int(),
  open: z.number().int(),
  satisfied: z.number().int(),
});
export const MeetingSummary = z.object({
  id: z.string(),
  series: z.enum(MEETING_SERIES),
  title: z.string(),
  heldOn: Day,
  regionId: z.string(),
  regionName: z.string(),
  hostLeader: z.string(),
  location: z.string().nullable(),
  enterpriseCount: z.number().int(),
  outcome: MeetingOutcome,
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingDetail = MeetingSummary.extend({
  notes: z.string().nullable(),
  enterprises: z.array(z.object({ id: z.string(), name: z.string() })),
  appeals: z.array(AppealSummary),
  /** The previous meeting of the same series and office: the next one opens with its outcomes. */
  previous: MeetingSummary.extend({ appeals: z.array(AppealSummary) }).nullable(),
  createdAt: Timestamp,
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
