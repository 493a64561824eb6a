/**
 * 诉求台账导入: an office moves its open 办不成事 register in. Each row becomes an appeal filed on the
 * day the register gives (补录, within the clerk's back-date limit), then accepted, and assigned to its
 * 承办部门 on its 交办日期 when the register names one, so that its deadlines run from the true days.
 * 已办结 rows are not moved in; a row already imported (same enterprise, day and title) is skipped.
 */
import { CreateAppealBody, type LedgerImportReport, type Role } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { OrgUnitRow } from '../../db/schema.js';
import { compact, parseDay, unitsByName } from '../../kernel/ledger-cells.js';
import {
  type LedgerRow,
  type LedgerSpec,
  ledgerMapping,
  type RowOutcome,
  readLedgerSheet,
  runLedgerImport,
  type Upload,
} from '../../kernel/ledger-import.js';
import { type Actor, parentPath, scopePath } from '../../lib/actor.js';
import { type BackdateLimit, DEFAULT_BACKDATE_LIMITS, earliestBackdate } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';

type Create = z.infer<typeof CreateAppealBody>;
type Key = (typeof FIELDS)[number]['key'];

const FIELDS = [
  { key: 'seq', label: '序号', words: ['序号', '编号', '登记编号'] },
  {
    key: 'filedOn',
    label: '登记日期',
    words: ['登记日期', '受理日期', '反映日期', '登记时间', '反映时间', '来电日期', '诉求日期', '日期'],
    required: true,
  },
  {
    key: 'enterprise',
    label: '企业名称',
    words: [
      '企业名称',
      '诉求企业',
      '反映企业',
      '企业',
      '市场主体名称',
      '诉求主体',
      '单位名称',
      '企业（单位）名称',
    ],
    required: true,
  },
  { key: 'creditCode', label: '统一社会信用代码', words: ['统一社会信用代码', '信用代码', '社会信用代码'] },
  { key: 'contactName', label: '联系人', words: ['联系人', '反映人', '诉求人', '来电人'] },
  { key: 'contactPhone', label: '联系电话', words: ['联系电话', '电话', '联系方式', '手机号码', '手机'] },
  { key: 'title', label: '诉求标题', words: ['诉求标题', '诉求事项', '事项名称', '标题', '问题标题'] },
  {
    key: 'description',
    label: '诉求内容',
    words: [
      '诉求内容',
      '反映问题',
      '问题描述',
      '具体问题',
      '具体诉求',
      '诉求详情',
      '反映内容',
      '主要诉求',
      '办不成事事项',
      '诉求事项及内容',
    ],
    required: true,
  },
  { key: 'category', label: '诉求类别', words: ['诉求类别', '问题类别', '类别', '诉求类型', '问题类型'] },
  { key: 'channel', label: '来源渠道', words: ['来源渠道', '渠道', '诉求来源', '来源', '受理渠道'] },
  { key: 'urgency', label: '紧急程度', words: ['紧急程度', '缓急程度', '是否紧急'] },
  {
    key: 'region',
    label: '受理单位',
    words: ['受理单位', '受理地区', '所在县区', '属地', '所属县区', '所在县区/开发区', '县区/开发区'],
  },
  {
    key: 'department',
    label: '承办部门',
    words: ['承办部门', '承办单位', '责任单位', '责任部门', '交办单位', '办理单位', '交办部门'],
  },
  { key: 'assignedOn', label: '交办日期', words: ['交办日期', '派单日期', '转办日期', '交办时间'] },
  { key: 'status', label: '办理状态', words: ['办理状态', '办理进度', '状态', '办理情况', '是否办结'] },
  { key: 'notes', label: '备注', words: ['备注'] },
] as const;

export const APPEAL_LEDGER: LedgerSpec<Key> = {
  kind: 'appeals',
  fields: FIELDS,
  anchor: ['filedOn', 'enterprise'],
};

/** The rules the template states under its header. */
export const APPEAL_TEMPLATE_RULES = [
  '企业名称须为企业库中已登记的企业（同名时填写统一社会信用代码）；受理单位不填为本单位',
  '办理状态：待受理、已受理、已交办 / 办理中（须填写承办部门，交办日期不填为登记日期）；已办结的诉求不导入',
  '来源渠道：办不成事窗口、投诉举报专线、网上诉求、12345 转办、项目直通车，不填为办不成事窗口；诉求类别填写类别名称，不填为其他',
  '同一企业、同一登记日期、同一诉求标题的诉求只登记一次：同一文件再次导入不会重复登记',
];

