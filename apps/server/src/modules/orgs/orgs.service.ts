import {
  type CreateOrgBody,
  type OrgKind,
  type OrgTreeNodeT,
  REGION_KINDS,
  type UpdateOrgBody,
} from '@yingshang/contracts';
import { creditCodeProblem } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { type Actor, inScope, isProvinceAdmin, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import * as repo from './orgs.repository.js';

/** Which kinds of unit may hang under which. Regions themselves come from the division codes. */
const PARENT_KINDS: Record<'zone' | 'department' | 'enterprise', readonly OrgKind[]> = {
  zone: ['city', 'county'],
  department: REGION_KINDS,
  enterprise: REGION_KINDS,
};

export function createOrgService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;

  /** A unit the actor may see, or 404 (no hint whether it exists elsewhere). */
  async function visible(actor: Actor, id: string) {
    const row = visibleOr404(actor, await repo.findOrg(db, id), (r) => r.path, 'ORG_NOT_FOUND');
    return row;
  }

  /** Managers change units strictly below their own; the province administrator changes any. */
  function assertManageable(actor: Actor, path: string) {
    if (!isProvinceAdmin(actor) && path === actor.orgUnit.path) fail('FORBIDDEN');
  }

  return {
    visible,

    async tree(actor: Actor, kinds: readonly OrgKind[]): Promise<OrgTreeNodeT[]> {
      const rows = await repo.treeNodes(db, dialect, scopePath(actor), kinds);
      const nodes = new Map<string, OrgTreeNodeT>();
      const roots: OrgTreeNodeT[] = [];
      for (const r of rows) {
        const node: OrgTreeNodeT = { id: r.id, code: r.code, name: r.name, kind: r.kind, children: [] };
        nodes.set(r.id, node);
        const parent = r.parentId ? nodes.get(r.parentId) : undefined;
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return roots;
    },

    async list(actor: Actor, query: Omit<repo.OrgFilter, 'scope'>) {
      if (query.parentId) await visible(actor, query.parentId);
      return repo.listOrgs(db, dialect, { ...query, scope: scopePath(actor) });
    },

    async get(actor: Actor, id: string) {
      return repo.toOrgUnit(await visible(actor, id));
    },

    async create(actor: Actor, input: z.infer<typeof CreateOrgBody>) {
      return db.transaction().execute(async (trx) => {
        const parent = await repo.findOrg(trx, input.parentId);
        if (!parent || !inScope(actor, parent.path) || !PARENT_KINDS[input.kind].includes(parent.kind)) {
          fail('ORG_PARENT_INVALID');
        }
        if (input.creditCode) {
          const problem = creditCodeProblem(input.creditCode);
          if (problem) fail('VALIDATION_FAILED', [{ path: 'creditCode', message: `CREDIT_CODE_${problem}` }]);
        }
        if (await repo.findOrgByCode(trx, input.code)) fail('ORG_CODE_TAKEN');
        const id = newId();
        const at = now();
        const row = {
          id,
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? null,
          kind: input.kind,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          category: input.category ?? null,
          creditCode: input.creditCode ?? null,
          pinyin: pinyinKey(input.name),
          createdAt: at,
          updatedAt: at,
        };
        await repo.insertOrgs(trx, [row]);
        const created = repo.toOrgUnit((await repo.findOrg(trx, id))!);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'org_unit',
          entityId: id,
          scopePath: created.path,
          summary: `${created.name} (${created.code})`,
          after: created,
        });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: z.infer<typeof UpdateOrgBody>) {
      return db.transaction().execute(async (trx) => {
        const row = visibleOr404(actor, await repo.findOrg(trx, id), (r) => r.path, 'ORG_NOT_FOUND');
        assertManageable(actor, row.path);
        if (input.creditCode) {
          const problem = creditCodeProblem(input.creditCode);
          if (problem) fail('VALIDATION_FAILED', [{ path: 'creditCode', message: `CREDIT_CODE_${problem}` }]);
        }
        if (input.active === false && row.active === 1 && (await repo.countActiveDependants(trx, id)) > 0) {
          fail('ORG_HAS_CHILDREN');
        }
        const patch = {
          ...(input.name !== undefined && { name: input.name, pinyin: pinyinKey(input.name) }),
          ...(input.shortName !== undefined && { shortName: input.shortName }),
          ...(input.category !== undefined && { category: input.category }),
          ...(input.creditCode !== undefined && { creditCode: input.creditCode }),
          ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        };
        const updated = await repo.updateOrg(trx, id, input.version, patch, now());
        const before = repo.toOrgUnit(row);
        const after = repo.toOrgUnit(updated);
        await recordAudit(trx, actor, {
          action: 'update',
          entity: 'org_unit',
          entityId: id,
          scopePath: row.path,
          summary: `${after.name} (${after.code})`,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
