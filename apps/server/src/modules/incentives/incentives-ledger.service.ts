import {
  type CatalogueQuery,
  type IncentiveFigures,
  type IncentiveFiguresQuery,
  isRegionKind,
  type MatchingInput,
  type ObligationsQuery,
} from '@yingshang/contracts';
import { rankCities, slaState } from '@yingshang/rules';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday, daysBetween, median } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { findProject } from './incentives.repository.js';
import { cityPath, REVIEW_WARN_DAYS } from './incentives.rules.js';
import * as ledger from './incentives-ledger.repository.js';

type Figures = z.infer<typeof IncentiveFigures>;
type FigureTotals = Figures['total'];
const REVIEWING = ['county_review', 'city_review', 'province_review'];
const APPROVED = ['approved', 'partly_paid', 'paid'];

/** Figures, the promise ledger, the catalogue and industry-transfer matching. */
export function createIncentiveLedgerService(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<
    Ports,
    'activeChildRegions' | 'activeCitiesAndZones' | 'cityNames' | 'findOrg' | 'pendingPromisesWithTasks'
  >;
}) {
  const { db, dialect } = deps;
  const { activeChildRegions, activeCitiesAndZones, cityNames, findOrg, pendingPromisesWithTasks } =
    deps.ports;

  /** A region of the caller's area (default: the caller's own unit), or 404. */
  async function regionOf(actor: Actor, regionId?: string) {
    const unit = await findOrg(db, regionId ?? actor.orgUnit.id);
    if (!unit || !inScope(actor, unit.path) || !isRegionKind(unit.kind)) fail('ORG_NOT_FOUND');
    return unit;
  }

  return {
    /** Applications, approvals, payments and amounts per child region and policy; overdue reviews. */
    async figures(actor: Actor, q: z.infer<typeof IncentiveFiguresQuery>): Promise<Figures> {
      const region = await regionOf(actor, q.regionId);
      const today = beijingToday();
      const from = q.from ?? `${today.slice(0, 4)}-01-01`;
      const to = q.to ?? today;
      const rows = await ledger.applicationsSubmitted(db, dialect, region.path, from, to);
      const children = await activeChildRegions(db, region.id);
      const groups =
        children.length > 0 ? children : [{ id: region.id, name: region.name, path: region.path }];
      const cal = await loadCalendar(db);
      const sum = (list: typeof rows): FigureTotals => {
        const settled = list.filter((r) => r.status === 'paid' && r.paidOn);
        return {
          applications: list.length,
          approved: list.filter((r) => APPROVED.includes(r.status)).length,
          paid: settled.length,
          rejected: list.filter((r) => r.status === 'rejected').length,
          provisionalFen: list.reduce((s, r) => s + Number(r.provisionalFen), 0),
          approvedFen: list.reduce((s, r) => s + Number(r.approvedFen ?? 0), 0),
          paidFen: list.reduce((s, r) => s + Number(r.paidFen), 0),
          medianDaysToPayment: median(settled.map((r) => daysBetween(r.submittedOn, r.paidOn as string))),
          overdueReviews: list.filter(
            (r) =>
              REVIEWING.includes(r.status) &&
              r.stageDueOn &&
              slaState(cal, today, r.stageDueOn) === 'overdue',
          ).length,
        };
      };
      const policies = [...new Set(rows.map((r) => r.policyId))].sort();
      const out: Figures['rows'] = [];
      for (const g of groups)
        for (const policyId of policies) {
          const list = rows.filter((r) => r.regionPath.startsWith(g.path) && r.policyId === policyId);
          out.push({ regionId: g.id, regionName: g.name, policyId, ...sum(list) });
        }
      const overdue = rows
        .filter(
          (r) =>
            REVIEWING.includes(r.status) && r.stageDueOn && slaState(cal, today, r.stageDueOn) === 'overdue',
        )
        .sort((a, b) => (a.stageDueOn as string).localeCompare(b.stageDueOn as string))
        .map((r) => ({
          id: r.id,
          code: r.code,
          policyId: r.policyId,
          kind: r.kind as 'capital_arrival',
          enterpriseId: r.enterpriseId,
          enterpriseName: r.enterpriseName,
          regionId: r.regionId,
          regionName: r.regionName,
          status: r.status as 'county_review',
          stage: r.stage as 'county',
          stageDueOn: r.stageDueOn,
          sla: r.stageDueOn ? slaState(cal, today, r.stageDueOn, REVIEW_WARN_DAYS) : null,
          submittedOn: r.submittedOn,
          provisionalFen: Number(r.provisionalFen),
          approvedFen: r.approvedFen == null ? null : Number(r.approvedFen),
          paidFen: Number(r.paidFen),
          updatedAt: r.updatedAt,
          version: r.version,
        }));
      return { regionId: region.id, regionName: region.name, from, to, total: sum(rows), rows: out, overdue };
    },

    /**
     * 招商承诺兑现: the pipeline's pending promises and every approved-but-unpaid reward, each with
     * an owner and a due date; overdue ones first. An enterprise sees its own rewards only.
     */
    async obligations(actor: Actor, q: z.infer<typeof ObligationsQuery>) {
      const today = beijingToday();
      const overdueOnly = q.overdueOnly === 'true';
      const isEnterprise = actor.orgUnit.kind === 'enterprise';
      const path = isEnterprise ? null : (await regionOf(actor, q.regionId)).path;
      const items: z.infer<typeof import('@yingshang/contracts').Obligation>[] = [];
      if (path) {
        const promises = await pendingPromisesWithTasks(db, dialect, path, overdueOnly ? today : undefined);
        for (const r of promises)
          items.push({
            kind: 'promise',
            id: r.id,
            title: r.content,
            projectId: r.projectId,
            projectName: r.projectName,
            enterpriseName: null,
            ownerName: r.ownerName ?? r.regionName,
            regionName: r.regionName,
            dueOn: r.dueOn,
            outstandingFen: null,
            overdue: r.dueOn < today,
            daysOverdue: Math.max(0, daysBetween(r.dueOn, today)),
            taskId: r.taskId ?? null,
          });
      }
      const rewards = await ledger.unpaidRewards(
        db,
        dialect,
        path ? { regionPath: path } : { enterpriseId: actor.orgUnit.id },
        overdueOnly ? today : undefined,
      );
      const cities = new Map((await cityNames(db)).map((c) => [c.path, c.name]));
      for (const r of rewards) {
        const due = r.payDueOn ?? today;
        items.push({
          kind: 'reward',
          id: r.id,
          title: `${r.enterpriseName} 奖励兑付（${r.code}）`,
          projectId: r.projectId,
          projectName: r.projectName ?? null,
          enterpriseName: r.enterpriseName,
          ownerName: `${cities.get(cityPath(r.regionPath)) ?? r.regionName}商务局`,
          regionName: r.regionName,
          dueOn: due,
          outstandingFen: Number(r.approvedFen ?? 0) - Number(r.paidFen),
          overdue: due < today,
          daysOverdue: Math.max(0, daysBetween(due, today)),
          taskId: r.taskId ?? null,
        });
      }
      items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
      return { items, overdue: items.filter((i) => i.overdue).length, total: items.length };
    },

    catalogue: (q: z.infer<typeof CatalogueQuery>) => ledger.listCatalogue(db, dialect, q),

    /**
     * Imports the catalogue from .xlsx: a header row with 版本, 目录部分 (全国 / 中西部), 省份, 章节, 序号,
     * 条目名称, 是否制造业 (是 / 否) and 行业代码 (GB/T 4754, separated by 、 or ,). Every row or none.
     */
    async importCatalogue(actor: Actor, data: Buffer) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(data as unknown as ArrayBuffer);
      } catch {
        fail('CATALOGUE_IMPORT_INVALID');
      }
      const sheet = wb.worksheets[0];
      if (!sheet) fail('CATALOGUE_IMPORT_INVALID');
      const text = (v: ExcelJS.CellValue) =>
        v == null
          ? ''
          : typeof v === 'object' && 'richText' in v
            ? v.richText.map((r) => r.text).join('')
            : typeof v === 'object' && 'result' in v
              ? String(v.result ?? '')
              : String(v).trim();
      const HEADERS = {
        version: ['版本'],
        part: ['目录部分', '目录'],
        province: ['省份', '地区'],
        section: ['章节', '门类', '类别'],
        seq: ['序号', '条目序号'],
        name: ['条目名称', '条目'],
        manufacturing: ['是否制造业', '制造业'],
        industry: ['行业代码'],
      } as const;
      let headerRow = 0;
      const col: Partial<Record<keyof typeof HEADERS, number>> = {};
      for (let r = 1; r <= Math.min(sheet.rowCount, 20) && !headerRow; r++) {
        const row = sheet.getRow(r);
        const found: typeof col = {};
        row.eachCell((cell, c) => {
          const h = text(cell.value).replace(/\s/g, '');
          for (const [k, names] of Object.entries(HEADERS))
            if ((names as readonly string[]).includes(h)) found[k as keyof typeof HEADERS] = c;
        });
        if (found.name && found.version && found.part && found.manufacturing) {
          headerRow = r;
          Object.assign(col, found);
        }
      }
      if (!headerRow) fail('CATALOGUE_IMPORT_INVALID');
      const PROVINCES: Record<string, string> = { 山西: '14', 山西省: '14' };
      const errors: { row: number; message: string }[] = [];
      const items: {
        version: string;
        part: string;
        province: string | null;
        section: string;
        seq: number | null;
        name: string;
        manufacturing: boolean;
        industryCodes: string[];
      }[] = [];
      for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const get = (k: keyof typeof HEADERS) => (col[k] ? text(row.getCell(col[k] as number).value) : '');
        const name = get('name');
        if (!name) continue;
        const version = get('version').replace(/年版?$/, '');
        const partText = get('part');
        const part = /中西部/.test(partText) ? 'central_western' : /全国/.test(partText) ? 'national' : null;
        const m = get('manufacturing');
        const manufacturing = /^(是|Y|yes|true|1)$/i.test(m)
          ? true
          : /^(否|N|no|false|0)$/i.test(m)
            ? false
            : null;
        const seqText = get('seq');
        const seq = seqText ? Number(seqText) : null;
        const provinceText = get('province');
        const province = provinceText
          ? (PROVINCES[provinceText] ?? (/^\d{2}$/.test(provinceText) ? provinceText : undefined))
          : null;
        const industryCodes = get('industry')
          .split(/[、,，\s]+/)
          .filter(Boolean);
        const problems = [
          !/^\d{4}$/.test(version) && '版本须为四位年份（如 2022）',
          !part && '目录部分须为“全国”或“中西部”',
          manufacturing === null && '是否制造业须为“是”或“否”',
          seq !== null && (!Number.isInteger(seq) || seq < 1) && '序号须为正整数',
          province === undefined && '省份无法识别',
          part === 'central_western' && !province && '中西部条目须填写省份',
          name.length > 500 && '条目名称过长',
          industryCodes.some((c) => !/^[A-T]?\d{2,4}$/.test(c)) && '行业代码须为 GB/T 4754 代码',
        ].filter(Boolean) as string[];
        if (problems.length > 0) {
          errors.push({ row: r, message: problems.join('；') });
          continue;
        }
        items.push({
          version,
          part: part as string,
          province: part === 'national' ? null : (province ?? null),
          section:
            get('section') ||
            (part === 'national' ? '全国鼓励外商投资产业目录' : '中西部地区外商投资优势产业目录'),
          seq,
          name,
          manufacturing: manufacturing as boolean,
          industryCodes,
        });
      }
      const version = items[0]?.version ?? '';
      if (errors.length > 0 || items.length === 0)
        return {
          version,
          created: 0,
          updated: 0,
          errors: errors.length ? errors : [{ row: headerRow, message: '没有可导入的条目' }],
        };
      return db.transaction().execute(async (trx) => {
        const at = now();
        let created = 0;
        let updated = 0;
        for (const i of items) {
          const itemKey = `${i.version}|${i.part}|${i.province ?? ''}|${i.seq ?? i.name}`;
          const values = {
            version: i.version,
            part: i.part,
            province: i.province,
            section: i.section,
            seq: i.seq,
            name: i.name,
            manufacturing: i.manufacturing ? 1 : 0,
            industryCodes: JSON.stringify(i.industryCodes),
            source: `《鼓励外商投资产业目录（${i.version}年版）》（${actor.displayName} 于 ${at.slice(0, 10)} 导入）`,
            searchText: i.name.toLowerCase(),
            updatedAt: at,
          };
          if (await ledger.updateCatalogueItem(trx, itemKey, values)) updated++;
          else {
            await ledger.insertCatalogueItem(trx, { id: newId(), itemKey, ...values, createdAt: at });
            created++;
          }
        }
        await recordAudit(trx, actor, {
          action: 'import',
          entity: 'incentive_catalogue',
          entityId: version,
          scopePath: scopePath(actor),
          summary: `${version}: ${created} + ${updated}`,
          after: { version, created, updated },
        });
        return { version, created, updated, errors: [] };
      });
    },

    /** Cities (and their zones) ranked for a project's industry and traits, with the reasons. */
    async matching(actor: Actor, input: z.infer<typeof MatchingInput>) {
      let industryCode = input.industryCode ?? null;
      if (input.projectId) {
        const p = await findProject(db, input.projectId);
        if (!p || actor.orgUnit.kind === 'enterprise' || !inScope(actor, p.regionPath))
          fail('PROJECT_NOT_FOUND');
        industryCode = p.industryCode;
      }
      const ranked = rankCities(industryCode, input.traits);
      const units = await activeCitiesAndZones(db);
      const byCode = new Map(units.filter((u) => u.kind === 'city').map((u) => [u.code, u]));
      const out: z.infer<typeof import('@yingshang/contracts').MatchingResult>['ranking'] = [];
      for (const c of ranked) {
        const city = byCode.get(c.city);
        if (!city) continue;
        out.push({
          regionId: city.id,
          regionName: city.name,
          kind: 'city',
          score: c.score,
          reasons: c.reasons,
        });
        // its national-level zones: the measure's platforms (集聚区 rely on national and provincial zones)
        for (const z of units.filter(
          (u) => u.kind === 'zone' && u.parentId === city.id && u.category === 'national',
        ))
          out.push({
            regionId: z.id,
            regionName: z.name,
            kind: 'zone',
            score: c.score + 1,
            reasons: [...c.reasons, 'national_zone'],
          });
      }
      out.sort((a, b) => b.score - a.score);
      return { industryCode, traits: input.traits, ranking: out };
    },
  };
}

export type IncentiveLedgerService = ReturnType<typeof createIncentiveLedgerService>;
