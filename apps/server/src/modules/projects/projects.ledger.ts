/**
 * The project ledger (招商项目台账) as offices keep it in Excel: its columns, the zh-CN labels of
 * stages and project types, and the pure parsing of what a clerk may have typed into a cell.
 * Shared by the export (projects.excel.ts) and the import (projects-import.*.ts), so that an
 * exported file reads back as it was written.
 */
import type { ProjectStatus } from '@yingshang/contracts';
import { fenToWan, ORIGIN_GROUPS } from '@yingshang/rules';
import {
  bad,
  type CellValue,
  cellText,
  compact,
  ok,
  type Parsed,
  parseDay,
  plainCell,
} from '../../kernel/ledger-cells.js';

type ProjectType = 'new' | 'expansion' | 'relocation';

/** The server's zh-CN labels (the web app has its own message table). */
export const STAGE_LABELS: Record<ProjectStatus, string> = {
  lead: '线索',
  negotiating: '在谈',
  signed: '签约',
  started: '开工',
  producing: '投产',
  terminated: '终止',
};
export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  new: '新建',
  expansion: '扩建',
  relocation: '东部转移',
};
export const ORIGIN_LABELS: Record<string, string> = Object.fromEntries(
  ORIGIN_GROUPS.map((g) => [g.key, g.zh]),
);

/** What a ledger cell may say for a stage or a project type, beyond the labels above. */
const STAGE_WORDS: Record<string, ProjectStatus> = {
  ...Object.fromEntries(Object.entries(STAGE_LABELS).map(([k, v]) => [v, k as ProjectStatus])),
  洽谈: 'negotiating',
  已签约: 'signed',
  已开工: 'started',
  在建: 'started',
  已投产: 'producing',
  竣工投产: 'producing',
  已终止: 'terminated',
};
const TYPE_WORDS: Record<string, ProjectType> = {
  ...Object.fromEntries(Object.entries(PROJECT_TYPE_LABELS).map(([k, v]) => [v, k as ProjectType])),
  改扩建: 'expansion',
  转移: 'relocation',
  产业转移: 'relocation',
};

export function parseStage(text: string): ProjectStatus | undefined {
  const t = compact(text);
  return STAGE_WORDS[t] ?? (t in STAGE_LABELS ? (t as ProjectStatus) : undefined);
}
export function parseProjectType(text: string): ProjectType | undefined {
  const t = compact(text);
  return TYPE_WORDS[t] ?? (t in PROJECT_TYPE_LABELS ? (t as ProjectType) : undefined);
}

export { type CellValue, cellText, compact, type Parsed, parseDay, plainCell };

/** Column keys of the ledger. */
export type LedgerKey =
  | 'seq'
  | 'name'
  | 'code'
  | 'region'
  | 'industryCode'
  | 'industryName'
  | 'total'
  | 'foreign'
  | 'investor'
  | 'creditCode'
  | 'foreignRegNo'
  | 'country'
  | 'origin'
  | 'projectType'
  | 'stage'
  | 'negotiatingOn'
  | 'signedOn'
  | 'startedOn'
  | 'producingOn'
  | 'leader'
  | 'funds'
  | 'blocked'
  | 'notes';

/** Money units a header may carry, as a power of ten of the stored unit (fen for CNY, cents for USD). */
const CNY_UNITS: Record<string, number> = { 元: 2, 万元: 6, 亿元: 10 };
const USD_UNITS: Record<string, number> = { 美元: 2, 万美元: 6, 亿美元: 10 };

interface ColumnDef {
  key: LedgerKey;
  /** The exported header. */
  header: string;
  /** Header names (normalised, unit removed) the import accepts. */
  aliases: string[];
  width: number;
  money?: 'cny' | 'usd';
  /** The unit an exported or unit-less header means. */
  unit?: string;
  required?: boolean;
  /** Only an export column: the import ignores it (derived from other data). */
  derived?: boolean;
  /** Only an import column: not exported. */
  importOnly?: boolean;
}

