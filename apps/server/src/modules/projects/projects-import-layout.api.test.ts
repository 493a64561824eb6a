import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, multipart, type TestApp } from '../../../test/harness.js';
import { addDays, beijingToday } from '../../lib/days.js';

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures', name));
/** Made by LibreOffice Calc (test/fixtures/make-own-layout-fixtures.ts), not by our code. */
const OWN_LAYOUT = fixture('ledger-own-layout.xlsx');
const GBK_CSV = fixture('ledger-own-layout-gbk.csv');

interface Job {
  status: string;
  total: number | null;
  created: number;
  updated: number;
  skipped: number;
  sheet: string | null;
  sheets: string[];
  columns: { col: number; header: string; key: string | null }[];
  errors: { row: number; column: string | null; message: string }[];
  code: string | null;
}

/** An office's own ledger: its layout, its words, its encodings. */
describeApi('project ledger import: the office’s own layout', () => {
  let t: TestApp;
  let linfen: Client;

  async function runImport(c: Client, file: Buffer, name: string, query: string): Promise<Job> {
    const res = await c.request({
      method: 'POST',
      url: `/api/v1/projects/import?${query}`,
      ...multipart(name, file),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    for (let i = 0; i < 2000; i++) {
      const job = (await c.get(`/api/v1/projects/import/${id}`)).json() as Job;
      if (job.status !== 'running') return job;
      await sleep(20);
    }
    throw new Error('the import did not finish');
  }
  const byName = async (name: string) =>
    (await linfen.get(`/api/v1/projects?q=${encodeURIComponent(name)}`)).json().items[0];

  beforeAll(async () => {
    // the fixture's dates are of 2026: whatever year the suite runs in, the city may enter them here
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
  });
  afterAll(() => t.close());

  it('reads a merged title, a two-row header, hidden columns, spacer and 合计 rows, and offers the sheets', async () => {
    const checked = await runImport(linfen, OWN_LAYOUT, '2026年台账.xlsx', 'mode=check');
    expect(checked.errors).toEqual([]);
    expect(checked).toMatchObject({
      status: 'done',
      total: 4,
      // the notes sheet has no ledger; the ledger sheet is read first, the older one offered
      sheet: '2026年签约项目',
      sheets: ['2026年签约项目', '2025年'],
    });
    const other = await runImport(
      linfen,
      OWN_LAYOUT,
      '2026年台账.xlsx',
      `mode=check&sheet=${encodeURIComponent('2025年')}`,
    );
    expect(other).toMatchObject({ sheet: '2025年', total: 1, errors: [] });
    const missing = await runImport(
      linfen,
      OWN_LAYOUT,
      '2026年台账.xlsx',
      `mode=check&sheet=${encodeURIComponent('三季度')}`,
    );
    expect(missing.errors[0].message).toContain('工作表「三季度」中没有找到表头');
  });

  it('commits the values as written: 亿元 and 万美元, dates in every form, stage and industry words, 曲沃 = 曲沃县', async () => {
    const done = await runImport(linfen, OWN_LAYOUT, '2026年台账.xlsx', 'mode=commit');
    expect(done.errors).toEqual([]);
    expect(done).toMatchObject({ status: 'done', created: 4, code: null });
    expect(await byName('晋南智能装备制造产业园项目')).toMatchObject({
      regionName: '曲沃县',
      industryCode: '3411',
      totalInvestmentFen: 250_000_000_00, // 2.5 亿元
      status: 'signed',
      signedOn: '2026-05-12',
      leaderName: '王副县长',
    });
    expect(await byName('高效光伏组件生产线项目')).toMatchObject({
      regionName: '尧都区',
      industryCode: '3825',
      totalInvestmentFen: 120_000_000_00, // １．２ 亿元, full-width
      status: 'negotiating',
    });
    expect(await byName('生物质热电联产项目')).toMatchObject({
      regionName: '侯马市',
      industryCode: '4417',
      status: 'started',
      signedOn: '2026-03-08',
      startedOn: '2026-06-01',
    });
    expect(await byName('有机化工新材料项目')).toMatchObject({
      regionName: '洪洞县',
      industryCode: '2614',
      totalInvestmentFen: 1_500_000_000_00,
      foreignCapitalUsdCents: 5_000_000_00, // 500 万美元
      signedOn: '2026-10-08',
    });
    // the 合计 row, the spacer row and the footnote made no project
    expect((await linfen.get('/api/v1/projects?q=合计')).json().total).toBe(0);

    // the same file again creates nothing new
    const again = await runImport(linfen, OWN_LAYOUT, '2026年台账.xlsx', 'mode=commit');
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 4 });
  });

  it('reads the same ledger saved as CSV on Chinese Windows (GBK): the same four projects, nothing new', async () => {
    const checked = await runImport(linfen, GBK_CSV, '2026年台账.csv', 'mode=check');
    expect(checked.errors).toEqual([]);
    expect(checked).toMatchObject({ status: 'done', total: 4 });
    const committed = await runImport(linfen, GBK_CSV, '2026年台账.csv', 'mode=commit');
    expect(committed).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    // and as UTF-8 with a byte-order mark, as Excel's 「CSV UTF-8」 saves it
    const text = new TextDecoder('gb18030').decode(GBK_CSV);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(await runImport(linfen, utf8, 'utf8.csv', 'mode=check')).toMatchObject({ total: 4, errors: [] });
  });

  it('proposes the columns, takes the clerk’s correction and keeps it for the unit’s next file', async () => {
    const yaodu = await t.login('yaodu');
    const csv = [
      '项目名称,签约企业,统一社会信用代码,计划投资（亿元）,县区,行业,项目进展,签约日期,内部备注',
      `尧都精密铸造项目,北京晋能科技有限公司,91110108MA01A2B3CF,1.5,尧都,炼焦,签约,${beijingToday()},仅供内部`,
    ].join('\r\n');
    const file = Buffer.from(csv, 'utf8');
    const first = await runImport(yaodu, file, '尧都台账.csv', 'mode=check');
    // proposed: the words it knows; 计划投资 it does not, so the required column is missing
    expect(first.columns).toEqual(
      expect.arrayContaining([
        { col: 2, header: '签约企业', key: 'investor' },
        { col: 4, header: '计划投资（亿元）', key: null },
        { col: 6, header: '行业', key: 'industryName' },
      ]),
    );
    expect(first.errors.map((e) => e.message)).toContain('缺少必填列「总投资（万元）」');
    // corrected in the dialog and saved for the unit
    const saved = await yaodu.put('/api/v1/projects/import/mapping', {
      columns: [
        { header: '计划投资（亿元）', key: 'total' },
        { header: '内部备注', key: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await yaodu.get('/api/v1/projects/import/mapping')).json().columns).toEqual([
      { header: '内部备注', key: null },
      { header: '计划投资(亿元)', key: 'total' },
    ]);
    const again = await runImport(yaodu, file, '尧都台账.csv', 'mode=commit');
    expect(again.errors).toEqual([]);
    expect(again.columns).toContainEqual({ col: 4, header: '计划投资（亿元）', key: 'total' });
    expect(again).toMatchObject({ created: 1 });
    const p = (await yaodu.get(`/api/v1/projects?q=${encodeURIComponent('尧都精密铸造项目')}`)).json()
      .items[0];
    // read in the header's unit: 1.5 亿元
    expect(p).toMatchObject({ totalInvestmentFen: 150_000_000_00, industryCode: '2521', status: 'signed' });
    // another unit's files are read with its own mapping, not 尧都's
    const other = await runImport(linfen, file, '尧都台账.csv', 'mode=check');
    expect(other.columns).toContainEqual({ col: 4, header: '计划投资（亿元）', key: null });
  });

  it('names a row whose signing lies before the county’s back-date limit, and writes nothing of the file', async () => {
    const yaodu = await t.login('yaodu');
    const old = addDays(`${beijingToday().slice(0, 4)}-01-01`, -20);
    const csv = [
      '项目名称,投资方,统一社会信用代码,总投资（万元）,所在县区,行业代码,项目进展,签约时间',
      `补录限期内项目,北京晋能科技有限公司,91110108MA01A2B3CF,800,尧都,2521,签约,${beijingToday()}`,
      `去年签约项目,北京晋能科技有限公司,91110108MA01A2B3CF,900,尧都,2521,签约,${old}`,
    ].join('\r\n');
    const job = await runImport(yaodu, Buffer.from(csv, 'utf8'), 'yaodu.csv', 'mode=commit');
    expect(job).toMatchObject({ status: 'done', created: 0, code: 'IMPORT_INVALID' });
    expect(job.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: '签约时间',
        message: expect.stringContaining('早于您可补录的最早日期'),
      }),
    ]);
    expect((await yaodu.get('/api/v1/projects?q=补录限期内项目')).json().total).toBe(0);
  });
});