/** Where a register's row stands: the steps it has had, or 已办结 (not moved in). */
type Target = 'submitted' | 'accepted' | 'assigned' | 'closed';
const STATUS_WORDS: [RegExp, Target][] = [
  [/^(已办结|办结|已完成|完成|已答复|已解决|是)$/, 'closed'],
  [/^(待受理|未受理|新登记)$/, 'submitted'],
  [/^(已受理|待交办|待派单|未交办)$/, 'accepted'],
  [/^(已交办|已派单|已转办|待签收|办理中|正在办理|在办|未办结|否)$/, 'assigned'],
];
const CHANNEL_WORDS: [RegExp, Create['channel']][] = [
  [/12345/, 'transfer_12345'],
  [/直通车/, 'express'],
  [/热线|专线|电话|来电/, 'hotline'],
  [/网上|网络|平台|小程序|网站/, 'portal'],
  [/窗口|办不成事|现场|来访/, 'window'],
];

/** Category words registers use, for the categories of the appeal catalogue (0006-appeals). */
const CATEGORY_WORDS: [RegExp, string][] = [
  [/土地|用地|规划|不动产/, 'land'],
  [/供水|用水|排水/, 'water'],
  [/供电|用电|电力/, 'power'],
  [/供气|用气|燃气|天然气/, 'gas'],
  [/审批|办证|许可|证照|备案/, 'approval'],
  [/融资|贷款|信贷|担保/, 'finance'],
  [/用工|招工|人才|社保/, 'labour'],
  [/兑现|奖补|补贴|政策/, 'policy'],
  [/拖欠|欠款|账款|清欠/, 'arrears'],
  [/检查|执法|处罚/, 'inspection'],
];

/** Company names with either kind of bracket: （） as registered, () as typed. */
const bracketForms = (name: string) => [
  ...new Set([
    name,
    name.replace(/\(/g, '（').replace(/\)/g, '）'),
    name.replace(/（/g, '(').replace(/）/g, ')'),
  ]),
];
/** A title from the content's first clause, when the register has no title column. */
const titleOf = (description: string) =>
  (description.split(/[。；;！!？?\n]/)[0] || description).slice(0, 40);

type Parsed = {
  create: Create;
  target: Exclude<Target, 'closed'>;
  departmentId: string | null;
  assignedOn: string;
};

