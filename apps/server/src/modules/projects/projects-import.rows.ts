/**
 * One ledger row → a project's values, or every problem of the row with a clear zh-CN message.
 * Pure: the checks that need no database (amounts, codes, dates, stage). Region, investors and the
 * existing project are resolved by projects-import.service.ts. The limits are the API's own
 * (contracts CreateProjectBody / InvestorInput are applied last as a safety net).
 */
import {
  CreateProjectBody,
  type ImportRowError,
  InvestorInput,
  type ProjectStatus,
  type Stage,
} from '@yingshang/contracts';
import {
  creditCodeProblem,
  INDUSTRIES,
  industryByCode,
  type OriginGroupKey,
  originGroup,
  usdCentsToFen,
} from '@yingshang/rules';
import { normaliseName } from './investors.repository.js';
import {
  type CellValue,
  cellText,
  columnDef,
  compact,
  type LedgerKey,
  normaliseProjectName,
  parseAmount,
  parseDay,
  parseProjectType,
  parseStage,
  STAGE_LABELS,
} from './projects.ledger.js';
import type { LedgerHeader, RawRow } from './projects-import.reader.js';

/** Money bounds of the API (contracts Fen / UsdCents). */
const MAX_FEN = 1e15;
const MAX_USD_CENTS = 1e14;
const MAX_INVESTORS = 10;
const LIST_SEPARATOR = /[、;；\n]/;

export type ProjectType = 'new' | 'expansion' | 'relocation';
export type StageDateKey = 'negotiatingOn' | 'signedOn' | 'startedOn' | 'producingOn';
export const STAGE_DATE_KEYS: Record<Exclude<Stage, 'lead'>, StageDateKey> = {
  negotiating: 'negotiatingOn',
  signed: 'signedOn',
  started: 'startedOn',
  producing: 'producingOn',
};
const DATED_STAGES = ['negotiating', 'signed', 'started', 'producing'] as const;

export interface InvestorSpec {
  name: string;
  nameNorm: string;
  creditCode: string | null;
  foreignRegNo: string | null;
  country: string | null;
  provinceCode: string | null;
  /** Null when the row does not tell (an existing investor found by name must then supply it). */
  originGroup: OriginGroupKey | null;
}

export interface ParsedRow {
  row: number;
  name: string;
  nameNorm: string;
  code: string | null;
  regionText: string;
  industryCode: string;
  totalFen: number;
  /** Undefined when the sheet has no such column (an existing project keeps its value). */
  foreignCents: number | undefined;
  investors: InvestorSpec[];
  projectType: ProjectType | undefined;
  stage: ProjectStatus | undefined;
  /** Stage dates the row gives. */
  dates: Partial<Record<StageDateKey, string>>;
  leader: string | null | undefined;
  notes: string | null | undefined;
}

export interface RowContext {
  header: LedgerHeader;
  today: string;
  usdCnyRate: string;
}

/** The header text of a column as the file writes it (or the standard one). */
export const columnName = (header: LedgerHeader, key: LedgerKey) =>
  header.columns.get(key)?.header ?? columnDef(key).header;

const CREDIT_CODE_MESSAGES = {
  LENGTH: '应为 18 位',
  CHARACTERS: '含有不允许的字符（不使用 I、O、S、V、Z，第 3–8 位为数字）',
  CHECK_DIGIT: '校验位不正确（按 GB 32100-2015 计算），请核对',
} as const;

const splitList = (text: string) => text.split(LIST_SEPARATOR).map((s) => s.trim());

