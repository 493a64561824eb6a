/**
 * `npm run bench -- import`: a project ledger import at scale over HTTP (issue 21).
 *
 * Generates a workbook of BENCH_IMPORT_ROWS (default 20,000) project rows with exceljs — the office
 * ledger as the import tests write it (two title rows, the header on row 3): names, 所在地 (county
 * names, or division codes where a name is shared), industry codes, amounts in 万元, some foreign
 * capital, investors with valid credit codes (a pool of 1,000: the first rows create them, later
 * rows find them), every stage from 线索 to 投产 with its dates. Then, per database of BENCH_DBS
 * (default sqlite,postgres; PostgreSQL via PG_ADMIN_URL, a throw-away database), a server process
 * on a fresh demo database, signed in as admin (province scope):
 *   parse   exceljs reading the whole file (`workbook.xlsx.load`), in the bench process: the
 *           yardstick issue 21 measured against, the best of 3 (its streaming reader, which the
 *           server uses, is printed beside it);
 *   check   POST /projects/import?mode=check until the job is done;
 *   commit  POST /projects/import?mode=commit until the job is done (it checks, then writes);
 * while GET /api/health is polled every ~20 ms: its p50 / p99 / max during check and commit.
 * Targets: commit ≤ 3 × parse, health p99 ≤ 50 ms during the commit.
 */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { creditCodeCheckChar } from '@yingshang/rules';
import ExcelJS from 'exceljs';
import regions from '../apps/server/src/modules/orgs/seed-data/regions.json' with { type: 'json' };
import { orgCodeCheck, Rng } from '../apps/server/src/seed/demo/generate-projects.js';
import { type HttpClient, PASSWORD, pgDatabase, signIn } from '../apps/server/test/resilience/helpers.js';
import { startServer } from '../apps/server/test/spawn-server.js';

