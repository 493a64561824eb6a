import { z } from 'zod';
import { Day, Paging, SearchText, Timestamp, Version } from './common.js';
import { Fen, Investor, PROJECT_STATUSES } from './projects.js';

/**
 * Investment-promotion activities (招商活动): leaders' outbound trips (外出招商), promotion
 * conferences (推介会), signing ceremonies (签约仪式), inbound visits (来访接待), hometown-entrepreneur
 * and chamber events (乡贤 / 商会), online meetings; who led them, whom they met, and what they brought.
 */
export const ACTIVITY_TYPES = [
  'outbound',
  'conference',
  'signing',
  'reception',
  'hometown',
  'online',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Level of a leading official, from the kind of the unit they lead (市 / 县 / 开发区; 省 above them). */
export const OFFICIAL_LEVELS = ['province', 'city', 'county', 'zone'] as const;
export type OfficialLevel = (typeof OFFICIAL_LEVELS)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish();
const RefId = z.string().min(1).max(64);

// ---- officials (领导) ----

export const OfficialInput = z
  .object({
    name: Text(64),
    /** 职务, e.g. 市委书记, 县长, 管委会主任. */
    post: Text(64),
    /** The region or zone the official leads (their level follows its kind). */
    orgUnitId: RefId,
    /** 党政主要领导 (书记 / 市县长 / 管委会主任): their trips make the "主要领导外出招商" figure. */
    main: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export const UpdateOfficialBody = OfficialInput.partial().extend({ version: Version }).strict();

export const Official = z.object({
  id: z.string(),
  name: z.string(),
  post: z.string(),
  level: z.enum(OFFICIAL_LEVELS),
  main: z.boolean(),
  active: z.boolean(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Official = z.infer<typeof Official>;

export const OfficialListQuery = Paging.extend({
  q: SearchText.optional(),
  regionId: RefId.optional(),
  active: z.enum(['true', 'false']).optional(),
}).strict();

// ---- activities ----

export const SigningInput = z
  .object({
    projectId: RefId,
    /** Amount signed at the activity (fen); the project's total investment when left out. */
    amountFen: Fen.nullish(),
  })
  .strict();

const ActivityBase = z.object({
  type: z.enum(ACTIVITY_TYPES),
  title: Text(200),
  startOn: Day,
  endOn: Day,
  country: Text(64),
  province: OptText(64),
  city: OptText(64),
  venue: OptText(200),
  /** The organising unit: a region, zone or department within the caller's area. */
  organiserId: RefId,
  /** Leading officials, from the officials register. */
  officialIds: z.array(RefId).max(20),
  /** Other participants (names or units). */
  participants: z.array(z.string().trim().min(1).max(64)).max(100),
  /** Enterprises met: investor records of the pipeline. */
  investorIds: z.array(RefId).max(200),
  attendance: z.number().int().min(0).max(1_000_000).nullish(),
  summary: OptText(4000),
  /** Projects first contacted at the activity (a project has at most one source activity). */
  sourceProjectIds: z.array(RefId).max(200),
  /** Projects signed at the activity, with the amount signed. */
  signings: z.array(SigningInput).max(200),
});

export const CreateActivityBody = ActivityBase.extend({
  country: ActivityBase.shape.country.default('中国'),
  officialIds: ActivityBase.shape.officialIds.default([]),
  participants: ActivityBase.shape.participants.default([]),
  investorIds: ActivityBase.shape.investorIds.default([]),
  sourceProjectIds: ActivityBase.shape.sourceProjectIds.default([]),
  signings: ActivityBase.shape.signings.default([]),
}).strict();
export const UpdateActivityBody = ActivityBase.partial().extend({ version: Version }).strict();

/** What the projects linked to an activity became: counts by stage and the signed money's fate. */
export const ActivityResults = z.object({
  /** Distinct projects linked (first contacted there, or signed there). */
  projects: z.number().int(),
  /** Of those: signed, started, producing (ever reached), terminated. */
  signed: z.number().int(),
  started: z.number().int(),
  producing: z.number().int(),
  terminated: z.number().int(),
  /** Projects signed at the activity and the amounts signed there. */
  signings: z.number().int(),
  signedFen: z.number().int(),
  /** Signed amounts of projects that have since started / are producing / were terminated. */
  startedFen: z.number().int(),
  producingFen: z.number().int(),
  terminatedFen: z.number().int(),
  /** Funds in place of the projects signed there, each capped at the amount signed. */
  fundsInPlaceFen: z.number().int(),
  /** Signed value that has not arrived (signed − funds in place). */
  notArrivedFen: z.number().int(),
  /** fundsInPlace ÷ signed; null without signings. */
  landedRate: z.number().nullable(),
});
export type ActivityResults = z.infer<typeof ActivityResults>;

export const ActivitySummary = z.object({
  id: z.string(),
  code: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  title: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  days: z.number().int(),
  country: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  organiserId: z.string(),
  organiserName: z.string(),
  regionName: z.string(),
  officialNames: z.string(),
  investorCount: z.number().int(),
  attendance: z.number().int().nullable(),
  results: ActivityResults,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const LinkedProject = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  totalInvestmentFen: z.number().int(),
  fundsInPlaceFen: z.number().int(),
  signedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  producingOn: z.string().nullable(),
  /** First contacted at this activity. */
  source: z.boolean(),
  /** Signed at this activity: the amount signed (null when it was not signed here). */
  signedAmountFen: z.number().int().nullable(),
});
export type LinkedProject = z.infer<typeof LinkedProject>;

export const ActivityDetail = ActivitySummary.extend({
  officials: z.array(Official),
  participants: z.array(z.string()),
  investors: z.array(Investor),
  summary: z.string().nullable(),
  projects: z.array(LinkedProject),
  createdByName: z.string().nullable(),
  createdAt: Timestamp,
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const ACTIVITY_SORTS = ['startOn', 'signed', 'fundsInPlace', 'title'] as const;
export const ActivityListQuery = Paging.extend({
  q: SearchText.optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  regionId: RefId.optional(),
  officialId: RefId.optional(),
  investorId: RefId.optional(),
  /** Activities overlapping [from, to]. */
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(ACTIVITY_SORTS).default('startOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
}).strict();

export const ActivityFiguresQuery = z.object({ regionId: RefId.optional(), from: Day, to: Day }).strict();

export const ActivityFigures = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** Activities that began in the period, by type. */
  byType: z.array(
    z.object({ type: z.enum(ACTIVITY_TYPES), count: z.number().int(), days: z.number().int() }),
  ),
  /** Outbound trips led by main leaders, per unit of the leader (the "主要领导外出招商N次" figure). */
  mainLeaderTrips: z.array(
    z.object({
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      level: z.enum(OFFICIAL_LEVELS),
      /** Trips with at least one main leader of the unit. */
      trips: z.number().int(),
      /** Leader-trips (two main leaders on one trip count twice). */
      leaderTrips: z.number().int(),
      daysAway: z.number().int(),
    }),
  ),
  mainLeaderTripsTotal: z.number().int(),
  /** Activities of the period and what they brought, as things stand today. */
  totals: ActivityResults.extend({
    activities: z.number().int(),
    /** Activities at which at least one project was signed. */
    withSignings: z.number().int(),
    /** signed ÷ projects, started ÷ signed. */
    signRate: z.number().nullable(),
    startRate: z.number().nullable(),
  }),
  /** The period's activities ranked by funds in place, then by signed value: paper signings rank last. */
  ranking: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: z.enum(ACTIVITY_TYPES),
      startOn: z.string(),
      results: ActivityResults,
    }),
  ),
});
export type ActivityFigures = z.infer<typeof ActivityFigures>;

/** The dashboard's activities of a region for a run of months (from the roll-ups). */
const ActivityPeriod = z.object({
  /** Activities that began in the months, in the region. */
  activities: z.number().int(),
  byType: z.array(
    z.object({ type: z.enum(ACTIVITY_TYPES), count: z.number().int(), days: z.number().int() }),
  ),
  /** Outbound trips with a main leader of a unit in the region (主要领导外出招商), and their days. */
  mainLeaderTrips: z.number().int(),
  mainLeaderDaysAway: z.number().int(),
  /** Projects of the region signed at its activities of the months, and the amounts signed there. */
  signings: z.number().int(),
  signedFen: z.number().int(),
  /** Of the amount signed: projects since started, terminated, and funds in place up to the amount. */
  startedFen: z.number().int(),
  terminatedFen: z.number().int(),
  fundsInPlaceFen: z.number().int(),
  /** fundsInPlace ÷ signed (落地率). */
  landedRate: z.number().nullable(),
});
export const ActivityDashboard = z.object({
  current: ActivityPeriod,
  lastYear: ActivityPeriod,
  byRegion: z.array(
    z.object({
      id: z.string(),
      activities: z.number().int(),
      mainLeaderTrips: z.number().int(),
      signings: z.number().int(),
      signedFen: z.number().int(),
      fundsInPlaceFen: z.number().int(),
      lastYearTrips: z.number().int(),
    }),
  ),
});
export type ActivityDashboard = z.infer<typeof ActivityDashboard>;

/** The leader trip log: each official's trips in the period and what they brought. */
export const LeaderLogQuery = Paging.extend({
  regionId: RefId.optional(),
  from: Day,
  to: Day,
  q: SearchText.optional(),
  mainOnly: z.enum(['true', 'false']).optional(),
}).strict();
export const LeaderLogRow = Official.extend({
  /** Activities of any type the official led in the period. */
  activities: z.number().int(),
  /** Outbound trips (外出招商) and the days away on them. */
  trips: z.number().int(),
  daysAway: z.number().int(),
  /** Distinct enterprises met at their activities. */
  enterprisesMet: z.number().int(),
  results: ActivityResults,
});
export type LeaderLogRow = z.infer<typeof LeaderLogRow>;