export function parseRow(raw: RawRow, ctx: RowContext): { value?: ParsedRow; errors: ImportRowError[] } {
  const { header, today } = ctx;
  const errors: ImportRowError[] = [];
  const err = (key: LedgerKey | null, message: string) =>
    errors.push({ row: raw.row, column: key ? columnName(header, key) : null, message });
  const has = (key: LedgerKey) => header.columns.has(key);
  const cell = (key: LedgerKey): CellValue => raw.cells[key] ?? null;
  const text = (key: LedgerKey) => cellText(cell(key)).normalize('NFKC').trim();
  const textOrNull = (key: LedgerKey) => text(key) || null;

  // 项目名称, 项目编号
  const name = cellText(cell('name')).replace(/\s+/g, ' ').trim();
  if (!name) err('name', '项目名称不能为空');
  else if (name.length > 200) err('name', `项目名称不能超过 200 个字（现为 ${name.length} 个字）`);
  const code = has('code') ? text('code').toUpperCase() || null : null;

  // 所在地 (resolved against the regions later)
  const regionText = text('region');
  if (!regionText) err('region', '所在地不能为空，请填写县（市、区）或开发区名称，或其区划代码');

  // 行业代码
  let industryCode = '';
  const industryText = text('industryCode').toUpperCase();
  const industryWords = has('industryName') ? text('industryName') : '';
  if (!industryText && industryWords) {
    const m = industryByWords(industryWords);
    if ('code' in m) industryCode = m.code;
    else err('industryName', m.message);
  } else if (!industryText)
    err('industryCode', '行业代码不能为空（《国民经济行业分类》GB/T 4754-2017 代码，如 2521）');
  else {
    // A number cell loses a leading zero (0511 → 511): try it back.
    const found =
      industryByCode(industryText) ??
      (typeof cell('industryCode') === 'number' && industryText.length % 2 === 1
        ? industryByCode(`0${industryText}`)
        : undefined);
    if (found) industryCode = found.code;
    else err('industryCode', `行业代码「${industryText}」不在《国民经济行业分类》（GB/T 4754-2017）中`);
  }

  // 总投资, 外资
  const totalCol = header.columns.get('total');
  let totalFen = 0;
  let totalOk = false;
  if (cell('total') === null) err('total', '总投资不能为空');
  else if (totalCol?.scale !== undefined) {
    const p = parseAmount(cell('total'), totalCol.scale, '总投资');
    if (!p.ok) err('total', p.message);
    else if (p.value > MAX_FEN) err('total', '总投资超过 10 万亿元，请检查金额和单位');
    else {
      totalFen = p.value;
      totalOk = true;
    }
  }
  const foreignCol = header.columns.get('foreign');
  let foreignCents: number | undefined;
  if (foreignCol?.scale !== undefined) {
    foreignCents = 0;
    if (cell('foreign') !== null) {
      const p = parseAmount(cell('foreign'), foreignCol.scale, '外资');
      if (!p.ok) err('foreign', p.message);
      else if (p.value > MAX_USD_CENTS) err('foreign', '外资超过 1 万亿美元，请检查金额和单位');
      else if (totalOk && usdCentsToFen(p.value, ctx.usdCnyRate) > totalFen)
        err('foreign', `外资折合人民币（按 1 美元 = ${ctx.usdCnyRate} 元）超过了总投资`);
      else foreignCents = p.value;
    }
  }

  // 投资方 with 统一社会信用代码, or 境外注册号 + 国别
  const investors: InvestorSpec[] = [];
  const names = splitList(cellText(cell('investor'))).filter(Boolean);
  if (names.length === 0) err('investor', '投资方不能为空');
  else if (names.length > MAX_INVESTORS)
    err('investor', `投资方最多 ${MAX_INVESTORS} 个（现为 ${names.length} 个）`);
  else {
    const codeCell = cell('creditCode');
    const codes = cellText(codeCell) ? splitList(cellText(codeCell)) : [];
    const regNos = text('foreignRegNo') ? splitList(text('foreignRegNo')) : [];
    const countries = text('country') ? splitList(text('country')) : [];
    const aligned = (list: string[], key: LedgerKey, what: string) => {
      if (list.length === 0 || list.length === names.length) return true;
      err(
        key,
        `${what}的个数（${list.length}）与投资方的个数（${names.length}）不一致，多个时请用「、」分隔并一一对应`,
      );
      return false;
    };
    const codesOk = aligned(codes, 'creditCode', '统一社会信用代码');
    const regOk = aligned(regNos, 'foreignRegNo', '境外注册号');
    const countryOk = aligned(countries, 'country', '国别');
    if (typeof codeCell === 'number')
      err('creditCode', '统一社会信用代码须以文本格式填写（数字格式会丢失末位），请将该列设为文本后重新填写');
    else if (codesOk && regOk && countryOk) {
      names.forEach((investorName, i) => {
        const creditCode = (codes[i] ?? '').normalize('NFKC').replace(/\s/g, '').toUpperCase() || null;
        const foreignRegNo = regNos[i] || null;
        const country = countries[i] || null;
        const label = names.length > 1 ? `第 ${i + 1} 个投资方「${investorName}」的` : '';
        let group: OriginGroupKey | null = null;
        let provinceCode: string | null = null;
        if (investorName.length > 200)
          err('investor', `投资方名称不能超过 200 个字：「${investorName.slice(0, 20)}…」`);
        if (creditCode) {
          const problem = creditCodeProblem(creditCode);
          if (problem) {
            err('creditCode', `${label}统一社会信用代码「${creditCode}」${CREDIT_CODE_MESSAGES[problem]}`);
            return;
          }
          provinceCode = creditCode.slice(2, 4);
          group = originGroup({ provinceCode });
          if (!group) {
            err('creditCode', `${label}统一社会信用代码「${creditCode}」的第 3–4 位不是有效的省份代码`);
            return;
          }
        } else if (foreignRegNo || country) {
          if (!foreignRegNo || !country) {
            err(foreignRegNo ? 'country' : 'foreignRegNo', `${label}境外投资方须同时填写境外注册号和国别`);
            return;
          }
          group = originGroup({ country });
          if (!group) {
            err('country', `${label}国别为中国的投资方请填写统一社会信用代码`);
            return;
          }
        }
        const spec: InvestorSpec = {
          name: investorName,
          nameNorm: normaliseName(investorName),
          creditCode,
          foreignRegNo: creditCode ? null : foreignRegNo,
          country: creditCode ? null : country,
          provinceCode,
          originGroup: group,
        };
        const check = InvestorInput.safeParse({
          name: spec.name,
          creditCode: spec.creditCode,
          foreignRegNo: spec.foreignRegNo,
          country: spec.country,
        });
        if (!check.success) {
          err('investor', `${label}投资方信息不符合要求：${check.error.issues[0].message}`);
          return;
        }
        investors.push(spec);
      });
    }
  }

  // 项目类型
  let projectType: ProjectType | undefined;
  if (text('projectType')) {
    projectType = parseProjectType(text('projectType'));
    if (!projectType)
      err('projectType', `项目类型「${text('projectType')}」无法识别，应为 新建、扩建 或 东部转移`);
  }

  // 阶段 and its dates
  let stage: ProjectStatus | undefined;
  if (text('stage')) {
    stage = parseStage(text('stage'));
    if (!stage) err('stage', `阶段「${text('stage')}」无法识别，应为 线索、在谈、签约、开工、投产 或 终止`);
  }
  const dates: Partial<Record<StageDateKey, string>> = {};
  let datesOk = true;
  for (const s of DATED_STAGES) {
    const key = STAGE_DATE_KEYS[s];
    if (cell(key) === null) continue;
    const label = columnDef(key).header;
    const p = parseDay(cell(key), label);
    if (!p.ok) {
      err(key, p.message);
      datesOk = false;
    } else if (p.value > today) {
      err(key, `${label}（${p.value}）不能晚于今天（${today}）`);
      datesOk = false;
    } else dates[key] = p.value;
  }
  if (datesOk) {
    let previous: { key: StageDateKey; day: string } | null = null;
    for (const s of DATED_STAGES) {
      const key = STAGE_DATE_KEYS[s];
      const day = dates[key];
      if (!day) continue;
      if (previous && day < previous.day)
        err(
          key,
          `${columnDef(key).header}（${day}）不能早于${columnDef(previous.key).header}（${previous.day}）`,
        );
      previous = { key, day };
    }
  }
  if (stage && stage !== 'terminated') {
    const reached = DATED_STAGES.slice(0, DATED_STAGES.indexOf(stage as (typeof DATED_STAGES)[number]) + 1);
    for (const s of DATED_STAGES) {
      const key = STAGE_DATE_KEYS[s];
      // 在谈 has no column in the standard ledger: its date is optional.
      if (reached.includes(s) && s !== 'negotiating' && !dates[key] && cell(key) === null)
        err(key, `阶段为「${STAGE_LABELS[stage]}」，须填写${columnDef(key).header}`);
      if (!reached.includes(s) && cell(key) !== null)
        err(key, `阶段为「${STAGE_LABELS[stage]}」，不应填写${columnDef(key).header}`);
    }
  } else if (!stage && !text('stage') && Object.keys(dates).length > 0) {
    err('stage', '填写了阶段日期，请同时填写阶段（线索、在谈、签约、开工、投产）');
  }

  // 责任领导, 备注
  const leader = has('leader') ? textOrNull('leader') : undefined;
  if (leader && leader.length > 64) err('leader', '责任领导不能超过 64 个字');
  const notes = has('notes') ? cellText(cell('notes')) || null : undefined;
  if (notes && notes.length > 4000) err('notes', '备注不能超过 4000 个字');

  if (errors.length > 0) return { errors };

  // The API's own schema, last: whatever it refuses, the import refuses too.
  const body = CreateProjectBody.safeParse({
    name,
    regionId: 'region',
    industryCode,
    totalInvestmentFen: totalFen,
    foreignCapitalUsdCents: foreignCents ?? 0,
    projectType: projectType ?? 'new',
    investorIds: investors.map((_, i) => `investor-${i}`),
    leaderName: leader ?? null,
    notes: notes ?? null,
  });
  if (!body.success) {
    for (const issue of body.error.issues) {
      const key = ISSUE_COLUMNS[String(issue.path[0])] ?? null;
      err(key, `${key ? columnName(header, key) : '该行'}不符合要求：${issue.message}`);
    }
    return { errors };
  }

  return {
    errors,
    value: {
      row: raw.row,
      name,
      nameNorm: normaliseProjectName(name),
      code,
      regionText,
      industryCode,
      totalFen,
      foreignCents,
      investors,
      projectType,
      stage,
      dates,
      leader,
      notes,
    },
  };
}

