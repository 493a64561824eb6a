import type { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@yingshang/contracts';
import type { Executor } from '../db/database.js';
import type { Actor } from '../lib/actor.js';
import { newId, now } from '../lib/ids.js';
import { writeInChunks } from './chunks.js';

/**
 * The audit trail's writer: every mutation of every module writes its rows in the command's own
 * transaction (modules/audit reads the trail).
 */
export interface AuditInput {
  action: (typeof AUDIT_ACTIONS)[number];
  entity: (typeof AUDIT_ENTITIES)[number];
  entityId: string | null;
  /** Path of the org unit that owns the record: who may read this entry. */
  scopePath: string;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

const auditRow = (actor: Actor | null, e: AuditInput, at: string) => ({
  id: newId(),
  at,
  actorId: actor?.userId ?? null,
  actorName: actor ? `${actor.displayName} (${actor.username})` : null,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  scopePath: e.scopePath,
  summary: e.summary ?? null,
  beforeJson: json(e.before),
  afterJson: json(e.after),
  requestId: actor?.requestId ?? null,
  ip: actor?.ip ?? null,
});

/** Writes one audit row. Call it inside the command's transaction. */
export async function recordAudit(db: Executor, actor: Actor | null, e: AuditInput): Promise<void> {
  await db
    .insertInto('auditLog')
    .values(auditRow(actor, e, now()))
    .execute();
}

/** The audit rows of a batch (an import) in chunked statements, one timestamp, row for row as recordAudit. */
export async function recordAudits(db: Executor, actor: Actor, entries: readonly AuditInput[]) {
  const at = now();
  const rows = entries.map((e) => auditRow(actor, e, at));
  await writeInChunks(rows, (c) => db.insertInto('auditLog').values(c).execute(), 200);
}
