import type { PutHolidayYearBody, UpdateSlaRuleBody } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { type AppealReader, findSlaRule, listSlaRules, updateSlaRule } from './appeals.repository.js';
import { holidayYears, putHolidayYear } from './calendar.js';
import { appealFigures } from './figures.repository.js';

/** The appeal module's reference data (holiday schedules, SLA rules) and its figures. */
export function createAppealAdminService(deps: { db: Db; dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { db, dialect } = deps;
  const { findOrg } = deps.ports;
  const thisYear = () => Number(beijingToday().slice(0, 4));

  const slaRules = async () => {
    const rows = await listSlaRules(db);
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as never,
      category: r.category,
      urgency: r.urgency as never,
      acceptDays: r.acceptDays,
      signDays: r.signDays,
      answerDays: r.answerDays,
      escalateAfterDays: r.escalateAfterDays,
      version: r.version,
    }));
  };

  return {
    calendar: (from: number) => holidayYears(db, from, thisYear()),

    async putYear(actor: Actor, year: number, input: z.infer<typeof PutHolidayYearBody>) {
      await db.transaction().execute((trx) => putHolidayYear(trx, actor, year, input));
      return holidayYears(db, Math.min(year, thisYear() - 1), thisYear());
    },

    slaRules,

    /** New deadlines apply to appeals filed from now on; running appeals keep the rule they got. */
    async updateSlaRule(actor: Actor, id: string, input: z.infer<typeof UpdateSlaRuleBody>) {
      await db.transaction().execute(async (trx) => {
        const row = await findSlaRule(trx, id);
        if (!row) fail('SLA_RULE_NOT_FOUND');
        const { version, ...set } = input;
        await updateSlaRule(trx, { id, version }, { ...set, updatedAt: now() });
        await recordAudit(trx, actor, {
          action: 'update',
          entity: 'sla_rule',
          entityId: id,
          scopePath: actor.orgUnit.path,
          summary: id,
          before: row,
          after: { ...row, ...set },
        });
      });
      return slaRules();
    },

    async figures(actor: Actor, q: { from: string; to: string; regionId?: string; departmentId?: string }) {
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      const kind = actor.orgUnit.kind;
      const reader: AppealReader =
        kind === 'enterprise'
          ? { kind: 'enterprise', unitId: actor.orgUnit.id }
          : kind === 'department'
            ? { kind: 'department', unitId: actor.orgUnit.id }
            : { kind: 'region', path: actor.orgUnit.path };
      let regionPath: string | undefined;
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        regionPath = unit.path;
      }
      return appealFigures(db, dialect, { ...q, reader, regionPath, today: beijingToday() });
    },
  };
}
export type AppealAdminService = ReturnType<typeof createAppealAdminService>;
