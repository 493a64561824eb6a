import {
  type CreateMeetingBody,
  isRegionKind,
  type MeetingIssueBody,
  type MeetingSummary,
} from '@yingshang/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { AppealMeetingRow } from '../../db/schema.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { appealsOfMeeting } from './appeals.repository.js';
import type { AppealService } from './appeals.service.js';

/**
 * Government–enterprise meetings (早餐会 / 下午茶 / 夜沙龙): who hosted, which enterprises came, and
 * the issues raised — each becomes an appeal linked to the meeting, so the meeting page counts how
 * many were solved and the next meeting of the series opens with the outcomes of the last.
 */
export function createMeetingService(deps: { db: Db; dialect: Dialect; appeals: AppealService }) {
  const { db, dialect, appeals } = deps;

  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await ex.selectFrom('appealMeetings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !inScope(actor, row.regionPath)) fail('MEETING_NOT_FOUND');
    return row;
  }

  const outcomeOf = async (ex: Executor, ids: string[]) => {
    const out = new Map<string, { raised: number; solved: number; open: number; satisfied: number }>();
    if (ids.length === 0) return out;
    const rows = await ex
      .selectFrom('appeals')
      .select([
        'meetingId',
        sql<number>`count(*)`.as('raised'),
        sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('solved'),
        sql<number>`sum(case when status in ('submitted','accepted','assigned','handling','answered') then 1 else 0 end)`.as(
          'open',
        ),
        sql<number>`sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end)`.as(
          'satisfied',
        ),
      ])
      .where('meetingId', 'in', ids)
      .groupBy('meetingId')
      .execute();
    for (const r of rows)
      out.set(r.meetingId!, {
        raised: Number(r.raised),
        solved: Number(r.solved ?? 0),
        open: Number(r.open ?? 0),
        satisfied: Number(r.satisfied ?? 0),
      });
    return out;
  };

  async function summaries(
    ex: Executor,
    rows: (AppealMeetingRow & { regionName: string })[],
  ): Promise<MeetingSummary[]> {
    const outcomes = await outcomeOf(
      ex,
      rows.map((r) => r.id),
    );
    const counts = rows.length
      ? await ex
          .selectFrom('appealMeetingEnterprises')
          .select(['meetingId', sql<number>`count(*)`.as('n')])
          .where(
            'meetingId',
            'in',
            rows.map((r) => r.id),
          )
          .groupBy('meetingId')
          .execute()
      : [];
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

  const withRegion = (ex: Executor) =>
    ex
      .selectFrom('appealMeetings as m')
      .innerJoin('orgUnits as o', 'o.id', 'm.regionId')
      .selectAll('m')
      .select('o.name as regionName');

  async function detail(ex: Executor, actor: Actor, id: string) {
    const row = (await withRegion(ex).where('m.id', '=', id).executeTakeFirst())!;
    const [summary] = await summaries(ex, [row]);
    const enterprises = await ex
      .selectFrom('appealMeetingEnterprises as me')
      .innerJoin('orgUnits as o', 'o.id', 'me.enterpriseId')
      .select(['o.id', 'o.name'])
      .where('me.meetingId', '=', id)
      .orderBy('me.position')
      .execute();
    const prevRow = await withRegion(ex)
      .where('m.series', '=', row.series)
      .where('m.regionId', '=', row.regionId)
      .where((eb) =>
        eb.or([
          eb('m.heldOn', '<', row.heldOn),
          eb.and([eb('m.heldOn', '=', row.heldOn), eb('m.id', '<', row.id)]),
        ]),
      )
      .orderBy('m.heldOn', 'desc')
      .orderBy('m.id', 'desc')
      .executeTakeFirst();
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
      let base = withRegion(db).where(({ ref }) => dialect.under(ref('m.regionPath'), scopePath(actor)));
      if (q.series) base = base.where('m.series', '=', q.series);
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        base = base.where(({ ref }) => dialect.under(ref('m.regionPath'), unit.path));
      }
      const page = await fetchPage(
        base,
        q,
        (s) => s.orderBy('m.heldOn', 'desc').orderBy('m.id', 'desc'),
        (r) => r,
      );
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
        await trx.insertInto('appealMeetings').values(values).execute();
        if (ids.length)
          await trx
            .insertInto('appealMeetingEnterprises')
            .values(ids.map((enterpriseId, position) => ({ meetingId: id, enterpriseId, position })))
            .execute();
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
        const attended = await trx
          .selectFrom('appealMeetingEnterprises')
          .select('enterpriseId')
          .where('meetingId', '=', id)
          .where('enterpriseId', '=', input.enterpriseId)
          .executeTakeFirst();
        if (!attended)
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
