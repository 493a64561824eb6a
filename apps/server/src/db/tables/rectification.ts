import type { ColumnType, Selectable } from 'kysely';
import type { Versioned } from './common.js';

/* The rectification campaign: tasks, their units, reports, verifications, arrears. */

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