export const LEDGER_COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', aliases: ['序号'], width: 6, derived: true },
  { key: 'name', header: '项目名称', aliases: ['项目名称'], width: 36, required: true },
  { key: 'code', header: '项目编号', aliases: ['项目编号'], width: 22 },
  {
    key: 'region',
    header: '所在地',
    aliases: [
      '所在地',
      '项目所在地',
      '所在县区',
      '所在县',
      '县区',
      '所属县区',
      '县(市、区)',
      '所在县(市、区)',
      '建设地点',
      '项目地点',
      '落地县区',
      '所在开发区',
    ],
    width: 14,
    required: true,
  },
  {
    key: 'industryCode',
    header: '行业代码',
    aliases: ['行业代码', '国民经济行业代码', '行业分类代码'],
    width: 10,
    required: true,
  },
  {
    key: 'industryName',
    header: '行业名称',
    // the industry in words: matched to GB/T 4754 when the ledger has no 行业代码 column
    aliases: ['行业名称', '产业类别', '所属行业', '行业类别', '产业类型', '行业'],
    width: 24,
  },
  {
    key: 'total',
    header: '总投资（万元）',
    aliases: [
      '总投资',
      '计划总投资',
      '总投资额',
      '项目总投资',
      '投资总额',
      '协议投资',
      '协议投资额',
      '签约投资额',
    ],
    width: 16,
    money: 'cny',
    unit: '万元',
    required: true,
  },
  {
    key: 'foreign',
    header: '其中外资（万美元）',
    aliases: ['其中外资', '外资', '其中:外资', '利用外资'],
    width: 16,
    money: 'usd',
    unit: '万美元',
  },
  {
    key: 'investor',
    header: '投资方',
    aliases: ['投资方', '投资方名称', '投资主体', '投资企业', '签约企业', '签约主体', '投资单位'],
    width: 32,
    required: true,
  },
  {
    key: 'creditCode',
    header: '投资方统一社会信用代码',
    aliases: ['投资方统一社会信用代码', '统一社会信用代码', '信用代码'],
    width: 22,
  },
  {
    key: 'foreignRegNo',
    header: '境外注册号',
    aliases: ['境外注册号', '境外投资方注册号'],
    width: 16,
    importOnly: true,
  },
  { key: 'country', header: '国别', aliases: ['国别', '国家', '国家或地区'], width: 10, importOnly: true },
  { key: 'origin', header: '来源地区', aliases: ['来源地区', '来源地'], width: 12, derived: true },
  { key: 'projectType', header: '项目类型', aliases: ['项目类型'], width: 10 },
  {
    key: 'stage',
    header: '阶段',
    aliases: ['阶段', '项目阶段', '推进阶段', '项目进展', '当前阶段', '进展情况', '项目状态'],
    width: 8,
  },
  { key: 'negotiatingOn', header: '在谈日期', aliases: ['在谈日期'], width: 12, importOnly: true },
  { key: 'signedOn', header: '签约日期', aliases: ['签约日期', '签约时间'], width: 12 },
  { key: 'startedOn', header: '开工日期', aliases: ['开工日期', '开工时间'], width: 12 },
  { key: 'producingOn', header: '投产日期', aliases: ['投产日期', '投产时间'], width: 12 },
  {
    key: 'leader',
    header: '责任领导',
    aliases: ['责任领导', '包联领导', '包抓领导', '分管领导', '联系领导'],
    width: 14,
  },
  {
    key: 'funds',
    header: '到位资金（万元）',
    aliases: ['到位资金'],
    width: 16,
    money: 'cny',
    unit: '万元',
    derived: true,
  },
  { key: 'blocked', header: '是否受阻', aliases: ['是否受阻'], width: 10, derived: true },
  { key: 'notes', header: '备注', aliases: ['备注'], width: 30 },
];
export const EXPORT_COLUMNS = LEDGER_COLUMNS.filter((c) => !c.importOnly);
export const columnDef = (key: LedgerKey) => LEDGER_COLUMNS.find((c) => c.key === key)!;

