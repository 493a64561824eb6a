import { type CampaignInput, isRegionKind } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { campaignFigures } from './figures.repository.js';
import * as repo from './rectification.repository.js';

type Executor = Db | Tx;

/** A campaign the actor sees (issued in their area or by a unit above it), else CAMPAIGN_NOT_FOUND. */
export async function campaignOf(ex: Executor, dialect: Dialect, actor: Actor, id: string) {
  const row = await repo.findVisibleCampaign(ex, dialect, scopePath(actor), id);
  if (!row) fail('CAMPAIGN_NOT_FOUND');
  return row;
}

async function campaignDetail(ex: Executor, row: Awaited<ReturnType<typeof campaignOf>>) {
  const scopeIds = JSON.parse(row.scopeOrgIds) as string[];
  const scope = await repo.orgsByIds(ex, scopeIds);
  return {
    id: row.id,
    title: row.title,
    issuingBody: row.issuingBody,
    docNumber: row.docNumber,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: row.ownerOrgName,
    startOn: row.startOn,
    deadlineOn: row.deadlineOn,
    scope: scopeIds.flatMap((id) =>
      scope.filter((o) => o.id === id).map((o) => ({ id: o.id, name: o.name })),
    ),
    problems: await repo.campaignProblems(ex, row.id),
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
  };
}

/** 整改 campaigns: the list and one campaign the actor sees, a new campaign, its figures. */
export function createCampaignService(deps: { db: Db; dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { db, dialect } = deps;
  const { findOrg } = deps.ports;

  return {
    async listCampaigns(actor: Actor) {
      const rows = await repo.listVisibleCampaigns(db, dialect, scopePath(actor));
      return Promise.all(rows.map((r) => campaignDetail(db, r)));
    },

    getCampaign: async (actor: Actor, id: string) =>
      campaignDetail(db, await campaignOf(db, dialect, actor, id)),

    async createCampaign(actor: Actor, input: z.infer<typeof CampaignInput>) {
      if (input.startOn > input.deadlineOn)
        fail('CAMPAIGN_PERIOD_INVALID', [{ path: 'deadlineOn', message: 'CAMPAIGN_PERIOD_INVALID' }]);
      return db.transaction().execute(async (trx) => {
        const ids = [...new Set(input.scopeOrgIds)];
        const orgs = await repo.orgsByIds(trx, ids);
        if (orgs.length !== ids.length || orgs.some((o) => !isRegionKind(o.kind) || !inScope(actor, o.path)))
          fail('CAMPAIGN_SCOPE_INVALID', [{ path: 'scopeOrgIds', message: 'CAMPAIGN_SCOPE_INVALID' }]);
        const id = newId();
        const at = now();
        await repo.insertCampaign(
          trx,
          {
            id,
            title: input.title,
            issuingBody: input.issuingBody,
            docNumber: input.docNumber ?? null,
            ownerOrgId: actor.orgUnit.id,
            ownerPath: actor.orgUnit.path,
            startOn: input.startOn,
            deadlineOn: input.deadlineOn,
            scopeOrgIds: JSON.stringify(ids),
            description: input.description ?? null,
            createdAt: at,
            updatedAt: at,
          },
          input.problems.map((name, i) => ({ id: newId(), campaignId: id, seq: i + 1, name })),
        );
        const created = await campaignDetail(trx, await campaignOf(trx, dialect, actor, id));
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'rectification_campaign',
          entityId: id,
          scopePath: actor.orgUnit.path,
          summary: input.title,
          after: created,
        });
        return created;
      });
    },

    async figures(actor: Actor, id: string, q: { regionId?: string }, today = beijingToday()) {
      const campaign = await campaignOf(db, dialect, actor, id);
      let scope = scopePath(actor);
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        scope = unit.path;
      }
      return campaignFigures(db, dialect, {
        campaignId: campaign.id,
        startOn: campaign.startOn,
        deadlineOn: campaign.deadlineOn,
        scope,
        today,
      });
    },
  };
}
