import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { AuditRow } from '../../db/schema.js';

export interface AuditFilter {
  scopePath: string;
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Executor, dialect: Dialect, f: AuditFilter) {
  let q = db.selectFrom('auditLog').where(({ ref }) => dialect.under(ref('scopePath'), f.scopePath));
  if (f.actor) q = q.where(({ ref }) => dialect.contains(ref('actorName'), f.actor!));
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entityId', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  // Days are Beijing days: 2026-05-31 runs from 2026-05-30T16:00Z to 2026-05-31T16:00Z.
  if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`).toISOString());
  if (f.to) q = q.where('at', '<', new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86400_000).toISOString());
  return fetchPage(q, f, (q) => q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc'), toEntry);
}

function toEntry(r: AuditRow) {
  const after = r.afterJson ? JSON.parse(r.afterJson) : null;
  return {
    id: r.id,
    at: r.at,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    summary: r.summary,
    before: r.beforeJson ? JSON.parse(r.beforeJson) : null,
    after,
    backdatedTo: typeof after?.backdatedTo === 'string' ? after.backdatedTo : null,
    requestId: r.requestId,
    ip: r.ip,
  };
}
