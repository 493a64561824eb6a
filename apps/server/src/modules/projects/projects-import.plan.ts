/**
 * The database side of a ledger import.
 * - `createResolver` turns parsed rows into plans (create / update / unchanged) or row errors:
 *   所在地 in the user's area, investors by credit code or normalised name, the existing project by
 *   项目编号 or by name + region, and the stage steps the row implies. Look-ups are batched and cached.
 * - `createWriter` writes batches of plans in the transaction it is given: multi-row inserts for
 *   new projects, their investors, stage events and audit rows (one per project, action 'import',
 *   and per investor created), version-guarded updates for existing ones. Rows changed by someone
 *   else since the check are refused. The roll-up delta is gathered in memory and added when the
 *   caller says (`flushRollups`: once per transaction).
 */
import type { ImportRowError, ProjectStatus, Stage } from '@yingshang/contracts';
import { applyStageChange, CellBag, PIPELINE, usdCentsToFen } from '@yingshang/rules';
import type { Executor } from '../../db/database.js';
import type { InvestorRow, ProjectRow } from '../../db/schema.js';
import { type AuditInput, recordAudits } from '../../kernel/audit.js';
import { bareCountyName } from '../../kernel/ledger-cells.js';
import { addRollupDelta } from '../../kernel/rollups.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { compact, normaliseProjectName, STAGE_LABELS } from './projects.ledger.js';
import {
  investorColumns,
  projectCode,
  refreshChildFigures,
  replaceProjectInvestors,
} from './projects.repository.js';
import { industrySection } from './projects.service.js';
import type { LedgerHeader } from './projects-import.reader.js';
import {
  columnName,
  type InvestorSpec,
  type ParsedRow,
  type ProjectType,
  STAGE_DATE_KEYS,
} from './projects-import.rows.js';
import {
  insertRows,
  investorsByCreditCodes,
  investorsByNameNorms,
  investorsOfProjects,
  projectNamesInRegion,
  projectsByCodes,
  projectsByIds,
  projectsChangedSince,
  regionUnits,
  updateProject,
} from './projects-ledger.repository.js';
import { newProjectRecord, projectRollups } from './rollups.repository.js';

/** Before any stage event a project's "last event" is this day (as in projects.service.ts). */
const NO_EVENT_YET = '1900-01-01';

export type InvestorRef =
  | { kind: 'existing'; row: InvestorRow }
  | { kind: 'new'; key: string; spec: InvestorSpec };

export interface ProjectValues {
  name: string;
  regionId: string;
  regionPath: string;
  industryCode: string;
  industrySection: string;
  totalInvestmentFen: number;
  foreignCapitalUsdCents: number;
  projectType: ProjectType;
  leaderName: string | null;
  notes: string | null;
}

export interface Plan {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  nameNorm: string;
  existing?: { row: ProjectRow; investorIds: string[] };
  values: ProjectValues;
  investors: InvestorRef[];
  /** Stage advances to apply, in order. */
  steps: { to: Exclude<Stage, 'lead'>; date: string }[];
  /** Names of the fields that change (updates). */
  changes: string[];
}

type RegionUnit = Awaited<ReturnType<typeof regionUnits>>[number];

const KIND_WORD: Record<string, string> = { province: '省级', city: '市级' };

