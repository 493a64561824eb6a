import type { ReviewStage } from '@yingshang/contracts';
import type { Executor, Tx } from '../../db/database.js';
import type { IncentiveApplicationRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './incentives.repository.js';
import { cityPath, OFFICE_ROLES, provincePath } from './incentives.rules.js';

/** What every step of an application writes beside the row (its event and audit entry), and who hears of it. */

/** The users of the office that reviews an application at a stage. */
export async function reviewersOf(
  ex: Executor,
  deps: { ports: Pick<Ports, 'findOrgByPath' | 'usersOf'> },
  row: { regionId: string; regionPath: string },
  stage: ReviewStage,
) {
  const path =
    stage === 'county' ? null : stage === 'city' ? cityPath(row.regionPath) : provincePath(row.regionPath);
  const unitId = path ? (await deps.ports.findOrgByPath(ex, path))?.id : row.regionId;
  return deps.ports.usersOf(ex, unitId ?? null, OFFICE_ROLES[stage]);
}

export const enterpriseUsers = (
  ex: Executor,
  deps: { ports: Pick<Ports, 'usersOf'> },
  enterpriseId: string,
) => deps.ports.usersOf(ex, enterpriseId, ['enterprise']);

/** The step in the application's timeline: who did what, from which status to which. */
export async function recordEvent(
  trx: Tx,
  actor: Actor,
  row: IncentiveApplicationRow,
  e: {
    action: string;
    stage: ReviewStage | null;
    to: string;
    note?: string | null;
    dueOn?: string | null;
    onTime?: boolean | null;
  },
) {
  await repo.insertApplicationEvent(trx, {
    id: newId(),
    applicationId: row.id,
    action: e.action,
    stage: e.stage,
    fromStatus: row.status === e.to && e.action === 'submit' ? null : row.status,
    toStatus: e.to,
    note: e.note ?? null,
    dueOn: e.dueOn ?? null,
    onTime: e.onTime == null ? null : e.onTime ? 1 : 0,
    actorId: actor.userId,
    actorName: actor.displayName,
    unitName: actor.orgUnit.name,
    createdAt: now(),
  });
}

export const audit = (
  trx: Tx,
  actor: Actor,
  row: { id: string; code: string; enterpriseName: string; regionPath: string },
  action: 'submit' | 'approve' | 'return' | 'reject' | 'pay' | 'update',
  before: unknown,
  after: unknown,
  entity: 'incentive_application' | 'incentive_payment' = 'incentive_application',
) =>
  recordAudit(trx, actor, {
    action,
    entity,
    entityId: row.id,
    scopePath: row.regionPath,
    summary: `${row.enterpriseName} (${row.code})`,
    before,
    after,
  });

/** A unique-key violation (two clerks at once claiming one arrival, or one voucher twice). */
export const isUnique = (err: unknown) =>
  !(err instanceof AppError) && /unique/i.test(String((err as Error)?.message));
