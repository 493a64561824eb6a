import type { ColumnType, Selectable, Updateable } from 'kysely';
import type { Bool, Versioned } from './common.js';

/* Enterprise appeals: categories, deadlines, the holiday schedule, meetings and timelines. */

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
  /** The day it happened, when entered on a later day (补录); null: the day of createdAt. */
  occurredOn: string | null;
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
