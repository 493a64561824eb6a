import type { InvestorInput } from '@yingshang/contracts';
import { creditCodeProblem, originGroup } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import * as repo from './investors.repository.js';

type Input = z.infer<typeof InvestorInput>;

/** Domestic investors need a valid credit code; foreign ones a registration number and country. */
export function checkInvestor(input: Input) {
  if (input.creditCode) {
    if (creditCodeProblem(input.creditCode)) {
      fail('CREDIT_CODE_INVALID', [
        { path: 'creditCode', message: `CREDIT_CODE_${creditCodeProblem(input.creditCode)}` },
      ]);
    }
  } else if (!input.foreignRegNo || !input.country) {
    fail('INVESTOR_ORIGIN_REQUIRED', [{ path: 'creditCode', message: 'INVESTOR_ORIGIN_REQUIRED' }]);
  }
}

/**
 * Investors are shared across the province (the same company invests in several cities), so any
 * pipeline user may find and add them; projects carry the scope.
 */
export function createInvestorService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;
  return {
    list: (_actor: Actor, q: { q?: string; page: number; pageSize: number }) =>
      repo.listInvestors(db, dialect, q),

    async matches(_actor: Actor, name: string, creditCode?: string) {
      return { matches: (await repo.findMatches(db, name, creditCode?.toUpperCase())).map(repo.toInvestor) };
    },

    async create(actor: Actor, input: Input) {
      checkInvestor(input);
      return db.transaction().execute(async (trx) => {
        if (input.creditCode) {
          const same = await repo.findInvestorByCreditCode(trx, input.creditCode);
          if (same) fail('INVESTOR_EXISTS', { id: same.id });
        }
        const provinceCode =
          input.provinceCode ?? (input.creditCode ? input.creditCode.slice(2, 4) : undefined);
        const group = originGroup({
          provinceCode,
          country: input.creditCode ? undefined : (input.country ?? undefined),
        });
        if (!group)
          fail('INVESTOR_ORIGIN_REQUIRED', [{ path: 'country', message: 'INVESTOR_ORIGIN_REQUIRED' }]);
        const at = now();
        const id = newId();
        await repo.insertInvestor(trx, {
          id,
          name: input.name,
          nameNorm: repo.normaliseName(input.name),
          creditCode: input.creditCode ?? null,
          foreignRegNo: input.foreignRegNo ?? null,
          country: input.country ?? null,
          provinceCode: provinceCode ?? null,
          originGroup: group,
          legalRep: input.legalRep ?? null,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
          pinyin: pinyinKey(input.name),
          createdAt: at,
          updatedAt: at,
        });
        const created = repo.toInvestor((await repo.findInvestor(trx, id))!);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'investor',
          entityId: id,
          scopePath: actor.orgUnit.path,
          summary: created.name,
          after: created,
        });
        return created;
      });
    },
  };
}
export type InvestorService = ReturnType<typeof createInvestorService>;
