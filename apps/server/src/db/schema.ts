import type { OrgKind } from '@yingshang/contracts';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types, in camelCase (CamelCasePlugin maps them to snake_case columns).
 * Timestamps are ISO-8601 UTC strings on both databases; booleans are 0/1 integers on both,
 * so that rows read the same whichever dialect is underneath (see dialect.ts).
 */
type Bool = number;

interface Versioned {
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface OrgUnitTable extends Versioned {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentId: string | null;
  path: string;
  depth: number;
  category: string | null;
  creditCode: string | null;
  pinyin: string;
  active: ColumnType<Bool, Bool | undefined, Bool>;
  sort: ColumnType<number, number | undefined, number>;
}

export interface UserTable extends Versioned {
  id: string;
  username: string;
  displayName: string;
  orgUnitId: string;
  /** JSON array of roles. */
  roles: string;
  passwordHash: string;
  mustChangePassword: Bool;
  disabled: ColumnType<Bool, Bool | undefined, Bool>;
  failedLogins: ColumnType<number, number | undefined, number>;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  locale: ColumnType<string, string | undefined, string>;
  phone: string | null;
  email: string | null;
  pinyin: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table cannot be replayed. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** Path of the org unit the record belongs to: audit reads are scoped by it. */
  scopePath: string;
  summary: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface NotificationTable {
  id: string;
  userId: string;
  kind: string;
  /** JSON object filling the kind's template (contracts NOTICE_TEXT), rendered in the reader's language. */
  params: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface OutboxTable {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  lockedUntil: string | null;
  lockOwner: string | null;
}

export interface Database
  extends ProjectDatabase,
    ActivityDatabase,
    AppealDatabase,
    RectificationDatabase,
    IncentiveDatabase {
  orgUnits: OrgUnitTable;
  users: UserTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  notifications: NotificationTable;
  outbox: OutboxTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type { Generated };

export interface InvestorTable extends Versioned {
  id: string;
  name: string;
  nameNorm: string;
  creditCode: string | null;
  foreignRegNo: string | null;
  country: string | null;
  provinceCode: string | null;
  originGroup: string;
  legalRep: string | null;
  contactName: string | null;
  contactPhone: string | null;
  pinyin: string;
}

export interface ProjectTable extends Versioned {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionPath: string;
  industryCode: string;
  industrySection: string;
  totalInvestmentFen: number;
  foreignCapitalUsdCents: number;
  fundsInPlaceFen: ColumnType<number, number | undefined, number>;
  projectType: string;
  originGroup: string;
  investorNames: string;
  searchText: string;
  status: string;
  paused: ColumnType<Bool, Bool | undefined, Bool>;
  leaderName: string | null;
  serviceOfficerId: string | null;
  /** JSON arrays. */
  taskForce: string;
  tags: string;
  notes: string | null;
  sourceActivityId: string | null;
  createdOn: string;
  negotiatingOn: string | null;
  signedOn: string | null;
  startedOn: string | null;
  producingOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  lastEventOn: string;
  /** Due date of the earliest unmet factor need (kept by the project service): blocked once past. */
  openNeedDueOn: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A region's annual targets (migration 0010). */
export interface RegionTargetTable extends Versioned {
  regionId: string;
  year: number;
  signedCount: number;
  signedInvestmentFen: number;
  fundsFen: number;
}

/** Pipeline roll-ups of a region and its subtree, per month or day (migration 0008). */
export interface RollupTable {
  source: string;
  regionPath: string;
  period: string;
  metric: string;
  n: number;
  fen: number;
  days: number;
}

export interface ProjectInvestorTable {
  projectId: string;
  investorId: string;
  position: number;
}

export interface ProjectEventTable {
  id: string;
  projectId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  eventOn: string;
  evidence: string | null;
  reason: string | null;
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

export interface FactorNeedTable extends Versioned {
  id: string;
  projectId: string;
  kind: string;
  quantity: string | null;
  description: string | null;
  status: string;
  responsibleOrgId: string | null;
  dueOn: string | null;
  metOn: string | null;
}

export interface ProjectPromiseTable extends Versioned {
  id: string;
  projectId: string;
  /** The project's region path (kept by the project service), so figures need no join. */
  regionPath: string;
  content: string;
  responsibleOrgId: string | null;
  dueOn: string;
  status: string;
  fulfilledOn: string | null;
  evidence: string | null;
}

export interface ProjectFundTable {
  id: string;
  projectId: string;
  /** The project's region path (kept by the project service), so figures need no join. */
  regionPath: string;
  receivedOn: string;
  currency: string;
  amount: number;
  amountFen: number;
  source: string | null;
  createdAt: string;
}

export interface ImportJobTable {
  id: string;
  kind: string;
  mode: string;
  status: string;
  phase: string;
  actorId: string;
  fileName: string;
  fileSha256: string;
  total: ColumnType<number, number | undefined, number>;
  rowsRead: ColumnType<number, number | undefined, number>;
  rowsChecked: ColumnType<number, number | undefined, number>;
  rowsWritten: ColumnType<number, number | undefined, number>;
  createdCount: ColumnType<number, number | undefined, number>;
  updatedCount: ColumnType<number, number | undefined, number>;
  skippedCount: ColumnType<number, number | undefined, number>;
  errorsJson: string;
  cancelRequested: ColumnType<Bool, Bool | undefined, Bool>;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentTable {
  id: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
}

export interface ProjectDatabase {
  investors: InvestorTable;
  projects: ProjectTable;
  projectInvestors: ProjectInvestorTable;
  projectEvents: ProjectEventTable;
  factorNeeds: FactorNeedTable;
  projectPromises: ProjectPromiseTable;
  projectFunds: ProjectFundTable;
  rollups: RollupTable;
  regionTargets: RegionTargetTable;
  importJobs: ImportJobTable;
  attachments: AttachmentTable;
}
export interface OfficialTable extends Versioned {
  id: string;
  name: string;
  post: string;
  level: string;
  main: Bool;
  active: ColumnType<Bool, Bool | undefined, Bool>;
  orgUnitId: string;
  orgPath: string;
  pinyin: string;
}

export interface ActivityTable extends Versioned {
  id: string;
  code: string;
  type: string;
  title: string;
  startOn: string;
  endOn: string;
  days: number;
  country: string;
  province: string | null;
  city: string | null;
  venue: string | null;
  organiserId: string;
  regionId: string;
  regionPath: string;
  /** JSON array of names. */
  participants: string;
  attendance: number | null;
  summary: string | null;
  officialNames: string;
  searchText: string;
  createdBy: string | null;
  createdByName: string | null;
}

export interface ActivityOfficialTable {
  activityId: string;
  officialId: string;
  position: number;
}

export interface ActivityInvestorTable {
  activityId: string;
  investorId: string;
  position: number;
}

export interface ActivitySigningTable {
  activityId: string;
  projectId: string;
  amountFen: number;
  position: number;
  createdAt: string;
}

export interface ActivityDatabase {
  officials: OfficialTable;
  activities: ActivityTable;
  activityOfficials: ActivityOfficialTable;
  activityInvestors: ActivityInvestorTable;
  activitySignings: ActivitySigningTable;
}
export type OfficialRow = Selectable<OfficialTable>;
export type ActivityRow = Selectable<ActivityTable>;

export type ProjectRow = Selectable<ProjectTable>;
export type InvestorRow = Selectable<InvestorTable>;
export type FactorNeedRow = Selectable<FactorNeedTable>;
export type PromiseRow = Selectable<ProjectPromiseTable>;

export interface AppealCategoryTable {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  active: Bool;
}

export interface AppealSlaRuleTable extends Versioned {
  id: string;
  channel: string | null;
  category: string | null;
  urgency: string | null;
  acceptDays: number;
  signDays: number;
  answerDays: number;
  escalateAfterDays: number;
}

export interface HolidayScheduleTable extends Versioned {
  year: number;
  /** JSON arrays of YYYY-MM-DD days. */
  holidays: string;
  workdays: string;
  note: string | null;
  updatedBy: string | null;
}

export interface AppealMeetingTable extends Versioned {
  id: string;
  series: string;
  title: string;
  heldOn: string;
  regionId: string;
  regionPath: string;
  hostLeader: string;
  location: string | null;
  notes: string | null;
  createdBy: string | null;
}

export interface AppealMeetingEnterpriseTable {
  meetingId: string;
  enterpriseId: string;
  position: number;
}

export interface AppealTable extends Versioned {
  id: string;
  code: string;
  title: string;
  description: string;
  searchText: string;
  channel: string;
  category: string;
  urgency: string;
  anonymous: Bool;
  express: Bool;
  enterpriseId: string;
  enterpriseName: string;
  contactName: string | null;
  contactPhone: string | null;
  projectId: string | null;
  meetingId: string | null;
  regionId: string;
  regionPath: string;
  departmentId: string | null;
  supervisingUnitId: string;
  escalationLevel: ColumnType<number, number | undefined, number>;
  escalatedOn: string | null;
  status: string;
  filedOn: string;
  acceptedOn: string | null;
  assignedOn: string | null;
  signedOn: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  acceptDueOn: string | null;
  signDueOn: string | null;
  answerDueOn: string | null;
  dueOn: string | null;
  dueStage: string | null;
  dueUnscheduled: Bool;
  overdueSince: string | null;
  nextSweepOn: string | null;
  slaAcceptDays: number;
  slaSignDays: number;
  slaAnswerDays: number;
  slaEscalateDays: number;
  answer: string | null;
  answerWorkingDays: number | null;
  answeredOnTime: Bool | null;
  reopenCount: ColumnType<number, number | undefined, number>;
  rating: string | null;
  ratingComment: string | null;
  ratedVia: string | null;
  openQuestion: ColumnType<Bool, Bool | undefined, Bool>;
  rejectReason: string | null;
  duplicateOfId: string | null;
  mergedIntoId: string | null;
  createdBy: string | null;
  lockedUntil: string | null;
  lockOwner: string | null;
}

export interface AppealEventTable {
  id: string;
  appealId: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  rating: string | null;
  departmentId: string | null;
  actorId: string | null;
  actorName: string | null;
  actorUnitId: string | null;
  byEnterprise: Bool;
  internal: Bool;
  createdAt: string;
}

export interface AppealDatabase {
  appealCategories: AppealCategoryTable;
  appealSlaRules: AppealSlaRuleTable;
  holidaySchedules: HolidayScheduleTable;
  appealMeetings: AppealMeetingTable;
  appealMeetingEnterprises: AppealMeetingEnterpriseTable;
  appeals: AppealTable;
  appealEvents: AppealEventTable;
}
export type AppealRow = Selectable<AppealTable>;
/** The columns a lifecycle step may change (typed: a misspelt or mistyped column fails the build). */
export type AppealPatch = Updateable<AppealTable>;
export type AppealEventRow = Selectable<AppealEventTable>;
export type AppealMeetingRow = Selectable<AppealMeetingTable>;

export interface RectificationCampaignTable extends Versioned {
  id: string;
  title: string;
  issuingBody: string;
  docNumber: string | null;
  ownerOrgId: string;
  ownerPath: string;
  startOn: string;
  deadlineOn: string;
  /** JSON array of org unit ids. */
  scopeOrgIds: string;
  description: string | null;
}

export interface RectificationProblemTable {
  id: string;
  campaignId: string;
  seq: number;
  name: string;
}

export interface RectificationTaskTable extends Versioned {
  id: string;
  code: string;
  campaignId: string;
  problemId: string;
  issue: string;
  measures: string;
  leadOrgId: string;
  regionPath: string;
  deadlineOn: string;
  /** JSON array of { title, dueOn }. */
  milestones: string;
  source: string;
  sourceRef: string | null;
  status: string;
  progress: ColumnType<number, number | undefined, number>;
  lastReportOn: string | null;
  verification: string | null;
  closedOn: string | null;
  searchText: string;
  createdBy: string | null;
}

export interface RectificationTaskUnitTable {
  taskId: string;
  orgId: string;
  orgPath: string;
  role: string;
  position: number;
}

export interface RectificationReportTable {
  id: string;
  taskId: string;
  kind: string;
  orgId: string;
  orgName: string;
  percent: number | null;
  narrative: string;
  reason: string | null;
  evidence: string;
  reportedOn: string;
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

export interface RectificationVerificationTable {
  id: string;
  taskId: string;
  kind: string;
  result: string;
  findings: string;
  verifiedOn: string;
  orgName: string;
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

export interface RectificationEventTable {
  id: string;
  taskId: string;
  action: string;
  note: string | null;
  actorName: string;
  createdAt: string;
}

export interface RectificationArrearTable extends Versioned {
  id: string;
  code: string;
  debtorName: string;
  debtorCreditCode: string | null;
  creditorName: string;
  creditorCreditCode: string;
  contract: string;
  regionId: string;
  regionPath: string;
  amountFen: number;
  repaidFen: ColumnType<number, number | undefined, number>;
  dueOn: string;
  status: string;
  clearedOn: string | null;
  notes: string | null;
  searchText: string;
}

export interface RectificationRepaymentTable {
  id: string;
  arrearId: string;
  paidOn: string;
  amountFen: number;
  note: string | null;
  actorName: string;
  createdAt: string;
}

export interface RectificationReminderTable {
  taskId: string;
  kind: string;
  day: string;
  createdAt: string;
}

export interface RectificationDatabase {
  rectificationCampaigns: RectificationCampaignTable;
  rectificationProblems: RectificationProblemTable;
  rectificationTasks: RectificationTaskTable;
  rectificationTaskUnits: RectificationTaskUnitTable;
  rectificationReports: RectificationReportTable;
  rectificationVerifications: RectificationVerificationTable;
  rectificationEvents: RectificationEventTable;
  rectificationArrears: RectificationArrearTable;
  rectificationRepayments: RectificationRepaymentTable;
  rectificationReminders: RectificationReminderTable;
}
export type RectificationTaskRow = Selectable<RectificationTaskTable>;
export type RectificationCampaignRow = Selectable<RectificationCampaignTable>;
export type RectificationArrearRow = Selectable<RectificationArrearTable>;

export interface IncentiveRateTable {
  currency: string;
  day: string;
  rate: string;
  source: string;
  note: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface IncentiveCatalogueItemTable {
  id: string;
  itemKey: string;
  version: string;
  part: string;
  province: string | null;
  section: string;
  seq: number | null;
  name: string;
  manufacturing: Bool;
  industryCodes: string;
  source: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface IncentiveApplicationTable extends Versioned {
  id: string;
  code: string;
  policyId: string;
  kind: string;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  regionPath: string;
  projectId: string | null;
  catalogueItemId: string | null;
  facts: string;
  materials: string;
  status: string;
  stage: string | null;
  stageDueOn: string | null;
  dueUnscheduled: ColumnType<Bool, Bool | undefined, Bool>;
  submittedOn: string;
  approvedOn: string | null;
  payDueOn: string | null;
  paidOn: string | null;
  closedOn: string | null;
  provisionalFen: number;
  approvedFen: number | null;
  paidFen: ColumnType<number, number | undefined, number>;
  evaluation: string;
  searchText: string;
  createdBy: string | null;
}

export interface IncentiveArrivalTable {
  id: string;
  applicationId: string;
  enterpriseId: string;
  position: number;
  bankReceiptNo: string;
  claimKey: string | null;
  receivedOn: string;
  currency: string;
  amount: number;
  amountFen: number | null;
  rate: string | null;
  rateDay: string | null;
  counted: Bool;
  projectId: string | null;
  projectFundId: string | null;
  createdAt: string;
}

export interface IncentiveEventTable {
  id: string;
  applicationId: string;
  action: string;
  stage: string | null;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  dueOn: string | null;
  onTime: Bool | null;
  actorId: string | null;
  actorName: string;
  unitName: string;
  createdAt: string;
}

export interface IncentivePaymentTable {
  id: string;
  applicationId: string;
  paidOn: string;
  amountFen: number;
  voucherNo: string;
  note: string | null;
  actorName: string;
  createdAt: string;
}

export interface IncentiveDatabase {
  incentiveRates: IncentiveRateTable;
  incentiveCatalogueItems: IncentiveCatalogueItemTable;
  incentiveApplications: IncentiveApplicationTable;
  incentiveArrivals: IncentiveArrivalTable;
  incentiveEvents: IncentiveEventTable;
  incentivePayments: IncentivePaymentTable;
}
export type IncentiveApplicationRow = Selectable<IncentiveApplicationTable>;