export function createAppealImport(deps: {
  db: Db;
  dialect: Dialect;
  file(actor: Actor, input: Create, opts: { trx: Tx }): Promise<{ id: string; version: number }>;
  step(
    actor: Actor,
    id: string,
    action: 'accept' | 'assign',
    body: { version: number; occurredOn?: string; departmentId?: string },
    trx: Tx,
  ): Promise<{ version: number }>;
  categories(): Promise<{ code: string; nameZh: string; active: boolean }[]>;
  backdateLimits?: Record<Role, BackdateLimit>;
}) {
  const { db, dialect } = deps;
  const limits = deps.backdateLimits ?? DEFAULT_BACKDATE_LIMITS;

  /** The row's checks, against the caller's area (enterprises, offices, departments) and limits. */
  async function parser(actor: Actor) {
    const today = beijingToday();
    const earliest = earliestBackdate(actor, limits);
    const categories = (await deps.categories()).filter((c) => c.active);
    const regions = await db
      .selectFrom('orgUnits')
      .selectAll()
      .where(({ ref }) => dialect.under(ref('path'), scopePath(actor)))
      .where('kind', 'in', ['city', 'county', 'zone'])
      .where('active', '=', 1)
      .execute();
    const regionByName = unitsByName(regions);

    const enterpriseOf = async (name: string, code: string) => {
      const q = db
        .selectFrom('orgUnits')
        .selectAll()
        .where('kind', '=', 'enterprise')
        .where('active', '=', 1)
        .where(({ ref }) => dialect.under(ref('path'), scopePath(actor)));
      if (code) return q.where('creditCode', '=', code.toUpperCase()).execute();
      const forms = bracketForms(name);
      return q.where((eb) => eb.or([eb('name', 'in', forms), eb('shortName', 'in', forms)])).execute();
    };
    /** A department the office may assign to (of its region or above, or inside it), the closest first. */
    const departmentOf = async (name: string, office: Pick<OrgUnitRow, 'path'>) => {
      const hits = (
        await db
          .selectFrom('orgUnits')
          .select(['id', 'path'])
          .where('kind', '=', 'department')
          .where('active', '=', 1)
          .where((eb) => eb.or([eb('name', '=', name), eb('shortName', '=', name)]))
          .execute()
      ).filter((d) => office.path.startsWith(parentPath(d.path)) || d.path.startsWith(office.path));
      const closest = Math.max(...hits.map((d) => d.path.length));
      const best = hits.filter((d) => d.path.length === closest);
      return best.length === 1 ? best[0] : best.length > 1 ? 'ambiguous' : null;
    };

    return async (row: LedgerRow<Key>): Promise<RowOutcome<Parsed>> => {
      const errors: { key: Key; code: string; value?: string | null }[] = [];
      const status = compact(row.text('status'));
      const target = status ? STATUS_WORDS.find(([re]) => re.test(status))?.[1] : undefined;
      if (target === 'closed') return { skip: 'CLOSED', value: row.text('status') };
      if (status && !target) errors.push({ key: 'status', code: 'STATUS_UNKNOWN' });

      const day = (key: 'filedOn' | 'assignedOn') => {
        const parsed = parseDay(row.cell(key), key);
        if (!parsed.ok) {
          errors.push({ key, code: 'DATE_INVALID' });
          return null;
        }
        if (parsed.value > today) errors.push({ key, code: 'DATE_FUTURE' });
        else if (earliest && parsed.value < earliest)
          errors.push({ key, code: 'BACKDATE_LIMIT', value: earliest });
        return parsed.value;
      };
      if (!row.text('filedOn')) errors.push({ key: 'filedOn', code: 'REQUIRED' });
      const filedOn = row.text('filedOn') ? day('filedOn') : null;
      const assignedOn = row.text('assignedOn') ? day('assignedOn') : filedOn;
      if (filedOn && assignedOn && assignedOn < filedOn)
        errors.push({ key: 'assignedOn', code: 'DATE_BEFORE_FILED' });

      const name = row.text('enterprise').replace(/\s+/g, '');
      const code = compact(row.text('creditCode'));
      let enterprise: OrgUnitRow | undefined;
      if (!name && !code) errors.push({ key: 'enterprise', code: 'REQUIRED' });
      else {
        const hits = await enterpriseOf(name, code);
        if (hits.length === 1) enterprise = hits[0];
        else
          errors.push(
            code
              ? { key: 'creditCode', code: 'ENTERPRISE_CODE_UNKNOWN' }
              : { key: 'enterprise', code: hits.length ? 'ENTERPRISE_AMBIGUOUS' : 'ENTERPRISE_UNKNOWN' },
          );
      }

      const description = [row.text('description'), row.text('notes') && `备注：${row.text('notes')}`]
        .filter(Boolean)
        .join('\n');
      if (!row.text('description')) errors.push({ key: 'description', code: 'REQUIRED' });
      const title = row.text('title') || titleOf(row.text('description'));

      const categoryText = compact(row.text('category'));
      const word = CATEGORY_WORDS.find(([re]) => re.test(categoryText))?.[1];
      const category = categoryText
        ? (categories.find((c) => c.code === categoryText || c.nameZh === categoryText) ??
          categories.find((c) => c.code === word))
        : categories.find((c) => c.code === 'other');
      if (!category) errors.push({ key: 'category', code: 'CATEGORY_UNKNOWN' });

      const channelText = compact(row.text('channel'));
      const channel = channelText ? CHANNEL_WORDS.find(([re]) => re.test(channelText))?.[1] : 'window';
      if (!channel) errors.push({ key: 'channel', code: 'CHANNEL_UNKNOWN' });
      const urgency = /紧急|急|是/.test(row.text('urgency')) && !/不紧急|一般|否/.test(row.text('urgency'));

      let office: Pick<OrgUnitRow, 'id' | 'path'> | undefined = actor.orgUnit;
      const regionText = compact(row.text('region'));
      if (regionText) {
        const hits = regionByName.get(regionText) ?? [];
        office = hits.length === 1 ? hits[0] : undefined;
        if (!office) errors.push({ key: 'region', code: hits.length ? 'UNIT_AMBIGUOUS' : 'REGION_UNKNOWN' });
      } else if (!['city', 'county', 'zone', 'province'].includes(actor.orgUnit.kind))
        errors.push({ key: 'region', code: 'REQUIRED' });

      const departmentText = compact(row.text('department'));
      let departmentId: string | null = null;
      if (departmentText && office) {
        const dept = await departmentOf(departmentText, office);
        if (dept === 'ambiguous') errors.push({ key: 'department', code: 'UNIT_AMBIGUOUS' });
        else if (!dept) errors.push({ key: 'department', code: 'DEPARTMENT_UNKNOWN' });
        else departmentId = dept.id;
      }
      const reached = target ?? (departmentText ? 'assigned' : 'accepted');
      if (reached === 'assigned' && !departmentText) errors.push({ key: 'department', code: 'REQUIRED' });

      const input = {
        channel,
        category: category?.code,
        urgency: urgency ? 'urgent' : 'normal',
        title,
        description,
        enterpriseId: enterprise?.id,
        regionId: office && office.id !== actor.orgUnit.id ? office.id : undefined,
        contactName: row.text('contactName') || undefined,
        contactPhone: row.text('contactPhone').replace(/\s+/g, '') || undefined,
        filedOn: filedOn ?? undefined,
      };
      const valid = CreateAppealBody.safeParse(input);
      if (!valid.success && errors.length === 0)
        for (const issue of valid.error.issues) {
          const path = String(issue.path[0]);
          const key = (path === 'enterpriseId' ? 'enterprise' : path === 'regionId' ? 'region' : path) as Key;
          errors.push({ key, code: issue.code === 'too_big' ? 'TOO_LONG' : 'VALUE_INVALID' });
        }
      if (errors.length > 0 || !valid.success || !enterprise || !filedOn || !assignedOn) return { errors };
      return {
        input: { create: valid.data, target: reached, departmentId, assignedOn },
        key: `${enterprise.id}|${filedOn}|${compact(title)}`,
      };
    };
  }

  return {
    mapping: ledgerMapping(db, APPEAL_LEDGER),

    async importLedger(
      actor: Actor,
      upload: Upload,
      q: { mode: LedgerImportReport['mode']; sheet?: string },
    ): Promise<LedgerImportReport> {
      const sheet = await readLedgerSheet(db, actor, APPEAL_LEDGER, upload, q.sheet);
      const parse = await parser(actor);
      return runLedgerImport({
        spec: APPEAL_LEDGER,
        sheet,
        mode: q.mode,
        parse,
        async existing(keys) {
          const ids = [...new Set(keys.map((k) => k.split('|')[0]))];
          const there = new Set<string>();
          for (let i = 0; i < ids.length; i += 500) {
            const rows = await db
              .selectFrom('appeals')
              .select(['enterpriseId', 'filedOn', 'title'])
              .where('enterpriseId', 'in', ids.slice(i, i + 500))
              .where(({ ref }) => dialect.under(ref('regionPath'), scopePath(actor)))
              .execute();
            for (const r of rows) there.add(`${r.enterpriseId}|${r.filedOn}|${compact(r.title)}`);
          }
          return new Set(keys.filter((k) => there.has(k)));
        },
        // filed, accepted and assigned on the register's days: every row or none
        write: (rows) =>
          db.transaction().execute(async (trx) => {
            const ids: string[] = [];
            for (const { input } of rows) {
              const filed = await deps.file(actor, input.create, { trx });
              const on = input.create.filedOn;
              let version = filed.version;
              if (input.target !== 'submitted')
                ({ version } = await deps.step(actor, filed.id, 'accept', { version, occurredOn: on }, trx));
              if (input.target === 'assigned' && input.departmentId)
                await deps.step(
                  actor,
                  filed.id,
                  'assign',
                  { version, occurredOn: input.assignedOn, departmentId: input.departmentId },
                  trx,
                );
              ids.push(filed.id);
            }
            return ids;
          }),
      });
    },
  };
}
export type AppealImport = ReturnType<typeof createAppealImport>;
