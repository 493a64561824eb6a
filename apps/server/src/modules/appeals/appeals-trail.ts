// What filing and every step of an appeal write beside the row: its audit row and its notices.
import type { Tx } from '../../db/database.js';
import type { AppealRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';

/** The office roles told of an appeal filed, returned, reopened or instructed. */
export const OFFICE_ROLES = ['province_admin', 'city_bureau', 'county_staff'] as const;

/** The city-level ancestor path of a unit ('/province/city/…' → '/province/city/'). */
export const cityPath = (path: string) => path.split('/').slice(0, 3).join('/').concat('/');

export const auditAppeal = (
  trx: Tx,
  actor: Actor | null,
  row: AppealRow,
  action: Parameters<typeof recordAudit>[2]['action'],
  before: unknown,
  after: unknown,
) =>
  recordAudit(trx, actor, {
    action,
    entity: 'appeal',
    entityId: row.id,
    scopePath: row.regionPath,
    summary: `${row.title} (${row.code})`,
    before,
    after,
  });

export const noticeParams = (row: AppealRow, extra: Record<string, string> = {}) => ({
  code: row.code,
  title: row.title,
  ...extra,
});

export const appealLink = (row: AppealRow) => `/appeals/${row.id}`;