/** 所在地 → a county or zone: by division / zone code, name, short name, or city + name. */
function regionIndex(units: RegionUnit[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const cityOf = (u: RegionUnit): RegionUnit | undefined => {
    for (
      let p = u.parentId ? byId.get(u.parentId) : undefined;
      p;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      if (p.kind === 'city') return p;
    return undefined;
  };
  const byKey = new Map<string, RegionUnit[]>();
  const add = (key: string | null | undefined, u: RegionUnit) => {
    if (!key) return;
    const k = compact(key);
    const list = byKey.get(k) ?? [];
    if (!list.includes(u)) list.push(u);
    byKey.set(k, list);
  };
  for (const u of units) {
    add(u.code, u);
    add(u.name, u);
    add(u.shortName, u);
    // 曲沃 = 曲沃县, 尧都 = 尧都区: a county as offices write it, without its suffix
    add(bareCountyName(u), u);
    const city = u.kind === 'county' || u.kind === 'zone' ? cityOf(u) : undefined;
    if (city) {
      add(`${city.name}${u.name}`, u);
      add(u.shortName && `${city.name}${u.shortName}`, u);
    }
  }
  return (actor: Actor, text: string): { unit: RegionUnit } | { message: string } => {
    const found = byKey.get(compact(text).toUpperCase()) ?? byKey.get(compact(text)) ?? [];
    if (found.length === 0) return { message: `所在地「${text}」不是已知的县（市、区）或开发区` };
    const places = found.filter((u) => u.kind === 'county' || u.kind === 'zone');
    if (places.length === 0)
      return {
        message: `所在地须为县（市、区）或开发区，「${text}」是${KIND_WORD[found[0].kind] ?? ''}单位`,
      };
    const mine = places.filter((u) => inScope(actor, u.path));
    if (mine.length === 1) return { unit: mine[0] };
    if (mine.length > 1)
      return {
        message: `所在地「${text}」对应多个区县或开发区，请填写区划代码或加上所属市名（如 临汾市尧都区）`,
      };
    return { message: `所在地「${text}」不在您的管辖范围（${actor.orgUnit.name}）内` };
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The stage advances a row implies from a project's current state, or why it cannot. */
function stageSteps(
  state: {
    status: string;
    paused: boolean;
    lastEventOn: string;
    dates?: Partial<Record<string, string | null>>;
  },
  p: ParsedRow,
  today: string,
):
  | { steps: Plan['steps'] }
  | { key: 'stage' | (typeof STAGE_DATE_KEYS)[keyof typeof STAGE_DATE_KEYS] | null; message: string } {
  const target = p.stage;
  const current = state.status as ProjectStatus;
  if (!target) return { steps: [] };
  if (current === 'terminated') return { steps: [] }; // checked by the caller: a closed project changes nothing
  if (target === 'terminated')
    return {
      key: 'stage',
      message: '项目终止请在系统中办理（须填写终止原因），不能通过导入终止或新建已终止的项目',
    };
  const from = PIPELINE.indexOf(current as Stage);
  const to = PIPELINE.indexOf(target as Stage);
  if (to < from)
    return {
      key: 'stage',
      message: `阶段不能从「${STAGE_LABELS[current]}」退回「${STAGE_LABELS[target]}」，如需更正请在系统中办理`,
    };
  // Dates of stages already reached must agree with the record.
  for (const s of PIPELINE.slice(1, from + 1)) {
    const key = STAGE_DATE_KEYS[s as keyof typeof STAGE_DATE_KEYS];
    const recorded = state.dates?.[key];
    const given = p.dates[key];
    if (given && recorded && given !== recorded)
      return {
        key,
        message: `${columnLabel(key)}（${given}）与系统记录（${recorded}）不一致；已发生阶段的日期请在系统中更正`,
      };
  }
  const steps: Plan['steps'] = [];
  for (const s of PIPELINE.slice(from + 1, to + 1)) {
    const stage = s as Exclude<Stage, 'lead'>;
    const date =
      stage === 'negotiating'
        ? (p.dates.negotiatingOn ?? p.dates.signedOn ?? today)
        : p.dates[STAGE_DATE_KEYS[stage]];
    if (!date)
      return {
        key: STAGE_DATE_KEYS[stage],
        message: `阶段为「${STAGE_LABELS[target]}」，须填写${columnLabel(STAGE_DATE_KEYS[stage])}`,
      };
    steps.push({ to: stage, date });
  }
  if (steps.length > 0 && state.paused)
    return { key: 'stage', message: '项目已暂停，请先在系统中恢复后再推进阶段' };
  // The stage machine itself: one step at a time, dates never running backwards or into the future.
  let s = { status: current as never, paused: state.paused, lastEventOn: state.lastEventOn };
  for (const step of steps) {
    const out = applyStageChange(s, { action: 'advance', to: step.to, date: step.date }, today, {
      mayCorrect: false,
    });
    if (!out.ok) {
      const key = STAGE_DATE_KEYS[step.to];
      return {
        key: step.to === 'negotiating' && !p.dates.negotiatingOn ? 'stage' : key,
        message:
          out.error === 'STAGE_DATE_INVALID'
            ? `${columnLabel(key)}（${step.date}）不能早于该项目上一次阶段变更的日期（${s.lastEventOn}），也不能晚于今天`
            : `不能推进到「${STAGE_LABELS[step.to]}」（${out.error}）`,
      };
    }
    s = out.state as typeof s;
  }
  return { steps };
}
const columnLabel = (key: string) =>
  ({ negotiatingOn: '在谈日期', signedOn: '签约日期', startedOn: '开工日期', producingOn: '投产日期' })[
    key
  ] ?? key;

export async function createResolver(
  db: Executor,
  actor: Actor,
  header: LedgerHeader,
  today: string,
  usdCnyRate: string,
  /** The earliest stage date this actor may enter (补录期限, lib/backdate.ts); null: no limit. */
  backdateFrom: string | null = null,
) {
  const resolveRegion = regionIndex(await regionUnits(db));
  const investorByCode = new Map<string, InvestorRow | null>();
  const investorsByNorm = new Map<string, InvestorRow[]>();
  const projectByCode = new Map<string, ProjectRow | null>();
  const namesByRegion = new Map<string, Map<string, string[]>>();
  /** New investors planned by earlier rows, by normalised name → their key. */
  const pendingByNorm = new Map<string, { key: string; spec: InvestorSpec }>();
  /** Project identities seen in the file → the row that first had them. */
  const seen = new Map<string, number>();

  async function lookUp(rows: ParsedRow[]) {
    const codes = [
      ...new Set(rows.flatMap((r) => r.investors.map((i) => i.creditCode)).filter((c): c is string => !!c)),
    ].filter((c) => !investorByCode.has(c));
    for (const c of codes) investorByCode.set(c, null);
    for (const i of await investorsByCreditCodes(db, codes)) investorByCode.set(i.creditCode!, i);

    const norms = [...new Set(rows.flatMap((r) => r.investors.map((i) => i.nameNorm)))].filter(
      (n) => !investorsByNorm.has(n),
    );
    for (const n of norms) investorsByNorm.set(n, []);
    for (const i of await investorsByNameNorms(db, norms)) investorsByNorm.get(i.nameNorm)?.push(i);

    const projectCodes = [...new Set(rows.map((r) => r.code).filter((c): c is string => !!c))].filter(
      (c) => !projectByCode.has(c),
    );
    for (const c of projectCodes) projectByCode.set(c, null);
    for (const p of await projectsByCodes(db, projectCodes)) projectByCode.set(p.code, p);
  }

  async function namesIn(regionId: string) {
    let names = namesByRegion.get(regionId);
    if (!names) {
      names = new Map();
      for (const p of await projectNamesInRegion(db, regionId)) {
        const k = normaliseProjectName(p.name);
        names.set(k, [...(names.get(k) ?? []), p.id]);
      }
      namesByRegion.set(regionId, names);
    }
    return names;
  }

  function investorRef(spec: InvestorSpec): InvestorRef | string {
    if (spec.creditCode) {
      const found = investorByCode.get(spec.creditCode);
      if (found) return { kind: 'existing', row: found };
      const key = `code:${spec.creditCode}`;
      if (!pendingByNorm.has(spec.nameNorm)) pendingByNorm.set(spec.nameNorm, { key, spec });
      return { kind: 'new', key, spec };
    }
    const byName = investorsByNorm.get(spec.nameNorm) ?? [];
    const match = byName.find((i) => spec.foreignRegNo && i.foreignRegNo === spec.foreignRegNo) ?? byName[0];
    if (match) return { kind: 'existing', row: match };
    const pending = pendingByNorm.get(spec.nameNorm);
    if (pending) return { kind: 'new', key: pending.key, spec: pending.spec };
    if (spec.originGroup) {
      const key = `name:${spec.nameNorm}`;
      pendingByNorm.set(spec.nameNorm, { key, spec });
      return { kind: 'new', key, spec };
    }
    return `投资方「${spec.name}」在系统中不存在，请填写其统一社会信用代码（境外投资方填写境外注册号和国别）`;
  }

  /** Plans for the valid rows of a batch, and the errors of the others. */
  async function resolve(rows: ParsedRow[]): Promise<{ plans: Plan[]; errors: ImportRowError[] }> {
    await lookUp(rows);
    const errors: ImportRowError[] = [];
    type Pending = { p: ParsedRow; unit: RegionUnit; refs: InvestorRef[]; existingId: string | null };
    const pending: Pending[] = [];
    for (const p of rows) {
      const before = errors.length;
      const err = (key: Parameters<typeof columnName>[1] | null, message: string) =>
        errors.push({ row: p.row, column: key ? columnName(header, key) : null, message });
      const region = resolveRegion(actor, p.regionText);
      if ('message' in region) err('region', region.message);
      const refs: InvestorRef[] = [];
      for (const spec of p.investors) {
        const ref = investorRef(spec);
        if (typeof ref === 'string') err('investor', ref);
        else refs.push(ref);
      }
      let existingId: string | null = null;
      if (p.code) {
        const found = projectByCode.get(p.code);
        if (!found || !inScope(actor, found.regionPath))
          err('code', `项目编号「${p.code}」不存在或不在您的管辖范围内（新项目请留空项目编号）`);
        else existingId = found.id;
      } else if ('unit' in region) {
        const ids = (await namesIn(region.unit.id)).get(p.nameNorm) ?? [];
        if (ids.length > 1)
          err('name', `「${region.unit.name}」已有 ${ids.length} 个同名项目，请填写项目编号以指明更新哪一个`);
        existingId = ids[0] ?? null;
      }
      if (errors.length === before && 'unit' in region)
        pending.push({ p, unit: region.unit, refs, existingId });
    }

    const ids = pending.map((x) => x.existingId).filter((id): id is string => !!id);
    const existingRows = new Map((await projectsByIds(db, ids)).map((r) => [r.id, r]));
    const existingInvestors = await investorsOfProjects(db, ids);

    const plans: Plan[] = [];
    for (const { p, unit, refs, existingId } of pending) {
      const err = (key: Parameters<typeof columnName>[1] | null, message: string) =>
        errors.push({ row: p.row, column: key ? columnName(header, key) : null, message });
      const existing = existingId ? existingRows.get(existingId) : undefined;
      // One project per row: a second row naming the same project is refused.
      const identity = existing ? `id:${existing.id}` : `new:${unit.id}|${p.nameNorm}`;
      const nameKey = `name:${unit.id}|${p.nameNorm}`;
      const first = seen.get(identity) ?? seen.get(nameKey);
      if (first !== undefined) {
        err(null, `与第 ${first} 行是同一个项目（项目编号相同，或项目名称与所在地相同），请合并为一行`);
        continue;
      }
      seen.set(identity, p.row);
      seen.set(nameKey, p.row);

      const values: ProjectValues = {
        name: p.name,
        regionId: unit.id,
        regionPath: unit.path,
        industryCode: p.industryCode,
        industrySection: industrySection(p.industryCode),
        totalInvestmentFen: p.totalFen,
        foreignCapitalUsdCents: p.foreignCents ?? (existing ? Number(existing.foreignCapitalUsdCents) : 0),
        projectType: p.projectType ?? (existing?.projectType as ProjectType | undefined) ?? 'new',
        leaderName: p.leader !== undefined ? p.leader : (existing?.leaderName ?? null),
        notes: p.notes !== undefined ? p.notes : (existing?.notes ?? null),
      };
      if (usdCentsToFen(values.foreignCapitalUsdCents, usdCnyRate) > values.totalInvestmentFen) {
        err(p.foreignCents === undefined ? 'total' : 'foreign', '外资折合人民币超过了总投资');
        continue;
      }
      const state = existing
        ? {
            status: existing.status,
            paused: existing.paused === 1,
            lastEventOn: existing.lastEventOn,
            dates: {
              negotiatingOn: existing.negotiatingOn,
              signedOn: existing.signedOn,
              startedOn: existing.startedOn,
              producingOn: existing.producingOn,
            },
          }
        : { status: 'lead', paused: false, lastEventOn: NO_EVENT_YET };
      const stage = stageSteps(state, p, today);
      if ('message' in stage) {
        err(stage.key, stage.message);
        continue;
      }
      const early = backdateFrom ? stage.steps.find((s) => s.date < backdateFrom) : undefined;
      if (early) {
        // 在谈 without its own date takes the signing's: the signing column is the one to correct
        const key =
          early.to === 'negotiating' && !p.dates.negotiatingOn && p.dates.signedOn
            ? 'signedOn'
            : STAGE_DATE_KEYS[early.to];
        err(
          key,
          `${columnLabel(key)}（${early.date}）早于您可补录的最早日期（${backdateFrom}），请核对日期，或请上级单位补录`,
        );
        continue;
      }
      if (!existing) {
        plans.push({
          row: p.row,
          kind: 'create',
          nameNorm: p.nameNorm,
          values,
          investors: refs,
          steps: stage.steps,
          changes: [],
        });
        continue;
      }
      const investorIds = (existingInvestors.get(existing.id) ?? []).map((i) => i.id);
      const changes: string[] = [];
      const compare: [keyof ProjectValues, unknown][] = [
        ['name', existing.name],
        ['regionId', existing.regionId],
        ['industryCode', existing.industryCode],
        ['totalInvestmentFen', Number(existing.totalInvestmentFen)],
        ['foreignCapitalUsdCents', Number(existing.foreignCapitalUsdCents)],
        ['projectType', existing.projectType],
        ['leaderName', existing.leaderName],
        ['notes', existing.notes],
      ];
      // The API may have stored '' where a blank cell reads as null: the same thing.
      const same = (a: unknown, b: unknown) => (a === '' ? null : a) === (b === '' ? null : b);
      for (const [field, old] of compare) if (!same(values[field], old)) changes.push(field);
      const sameInvestors =
        refs.every((r) => r.kind === 'existing') &&
        sameList(
          refs.map((r) => (r.kind === 'existing' ? r.row.id : '')),
          investorIds,
        );
      if (!sameInvestors) changes.push('investors');
      if (stage.steps.length > 0) changes.push('status');
      if (existing.status === 'terminated') {
        if (changes.length > 0 || (p.stage && p.stage !== 'terminated')) {
          err(null, '项目已终止，不能通过导入修改');
          continue;
        }
      }
      plans.push({
        row: p.row,
        kind: changes.length ? 'update' : 'unchanged',
        nameNorm: p.nameNorm,
        existing: { row: existing, investorIds },
        values,
        investors: refs,
        steps: stage.steps,
        changes,
      });
    }
    return { plans, errors };
  }

  return { resolve };
}

export interface WriteResult {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: ImportRowError[];
}

export function createWriter(
  actor: Actor,
  job: { id: string; fileName: string; today: string },
  header: LedgerHeader,
) {
  const investors = new Map<string, InvestorRow>();
  /** What the batches written since the last `flushRollups` add to the roll-ups. */
  let delta = new CellBag();
  let changedIds = new Set<string>();
  let changedNames = new Set<string>();
  /** Changed by someone else since the check began (as `prepare` found). */
  const changedSinceCheck = (p: Plan) =>
    p.kind !== 'unchanged' &&
    (p.kind === 'create'
      ? changedNames.has(`${p.values.regionId}|${p.nameNorm}`)
      : changedIds.has(p.existing!.row.id));
  const conflict = (row: number): ImportRowError => ({
    row,
    column: columnName(header, 'name'),
    message: '该项目在检查之后已被他人新增或修改，请重新导入以核对最新数据',
  });

  async function resolveInvestors(trx: Executor, plans: Plan[]) {
    const wanted = new Map<string, InvestorSpec>();
    for (const p of plans)
      for (const r of p.investors) if (r.kind === 'new' && !investors.has(r.key)) wanted.set(r.key, r.spec);
    if (wanted.size === 0) return;
    // Someone may have added them since the check: use theirs.
    const specs = [...wanted.values()];
    const byCode = new Map(
      (
        await investorsByCreditCodes(
          trx,
          specs.map((s) => s.creditCode).filter((c): c is string => !!c),
        )
      ).map((i) => [i.creditCode!, i]),
    );
    const byNorm = new Map<string, InvestorRow>();
    for (const i of await investorsByNameNorms(
      trx,
      specs.filter((s) => !s.creditCode).map((s) => s.nameNorm),
    ))
      if (!byNorm.has(i.nameNorm)) byNorm.set(i.nameNorm, i);
    const at = now();
    const fresh: InvestorRow[] = [];
    for (const [key, s] of wanted) {
      const found = s.creditCode ? byCode.get(s.creditCode) : byNorm.get(s.nameNorm);
      if (found) {
        investors.set(key, found);
        continue;
      }
      const row: InvestorRow = {
        id: newId(),
        name: s.name,
        nameNorm: s.nameNorm,
        creditCode: s.creditCode,
        foreignRegNo: s.foreignRegNo,
        country: s.country,
        provinceCode: s.provinceCode,
        originGroup: s.originGroup!,
        legalRep: null,
        contactName: null,
        contactPhone: null,
        pinyin: pinyinKey(s.name),
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      investors.set(key, row);
      fresh.push(row);
    }
    await insertRows(trx, 'investors', fresh);
    await recordAudits(
      trx,
      actor,
      fresh.map((i) => ({
        action: 'import' as const,
        entity: 'investor' as const,
        entityId: i.id,
        scopePath: actor.orgUnit.path,
        summary: i.name,
        after: {
          name: i.name,
          creditCode: i.creditCode,
          foreignRegNo: i.foreignRegNo,
          country: i.country,
          import: job.id,
        },
      })),
    );
  }

  const investorRows = (p: Plan) =>
    p.investors.map((r) => (r.kind === 'existing' ? r.row : investors.get(r.key)!));

  /** Columns derived from the project and its investors, as projects.service.ts derives them. */
  const derived = (p: Plan) => investorColumns(p.values.name, investorRows(p));

  function stageColumns(p: Plan, from: { status: string; lastEventOn: string }) {
    const set: Partial<Record<'negotiatingOn' | 'signedOn' | 'startedOn' | 'producingOn', string>> = {};
    let status = from.status;
    let lastEventOn = from.lastEventOn;
    for (const s of p.steps) {
      set[STAGE_DATE_KEYS[s.to]] = s.date;
      status = s.to;
      lastEventOn = s.date;
    }
    return { ...set, status, lastEventOn };
  }

  function events(p: Plan, projectId: string, fromStatus: string) {
    let from = fromStatus;
    return p.steps.map((s) => {
      const e = {
        id: newId(),
        projectId,
        action: 'advance',
        fromStatus: from,
        toStatus: s.to,
        eventOn: s.date,
        evidence: null,
        reason: null,
        actorId: actor.userId,
        actorName: actor.displayName,
        createdAt: now(),
      };
      from = s.to;
      return e;
    });
  }

  /**
   * Ids and codes for new projects (the service's projectCode); codes are still checked against
   * this import and the database and drawn again when taken, so a rare collision never fails a job.
   */
  const codesUsed = new Set<string>();
  async function freshIds(trx: Executor, n: number) {
    const draw = () => {
      for (;;) {
        const id = newId();
        const code = projectCode(id, job.today);
        if (!codesUsed.has(code)) {
          codesUsed.add(code);
          return { id, code };
        }
      }
    };
    const out = Array.from({ length: n }, draw);
    for (;;) {
      const taken = new Set(
        (
          await projectsByCodes(
            trx,
            out.map((x) => x.code),
          )
        ).map((p) => p.code),
      );
      if (taken.size === 0) return out;
      for (let i = 0; i < out.length; i++) if (taken.has(out[i].code)) out[i] = draw();
    }
  }

  return {
    /** What others changed in these regions since the check began. */
    async prepare(trx: Executor, plans: Plan[], since: string) {
      const regions = [...new Set(plans.filter((p) => p.kind !== 'unchanged').map((p) => p.values.regionId))];
      const changed = await projectsChangedSince(trx, regions, since);
      changedIds = new Set(changed.map((c) => c.id));
      changedNames = new Set(changed.map((c) => `${c.regionId}|${normaliseProjectName(c.name)}`));
    },

    /** The rows of these plans that others changed since the check (known after `prepare`). */
    conflicts: (plans: Plan[]): ImportRowError[] =>
      plans.filter(changedSinceCheck).map((p) => conflict(p.row)),

    /** Adds the roll-up delta of the batches written so far, in one go (and the closed months' revisions). */
    async flushRollups(trx: Executor) {
      const cells = delta.cells();
      delta = new CellBag();
      await addRollupDelta(trx, projectRollups.name, cells, { actor, summary: job.fileName });
    },

    /**
     * Writes a batch: multi-row inserts for the new projects, their investors, stage events and
     * audit rows; a version-guarded update per changed project. The roll-up delta is gathered in
     * memory (`flushRollups` writes it): a new project's cells are computed from the row written,
     * a changed one's read before and after.
     */
    async write(trx: Executor, batch: Plan[]): Promise<WriteResult> {
      const result: WriteResult = { created: 0, updated: 0, unchanged: 0, conflicts: [] };
      const todo: Plan[] = [];
      for (const p of batch) {
        if (p.kind === 'unchanged') result.unchanged += 1;
        else if (changedSinceCheck(p)) result.conflicts.push(conflict(p.row));
        else todo.push(p);
      }
      await resolveInvestors(trx, todo);
      const at = now();

      const creates = todo.filter((p) => p.kind === 'create');
      const updates = todo.filter((p) => p.kind === 'update');
      const ids = await freshIds(trx, creates.length);
      const updateIds = updates.map((p) => p.existing!.row.id);
      const before = updateIds.length ? await projectRollups.load(trx, updateIds) : new Map();
      const projects = creates.map((p, i) => {
        const { id, code } = ids[i];
        return {
          plan: p,
          row: {
            ...p.values,
            ...derived(p),
            ...stageColumns(p, { status: 'lead', lastEventOn: NO_EVENT_YET }),
            id,
            code,
            serviceOfficerId: null,
            taskForce: '[]',
            tags: '[]',
            createdOn: job.today,
            createdAt: at,
            updatedAt: at,
          },
        };
      });
      await insertRows(
        trx,
        'projects',
        projects.map((x) => x.row),
      );
      await insertRows(
        trx,
        'projectInvestors',
        projects.flatMap(({ plan, row }) =>
          investorRows(plan).map((i, position) => ({ projectId: row.id, investorId: i.id, position })),
        ),
      );
      const audits: AuditInput[] = [];
      const newEvents = projects.flatMap(({ plan, row }) => events(plan, row.id, 'lead'));
      for (const { plan, row } of projects) {
        delta.addAll(projectRollups.cells(newProjectRecord(row)));
        audits.push({
          action: 'import',
          entity: 'project',
          entityId: row.id,
          scopePath: row.regionPath,
          summary: `${row.name} (${row.code})`,
          after: {
            ...plan.values,
            investors: investorRows(plan).map((i) => i.name),
            status: row.status,
            stages: plan.steps,
            import: { job: job.id, file: job.fileName, row: plan.row },
          },
        });
        result.created += 1;
      }

      for (const p of updates) {
        const old = p.existing!.row;
        const stage = stageColumns(p, { status: old.status, lastEventOn: old.lastEventOn });
        const written = await updateProject(trx, old.id, old.version, {
          ...p.values,
          ...derived(p),
          ...(p.steps.length > 0 && stage),
          updatedAt: at,
        });
        if (!written) {
          result.conflicts.push(conflict(p.row));
          continue;
        }
        if (p.values.regionPath !== old.regionPath) await refreshChildFigures(trx, old.id);
        const ids = investorRows(p).map((i) => i.id);
        if (!sameList(ids, p.existing!.investorIds)) await replaceProjectInvestors(trx, old.id, ids);
        newEvents.push(...events(p, old.id, old.status));
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const field of p.changes) {
          if (field === 'investors') {
            before.investors = old.investorNames;
            after.investors = investorRows(p)
              .map((i) => i.name)
              .join('、');
          } else if (field === 'status') {
            before.status = old.status;
            after.status = stage.status;
            after.stages = p.steps;
          } else {
            before[field] =
              field === 'totalInvestmentFen' || field === 'foreignCapitalUsdCents'
                ? Number(old[field])
                : old[field as keyof ProjectRow];
            after[field] = p.values[field as keyof ProjectValues];
          }
        }
        after.import = { job: job.id, file: job.fileName, row: p.row };
        audits.push({
          action: 'import',
          entity: 'project',
          entityId: old.id,
          scopePath: p.values.regionPath,
          summary: `${p.values.name} (${old.code})`,
          before,
          after,
        });
        result.updated += 1;
      }
      await insertRows(trx, 'projectEvents', newEvents);
      await recordAudits(trx, actor, audits);
      if (updateIds.length) {
        const after = await projectRollups.load(trx, updateIds);
        for (const id of updateIds) {
          const b = before.get(id);
          const a = after.get(id);
          if (b) delta.addAll(projectRollups.cells(b), -1);
          if (a) delta.addAll(projectRollups.cells(a));
        }
      }
      return result;
    },
  };
}