export interface HeaderMatch {
  key: LedgerKey;
  /** Power of ten from the header's unit to fen / cents (money columns). */
  scale?: number;
  /** The header's unit when it is not one the column accepts. */
  badUnit?: string;
}

/**
 * The column a header names: tolerant of full-width / half-width brackets, spaces, line breaks and
 * a unit suffix (总投资（万元）, 总投资(亿元), 总投资 万元, 总投资/亿元). Undefined for other headers.
 */
export function matchHeader(text: string): HeaderMatch | undefined {
  for (const [base, unit] of headerParts(text)) {
    const def = LEDGER_COLUMNS.find((c) => c.aliases.includes(base));
    if (def) return withUnit(def, unit);
  }
  return undefined;
}

/** A header as a whole, and as a name with a unit after it (总投资（亿元） → 总投资, 亿元). */
function headerParts(text: string): [string, string | undefined][] {
  const h = compact(text);
  if (!h) return [];
  const m = /^(.+?)(?:\(([^()]*)\)|\/(.+)|[:：]?(元|万元|亿元|美元|万美元|亿美元))$/.exec(h);
  const parts: [string, string | undefined][] = [[h, undefined]];
  if (m) parts.push([m[1], m[2] ?? m[3] ?? m[4]]);
  return parts;
}

function withUnit(def: ColumnDef, unit: string | undefined): HeaderMatch {
  if (!def.money) return { key: def.key };
  const units = def.money === 'cny' ? CNY_UNITS : USD_UNITS;
  const u = (unit ?? def.unit!).replace(/^单位[:：]?/, '');
  if (!(u in units)) return { key: def.key, badUnit: unit };
  return { key: def.key, scale: units[u] };
}

/**
 * A header the clerk mapped to a column (the unit's saved mapping): that column, with the money
 * unit the header names (投资额（亿元） mapped to 总投资 is read in 亿元), else the column's own.
 */
export function mappedHeader(key: LedgerKey, text: string): HeaderMatch {
  const def = columnDef(key);
  const unit = headerParts(text)
    .map(([, u]) => u)
    .find((u) => u !== undefined && /(元|美元)$/.test(u.replace(/^单位[:：]?/, '')));
  return withUnit(def, unit);
}

/**
 * An amount in the header's unit to integer minor units (fen / cents), exactly: numbers are taken
 * to the minor unit (a formula's float noise such as 12.300000000000001 disappears), text must
 * not be more precise than that. Thousands separators and the unit after the number are accepted.
 */
export function parseAmount(v: CellValue, scale: number, label: string): Parsed<number> {
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad(`${label}不是有效的金额`);
    text = v.toFixed(scale);
  } else {
    text = cellText(v)
      .normalize('NFKC')
      .replace(/[,\s]/g, '')
      .replace(/(亿美元|万美元|美元|亿元|万元|元)$/, '');
  }
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return bad(`${label}「${cellText(v)}」不是有效的金额`);
  if (m[1] === '-' && /[1-9]/.test(m[2] + (m[3] ?? ''))) return bad(`${label}不能为负数`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return bad(`${label}「${cellText(v)}」的小数位过多（最多精确到分）`);
  const minor = BigInt(m[2]) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return bad(`${label}金额过大，请检查单位`);
  return ok(Number(minor));
}

/** Lower-case, NFKC, without spaces and punctuation: how two spellings of one project name compare. */
export function normaliseProjectName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】《》<>"'“”‘’·.,，、。;；:：\-—_/]/g, '');
}

/** fen or cents → 万元 / 万美元 as the number Excel stores (the double nearest the exact decimal). */
export const wanValue = (minor: number | bigint): number =>
  Number(typeof minor === 'bigint' ? bigMinorToWan(minor) : fenToWan(minor));

/** fenToWan for sums that may pass 2^53 fen. */
export function bigMinorToWan(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}
