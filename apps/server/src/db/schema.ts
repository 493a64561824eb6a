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

export interface Database extends ProjectDatabase {
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

/** Pipeline roll-ups of a region and its subtree, per month or day (migration 0008). */
export interface ProjectRollupTable {
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
  projectRollups: ProjectRollupTable;
  importJobs: ImportJobTable;
  attachments: AttachmentTable;
}
export type ProjectRow = Selectable<ProjectTable>;
export type InvestorRow = Selectable<InvestorTable>;
export type FactorNeedRow = Selectable<FactorNeedTable>;
export type PromiseRow = Selectable<ProjectPromiseTable>;