const ISSUE_COLUMNS: Record<string, LedgerKey> = {
  name: 'name',
  industryCode: 'industryCode',
  totalInvestmentFen: 'total',
  foreignCapitalUsdCents: 'foreign',
  projectType: 'projectType',
  investorIds: 'investor',
  leaderName: 'leader',
  notes: 'notes',
};

/**
 * The industry a ledger names in words (产业类别 「炼焦」「光伏设备及元器件制造」): the GB/T 4754 class
 * of that exact name, else the one class whose name contains the words (or the class holding all
 * that do); several are offered by code and name for the clerk to write the code instead.
 */
export function industryByWords(words: string): { code: string } | { message: string } {
  const w = compact(words);
  const exact = INDUSTRIES.filter((i) => compact(i.name) === w);
  if (exact.length > 0) return { code: exact.sort((a, b) => b.code.length - a.code.length)[0].code };
  const near = INDUSTRIES.filter((i) => compact(i.name).includes(w)).sort(
    (a, b) => a.code.length - b.code.length,
  );
  // one class, or a class and classes under it: the class that holds them all
  if (near.length > 0 && near.every((i) => i.code.startsWith(near[0].code))) return { code: near[0].code };
  if (near.length === 0)
    return {
      message: `行业「${words}」在《国民经济行业分类》（GB/T 4754-2017）中找不到，请改填行业代码（如 2521）`,
    };
  const offered = near.slice(0, 5).map((i) => `${i.code} ${i.name}`);
  return {
    message: `行业「${words}」对应多个行业（${offered.join('；')}${near.length > 5 ? ' 等' : ''}），请在「行业代码」列填写其中一个代码`,
  };
}
