import {
  type CreateMeetingBody,
  isRegionKind,
  type MeetingIssueBody,
  type MeetingSummary,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { appealsOfMeeting, meetingOutcomes } from './appeals.repository.js';
import type { AppealService } from './appeals.service.js';
import * as repo from './meetings.repository.js';

/**
 * Government–enterprise meetings (早餐会 / 下午茶 / 夜沙龙): who hosted, which enterprises came, and
 * the issues raised — each becomes an appeal linked to the meeting, so the meeting page counts how
 * many were solved and the next meeting of the series opens with the outcomes of the last.
 */
export function createMeetingService(deps: {
  db: Db;
  dialect: Dialect;
  appeals: AppealService;
  ports: Pick<Ports, 'findOrg'>;
}) {
  const { db, dialect, appeals } = deps;
  const { findOrg } = deps.ports;

  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findMeetingRow(ex, id);
    if (!row || !inScope(actor, row.regionPath)) fail('MEETING_NOT_FOUND');
    return row;
  }

  const outcomeOf = async (ex: Executor, ids: string[]) => {
    const out = new Map<string, { raised: number; solved: number; open: number; satisfied: number }>();
    if (ids.length === 0) return out;
    const rows = await meetingOutcomes(ex, ids);
    for (const r of rows)
      out.set(r.meetingId!, {
        raised: Number(r.raised),
        solved: Number(r.solved ?? 0),
        open: Number(r.open ?? 0),
        satisfied: Number(r.satisfied ?? 0),
      });
    return out;
  };

  async function summaries(ex: Executor, rows: repo.MeetingWithRegion[]): Promise<MeetingSummary[]> {
    const outcomes = await outcomeOf(
      ex,
      rows.map((r) => r.id),
    );
    const counts = await repo.enterpriseCounts(
      ex,
      rows.map((r) => r.id),
    );
    const countOf = new Map(counts.map((c) => [c.meetingId, Number(c.n)]));
    return rows.map((r) => ({
      id: r.id,
      series: r.series as never,
      title: r.title,
      heldOn: r.heldOn,
      regionId: r.regionId,
      regionName: r.regionName,
      hostLeader: r.hostLeader,
      location: r.location,
      enterpriseCount: countOf.get(r.id) ?? 0,
      outcome: outcomes.get(r.id) ?? { raised: 0, solved: 0, open: 0, satisfied: 0 },
    }));
  }

  async function detail(ex: Executor, actor: Actor, id: string) {
    const row = (await repo.findMeetingWithRegion(ex, id))!;
    const [summary] = await summaries(ex, [row]);
    const enterprises = await repo.meetingEnterprises(ex, id);
    const prevRow = await repo.previousMeeting(ex, row);
    const previous = prevRow
      ? {
          ...(await summaries(ex, [prevRow]))[0],
          appeals: await appeals.summaries(ex, actor, await appealsOfMeeting(ex, prevRow.id)),
        }
      : null;
    return {
      ...summary,
      notes: row.notes,
      enterprises,
      appeals: await appeals.summaries(ex, actor, await appealsOfMeeting(ex, id)),
      previous,
      createdAt: row.createdAt,
    };
  }

  return {
    async list(actor: Actor, q: { series?: string; regionId?: string; page: number; pageSize: number }) {
      let regionPath: string | undefined;
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        regionPath = unit.path;
      }
      const page = await repo.listMeetings(db, dialect, {
        scope: scopePath(actor),
        series: q.series,
        regionPath,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...page, items: await summaries(db, page.items) };
    },

    async get(actor: Actor, id: string) {
      await visible(db, actor, id);
      return detail(db, actor, id);
    },

    async create(actor: Actor, input: z.infer<typeof CreateMeetingBody>) {
      return db.transaction().execute(async (trx) => {
        const region = await findOrg(trx, input.regionId);
        if (!region || !isRegionKind(region.kind) || !inScope(actor, region.path))
          fail('APPEAL_OFFICE_INVALID', [{ path: 'regionId', message: 'APPEAL_OFFICE_INVALID' }]);
        const ids = [...new Set(input.enterpriseIds)];
        for (const [i, id] of ids.entries()) {
          const e = await findOrg(trx, id);
          if (e?.kind !== 'enterprise' || !inScope(actor, e.path))
            fail('APPEAL_ENTERPRISE_INVALID', [
              { path: `enterpriseIds.${i}`, message: 'APPEAL_ENTERPRISE_INVALID' },
            ]);
        }
        const id = newId();
        const at = now();
        const values = {
          id,
          series: input.series,
          title: input.title,
          heldOn: input.heldOn,
          regionId: region.id,
          regionPath: region.path,
          hostLeader: input.hostLeader,
          location: input.location ?? null,
          notes: input.notes ?? null,
          createdBy: actor.userId,
          createdAt: at,
          updatedAt: at,
        };
        await repo.insertMeeting(trx, values, ids);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'appeal_meeting',
          entityId: id,
          scopePath: region.path,
          summary: input.title,
          after: { ...values, enterpriseIds: ids },
        });
        return detail(trx, actor, id);
      });
    },

    /** An issue raised at the meeting by an attending enterprise: an appeal linked to it. */
    async raise(actor: Actor, id: string, input: z.infer<typeof MeetingIssueBody>) {
      return db.transaction().execute(async (trx: Tx) => {
        const meeting = await visible(trx, actor, id);
        if (!(await repo.attended(trx, id, input.enterpriseId)))
          fail('APPEAL_ENTERPRISE_INVALID', [{ path: 'enterpriseId', message: 'APPEAL_ENTERPRISE_INVALID' }]);
        await appeals.file(
          actor,
          { ...input, channel: 'meeting', regionId: meeting.regionId, anonymous: false },
          { meetingId: id, trx },
        );
        return detail(trx, actor, id);
      });
    },
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
