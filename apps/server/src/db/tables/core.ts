import type { OrgKind } from '@yingshang/contracts';
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { Bool, Versioned } from './common.js';

/* The organisation tree, users, sessions, the audit trail and notices. */

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

/** Versions of the cached read models (kernel/read-cache.ts). */
export interface CacheVersionTable {
  name: string;
  version: number;
}

export interface CoreDatabase {
  cacheVersions: CacheVersionTable;
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
