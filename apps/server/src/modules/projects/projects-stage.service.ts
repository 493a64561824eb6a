import type { StageChangeBody } from '@yingshang/contracts';
import { applyStageChange, PIPELINE, STAGE_DATE_FIELD } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { withRollups } from '../../kernel/rollups.js';
import { updateVersioned } from '../../kernel/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { backdatedTo, checkBackdate } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import * as repo from './projects.repository.js';
import { auditProject } from './projects-edit.service.js';
import { detail, type ProjectDetail, type ProjectReadDeps, visible } from './projects-read.service.js';
import { projectRollups } from './rollups.repository.js';

/** The stage workflow: a project advanced, paused, resumed, corrected or terminated, with its event. */
export function createProjectStaging(deps: ProjectReadDeps & { db: Db }) {
  const { db } = deps;
  return {
    async changeStage(
      actor: Actor,
      id: string,
      input: z.infer<typeof StageChangeBody>,
    ): Promise<ProjectDetail> {
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (row.version !== input.version) fail('VERSION_CONFLICT');
        checkBackdate(actor, deps.config.backdateLimits, [{ path: 'date', date: input.date }]);
        const outcome = applyStageChange(
          { status: row.status as never, paused: row.paused === 1, lastEventOn: row.lastEventOn },
          { action: input.action, to: input.to, date: input.date, reason: input.reason },
          beijingToday(),
          { mayCorrect: actor.permissions.has('projects.correct') },
        );
        if (!outcome.ok)
          fail(outcome.error, [
            { path: outcome.error === 'STAGE_DATE_INVALID' ? 'date' : 'action', message: outcome.error },
          ]);
        const next = outcome.state;
        const dates: Partial<
          Record<'negotiatingOn' | 'signedOn' | 'startedOn' | 'producingOn', string | null>
        > = {};
        if (input.action === 'advance' && input.to && input.to !== 'lead')
          dates[STAGE_DATE_FIELD[input.to]] = input.date;
        if (input.action === 'correct' && input.to) {
          // Going back clears the dates of the stages undone.
          for (const stage of PIPELINE.slice(PIPELINE.indexOf(input.to) + 1)) {
            if (stage !== 'lead') dates[STAGE_DATE_FIELD[stage]] = null;
          }
        }
        await withRollups(
          trx,
          { source: projectRollups, ids: [id] },
          () =>
            updateVersioned(
              trx,
              'projects',
              { id, version: input.version },
              {
                ...dates,
                status: next.status,
                paused: next.paused ? 1 : 0,
                lastEventOn: next.lastEventOn,
                ...(input.action === 'terminate' && {
                  terminatedOn: input.date,
                  terminationReason: input.reason ?? null,
                }),
                updatedAt: now(),
              },
            ),
          { actor, summary: `${row.name} (${row.code})` },
        );
        await repo.insertProjectEvent(trx, {
          id: newId(),
          projectId: id,
          action: input.action,
          fromStatus: row.status,
          toStatus: next.status,
          eventOn: input.date,
          evidence: input.evidence ?? null,
          reason: input.reason ?? null,
          actorId: actor.userId,
          actorName: actor.displayName,
          createdAt: now(),
        });
        await auditProject(trx, actor, row, {
          action: 'stage',
          before: { status: row.status, paused: row.paused === 1 },
          after: {
            status: next.status,
            paused: next.paused,
            action: input.action,
            date: input.date,
            evidence: input.evidence,
            reason: input.reason,
            ...backdatedTo(input.date),
          },
        });
        return detail(trx, deps, id);
      });
    },
  };
}
