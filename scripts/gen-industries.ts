/**
 * Generates the industry classification: packages/rules/src/data/industries.json
 *
 * Input: packages/rules/src/data/gb4754-2017.txt, GB/T 4754-2017《国民经济行业分类》 as "code name"
 * lines in the standard's order (where the list comes from: the README beside it). No npm package
 * carries this classification, so the list is kept as reviewed text and this script derives the rest:
 *   - level from the code: 门类 one letter, 大类 2 digits, 中类 3, 小类 4;
 *   - parent: a 大类 belongs to the 门类 line above it, a 中类 to its first 2 digits, a 小类 to its first 3;
 *   - a 中类 the standard does not subdivide appears only as its single 小类 ending in 0
 *     ("0220 造林和更新"); the 中类 (022) is added with the same name, as the standard prints it.
 * Names are normalised (trimmed, half-width brackets to full-width). The counts and the structure
 * are asserted; any failure stops the script before anything is written.
 *
 * Regenerate after editing the text file:
 *   node --import tsx scripts/gen-industries.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface IndustryRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent?: string;
}

/**
 * What the shipped list holds. The standard as published in 2017 counts 20 / 97 / 473 / 1380; the
 * 2019 amendment (第1号修改单) changed some 小类. The public copies this list was checked against both
 * carry 1381 小类 (see the README).
 */
export const EXPECTED_COUNTS = { 1: 20, 2: 97, 3: 473, 4: 1381 } as const;

const normalise = (name: string): string =>
  name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '').trim();

function levelOf(code: string): IndustryRow['level'] {
  if (/^[A-T]$/.test(code)) return 1;
  if (/^\d{2}$/.test(code)) return 2;
  if (/^\d{3}$/.test(code)) return 3;
  if (/^\d{4}$/.test(code)) return 4;
  throw new Error(`Not a GB/T 4754 code: "${code}"`);
}

/** Pure: the rows of the classification, each parent before its children, in the standard's order. */
export function buildIndustries(text: string): IndustryRow[] {
  const rows: IndustryRow[] = [];
  const codes = new Set<string>();
  const add = (row: IndustryRow) => {
    if (codes.has(row.code)) throw new Error(`Duplicate code ${row.code}`);
    if (row.parent && !codes.has(row.parent)) throw new Error(`${row.code}: parent ${row.parent} not seen`);
    codes.add(row.code);
    rows.push(row);
  };
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+)\s+(.+)$/.exec(line);
    if (!match) throw new Error(`Cannot read line "${line}"`);
    const [, code, rawName] = match;
    const name = normalise(rawName);
    const level = levelOf(code);
    if (level === 1) {
      section = code;
      add({ code, name, level });
    } else if (level === 2) {
      if (!section) throw new Error(`大类 ${code} before any 门类`);
      add({ code, name, level, parent: section });
    } else if (level === 3) {
      add({ code, name, level, parent: code.slice(0, 2) });
    } else {
      const group = code.slice(0, 3);
      if (!codes.has(group)) {
        if (!code.endsWith('0')) throw new Error(`小类 ${code} has no 中类 ${group}`);
        add({ code: group, name, level: 3, parent: code.slice(0, 2) });
      }
      add({ code, name, level, parent: group });
    }
  }
  return rows;
}

/** Throws unless the rows have the expected counts and every 中类 and 大类 has children. */
export function checkIndustries(rows: IndustryRow[]): void {
  for (const level of [1, 2, 3, 4] as const) {
    const n = rows.filter((r) => r.level === level).length;
    if (n !== EXPECTED_COUNTS[level])
      throw new Error(`Level ${level}: ${n} rows, expected ${EXPECTED_COUNTS[level]}`);
  }
  const parents = new Set(rows.map((r) => r.parent));
  const childless = rows.filter((r) => r.level < 4 && !parents.has(r.code));
  if (childless.length) throw new Error(`No children: ${childless.map((r) => r.code).join(', ')}`);
  const sections = rows.filter((r) => r.level === 1).map((r) => r.code);
  if (sections.join('') !== 'ABCDEFGHIJKLMNOPQRST')
    throw new Error(`门类 out of order: ${sections.join('')}`);
  const manufacturing = rows.filter((r) => r.level === 2 && r.parent === 'C').map((r) => Number(r.code));
  if (Math.min(...manufacturing) !== 13 || Math.max(...manufacturing) !== 43 || manufacturing.length !== 31)
    throw new Error('门类 C should hold 大类 13–43');
}

/** One object per line, so a changed class shows up as a one-line diff. */
export function formatIndustries(rows: IndustryRow[]): string {
  return `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;
}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../packages/rules/src/data');
export const SOURCE_PATH = join(DATA_DIR, 'gb4754-2017.txt');
export const INDUSTRIES_PATH = join(DATA_DIR, 'industries.json');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = buildIndustries(readFileSync(SOURCE_PATH, 'utf8'));
  checkIndustries(rows);
  writeFileSync(INDUSTRIES_PATH, formatIndustries(rows));
  const count = (level: number) => rows.filter((r) => r.level === level).length;
  console.log(
    `Wrote ${INDUSTRIES_PATH}: ${count(1)} 门类, ${count(2)} 大类, ${count(3)} 中类, ${count(4)} 小类`,
  );
}