const HEADERS = [
  '序号',
  '项目名称',
  '项目编号',
  '所在地',
  '行业代码',
  '总投资（万元）',
  '其中外资（万美元）',
  '投资方',
  '投资方统一社会信用代码',
  '项目类型',
  '阶段',
  '签约日期',
  '开工日期',
  '投产日期',
  '责任领导',
  '备注',
];
const INDUSTRIES = ['2521', '3825', '3874', '1311', 'C2521', '3130', '2614', '3511'];
const TYPES = ['新建', '新建', '扩建', '东部转移'];
const STAGES = ['线索', '在谈', '签约', '签约', '开工', '开工', '投产'];
const LEADERS = ['王副市长', '李副县长', '张主任', null, null];
const ORG = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The workbook: `n` rows, as an office sends it. */
export async function importWorkbook(n: number): Promise<Buffer> {
  const r = new Rng(21);
  const counties = regions.filter((u) => u.kind === 'county');
  const nameCount = new Map<string, number>();
  for (const c of counties) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const places = counties.map((c) => ((nameCount.get(c.name) ?? 0) > 1 ? c.code : c.name));
  const provinces = ['11', '32', '44', '14', '31', '33', '37', '41'];
  const investors = Array.from({ length: 1000 }, (_, i) => {
    const eight = Array.from({ length: 8 }, () =>
      r.float() < 0.8 ? String(Math.floor(r.float() * 10)) : r.pick([...ORG.slice(10)]),
    ).join('');
    const first17 = `91${r.pick(provinces)}0100${eight}${orgCodeCheck(eight)}`;
    return {
      name: `基准投资方${String(i).padStart(4, '0')}有限公司`,
      code: `${first17}${creditCodeCheckChar(first17)}`,
    };
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['山西省招商项目台账（基准）']);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.addRow([`填报日期：${day(Date.now())}`]);
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.addRow(HEADERS);
  // stage dates within the last two years, in order, all before today
  const DAY = 86_400_000;
  const end = Date.now() - 2 * DAY;
  for (let i = 0; i < n; i++) {
    const stage = r.pick(STAGES);
    const inv = investors[Math.floor(r.float() * investors.length)];
    const signed = end - Math.floor(200 + r.float() * 500) * DAY;
    const started = signed + Math.floor(r.float() * 90) * DAY;
    const producing = Math.min(end, started + Math.floor(r.float() * 120) * DAY);
    const reached = STAGES.indexOf(stage);
    const total = Math.round(1000 + r.float() * 200_000) / 10;
    const foreign = r.float() < 0.1 ? Math.round((r.float() * total) / 10) : null;
    ws.addRow([
      i + 1,
      `基准导入项目${String(i).padStart(6, '0')}${r.pick(['项目', '建设项目', '二期项目'])}`,
      null,
      r.pick(places),
      r.pick(INDUSTRIES),
      total,
      foreign,
      inv.name,
      inv.code,
      r.pick(TYPES),
      stage,
      reached >= 2 ? day(signed) : null,
      reached >= 4 ? day(started) : null,
      reached >= 6 ? day(producing) : null,
      r.pick(LEADERS),
      r.float() < 0.2 ? '一期已完成环评' : null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs reading the whole workbook (`xlsx.load`): the yardstick of issue 21, in ms. */
async function loadMs(file: Buffer): Promise<number> {
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  if (wb.worksheets[0].rowCount === 0) throw new Error('no rows read');
  return performance.now() - t0;
}

/** exceljs's streaming reader over every row (as the server's reader drives it), in ms. */
async function streamMs(file: Buffer): Promise<number> {
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader)
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) if (row.values) rows += 1;
  if (rows === 0) throw new Error('no rows read');
  return performance.now() - t0;
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

interface Job {
  status: string;
  phase: string;
  code: string | null;
  created: number;
  updated: number;
  skipped: number;
  errorCount: number;
  errors: { row: number; message: string }[];
}

/** One import over HTTP, start to end, with the health check polled meanwhile. */
async function timedImport(baseUrl: string, c: HttpClient, file: Buffer, mode: 'check' | 'commit') {
  const health: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/health`);
      await res.arrayBuffer();
      health.push(performance.now() - t0);
      await sleep(Math.max(0, 20 - (performance.now() - t0)));
    }
  })();
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'bench-ledger.xlsx');
  const res = await fetch(`${baseUrl}/api/v1/projects/import?mode=${mode}`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    body: form,
  });
  if (res.status !== 202) throw new Error(`import ${mode}: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  let job: Job;
  /** When the job was first seen writing, and the health checks from then on. */
  let writingAt: number | null = null;
  let writingFrom = 0;
  for (;;) {
    job = (await (await c.get(`/api/v1/projects/import/${id}`)).json()) as Job;
    if (job.status !== 'running') break;
    if (job.phase === 'writing' && writingAt === null) {
      writingAt = performance.now();
      writingFrom = health.length;
    }
    await sleep(25);
  }
  const end = performance.now();
  running = false;
  await poller;
  const stats = (xs: number[]) => ({
    n: xs.length,
    p50: quantile(xs, 0.5),
    p99: quantile(xs, 0.99),
    max: xs.length ? Math.max(...xs) : Number.NaN,
  });
  return {
    ms: end - t0,
    /** The writing phase alone (as seen by polling every 25 ms; null when never seen). */
    writingMs: writingAt === null ? null : end - writingAt,
    job,
    health: stats(health),
    writingHealth: stats(health.slice(writingFrom)),
  };
}

export async function importBench(): Promise<void> {
  const n = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
  const dbs = (process.env.BENCH_DBS ?? 'sqlite,postgres').split(',');
  const t0 = performance.now();
  const file = await importWorkbook(n);
  console.log(
    `营商通 bench · import · ${n} rows, ${(file.length / 1e6).toFixed(1)} MB (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const best = async (f: (file: Buffer) => Promise<number>) =>
    Math.min(await f(file), await f(file), await f(file));
  const parse = await best(loadMs);
  const stream = await best(streamMs);
  console.log(
    `parse (exceljs xlsx.load, best of 3): ${parse.toFixed(0)} ms — exceljs's streaming read of every row: ${stream.toFixed(0)} ms\n`,
  );
  console.log(
    'database'.padEnd(10),
    'phase'.padEnd(8),
    'ms'.padStart(8),
    '× parse'.padStart(8),
    'target'.padStart(8),
    'health n'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'max ms'.padStart(8),
    '  result',
  );
  for (const kind of dbs) {
    let database: Awaited<ReturnType<typeof pgDatabase>> | null = null;
    if (kind === 'postgres') {
      try {
        database = await pgDatabase('ys_bench_import');
      } catch (err) {
        console.log(`postgres: skipped (${(err as Error).message})`);
        continue;
      }
    }
    const server = await startServer(PASSWORD, {
      SEED_DEMO: 'true',
      ...(database && { DATABASE_URL: database.url }),
    });
    try {
      const c = await signIn(server.baseUrl);
      for (const mode of ['check', 'commit'] as const) {
        const r = await timedImport(server.baseUrl, c, file, mode);
        const ok =
          r.job.status === 'done' &&
          r.job.errorCount === 0 &&
          (mode === 'check' || r.job.created + r.job.updated + r.job.skipped === n);
        if (mode === 'commit' && r.writingMs !== null)
          console.log(
            kind.padEnd(10),
            '(writing'.padEnd(8),
            r.writingMs.toFixed(0).padStart(8),
            (r.writingMs / parse).toFixed(1).padStart(8),
            ''.padStart(8),
            String(r.writingHealth.n).padStart(9),
            r.writingHealth.p50.toFixed(1).padStart(8),
            r.writingHealth.p99.toFixed(1).padStart(8),
            r.writingHealth.max.toFixed(1).padStart(8),
            '  the write phase alone)',
          );
        console.log(
          kind.padEnd(10),
          mode.padEnd(8),
          r.ms.toFixed(0).padStart(8),
          (r.ms / parse).toFixed(1).padStart(8),
          (mode === 'commit' ? '≤ 3.0' : '').padStart(8),
          String(r.health.n).padStart(9),
          r.health.p50.toFixed(1).padStart(8),
          r.health.p99.toFixed(1).padStart(8),
          r.health.max.toFixed(1).padStart(8),
          ok
            ? `  ${r.job.status}${mode === 'commit' ? `, ${r.job.created} created` : ''}`
            : `  ${r.job.status} ${r.job.code} ${r.job.errorCount} errors ${JSON.stringify(r.job.errors.slice(0, 3))}`,
        );
      }
    } finally {
      await server.stop();
      await database?.drop();
    }
  }
  console.log('\nTargets (issue 21): commit ≤ 3 × parse; health p99 ≤ 50 ms during the commit.');
}
