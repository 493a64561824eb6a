import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
} from '../../../test/harness.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { NINE_PROBLEMS } from '../../seed/demo/campaign.js';
import { rectificationRollups } from './rollups.repository.js';

const today = beijingToday();

describeApi('rectification API', () => {
  let t: TestApp;
  let admin: Client;
  let inspector: Client;
  let lfkfq: Client;
  let zrzy: Client;
  let taiyuan: Client;
  let campaign: { id: string; problems: { id: string; name: string }[]; startOn: string; deadlineOn: string };
  let zone: string;
  let dept: string;
  let task: { id: string; version: number };

  const finding = (patch: Record<string, unknown> = {}) => ({
    campaignId: campaign.id,
    problemId: campaign.problems[6].id,
    issue: '临汾经开区某项目用地指标迟迟未落实',
    measures: '市自然资源局协调用地指标，经开区完成供地',
    leadOrgId: zone,
    coopOrgIds: [dept],
    zoneIds: [zone],
    deadlineOn: addDays(today, 30),
    milestones: [{ title: '完成用地预审', dueOn: addDays(today, 10) }],
    findings: '现场查看：项目用地未完成征收，企业反映等待已超三个月',
    ...patch,
  });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, inspector, lfkfq, zrzy, taiyuan] = await Promise.all(
      ['admin', 'inspector', 'lfkfq', 'linfen_zrzy', 'taiyuan'].map((u) => t.login(u)),
    );
    zone = await unitId(t, 'Z14100001');
    dept = await unitId(t, 'D14100007');
    const res = await admin.post('/api/v1/rectification/campaigns', {
      title: '开发区营商环境整改提升行动（测试）',
      issuingBody: '山西省',
      startOn: addDays(today, -30),
      deadlineOn: addDays(today, 60),
      scopeOrgIds: [await unitId(t, '140000')],
      problems: [...NINE_PROBLEMS],
    });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
  });
  afterAll(() => t.close());

  it('creates a campaign with its nine problems and refuses a bad period or scope', async () => {
    expect(campaign.problems.map((p) => p.name)).toEqual([...NINE_PROBLEMS]);
    const before = await tableCounts(t);
    const bad = await admin.post('/api/v1/rectification/campaigns', {
      title: '坏行动',
      issuingBody: '山西省',
      startOn: today,
      deadlineOn: addDays(today, -1),
      scopeOrgIds: [zone],
      problems: ['x'],
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'CAMPAIGN_PERIOD_INVALID']);
    const linfen = await t.login('linfen');
    const outside = await linfen.post('/api/v1/rectification/campaigns', {
      title: '越权行动',
      issuingBody: '临汾市',
      startOn: today,
      deadlineOn: addDays(today, 10),
      scopeOrgIds: [await unitId(t, '140100')],
      problems: ['x'],
    });
    expect([outside.statusCode, outside.json().error.code]).toEqual([400, 'CAMPAIGN_SCOPE_INVALID']);
    expect((await zrzy.post('/api/v1/rectification/campaigns', {})).statusCode).toBe(403);
    expect(await tableCounts(t)).toEqual(before);
    // a provincial campaign reaches the zones and departments below
    expect(
      (await zrzy.get('/api/v1/rectification/campaigns')).json().map((c: { id: string }) => c.id),
    ).toContain(campaign.id);
  });

  it('turns an inspector’s field-survey finding into a task and tells its units', async () => {
    const res = await inspector.post('/api/v1/rectification/findings', finding());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      source: 'field_survey',
      status: 'open',
      progress: 0,
      leadOrgName: '临汾经济开发区',
      coopOrgNames: ['临汾市自然资源局'],
      zoneNames: ['临汾经济开发区'],
      problemName: '要素保障不到位',
      timing: 'normal',
      yourRole: null,
    });
    expect(d.code).toMatch(/^ZG\d{8}-[0-9A-F]{10}$/);
    expect(d.events[0].note).toContain('实地调研发现');
    task = d;
    const notes = (await lfkfq.get('/api/v1/notifications')).json();
    expect(notes.items[0].title).toContain('新的整改任务');
    expect((await zrzy.get('/api/v1/notifications')).json().items[0].body).toContain('配合');
    // the lead unit, the cooperating department and the inspector see it; another city does not
    expect((await lfkfq.get(`/api/v1/rectification/tasks/${task.id}`)).json().yourRole).toBe('lead');
    expect((await zrzy.get(`/api/v1/rectification/tasks/${task.id}`)).json().yourRole).toBe('coop');
    expect((await taiyuan.get(`/api/v1/rectification/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await taiyuan.get('/api/v1/rectification/tasks')).json().total).toBe(0);
    const list = (await zrzy.get(`/api/v1/rectification/tasks?campaignId=${campaign.id}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
  });

  it('refuses bad tasks with clear errors and writes nothing', async () => {
    const before = await tableCounts(t);
    const cases: [Client, Record<string, unknown>, number, string][] = [
      [inspector, { deadlineOn: addDays(today, 61) }, 400, 'DEADLINE_OUTSIDE_CAMPAIGN'],
      [inspector, { deadlineOn: addDays(today, -31) }, 400, 'DEADLINE_OUTSIDE_CAMPAIGN'],
      [
        inspector,
        { milestones: [{ title: 'x', dueOn: addDays(today, 40) }] },
        400,
        'DEADLINE_OUTSIDE_CAMPAIGN',
      ],
      [inspector, { problemId: 'nope' }, 400, 'PROBLEM_INVALID'],
      [inspector, { campaignId: 'nope' }, 404, 'CAMPAIGN_NOT_FOUND'],
      [inspector, { zoneIds: [await unitId(t, 'E-JINXIN')] }, 400, 'TASK_UNIT_INVALID'],
      [inspector, { leadOrgId: 'nope' }, 400, 'TASK_UNIT_INVALID'],
      [inspector, { zoneIds: [] }, 400, 'VALIDATION_FAILED'],
      [inspector, { issue: '' }, 400, 'VALIDATION_FAILED'],
      [lfkfq, {}, 403, 'FORBIDDEN'],
    ];
    for (const [c, patch, status, code] of cases) {
      const res = await c.post('/api/v1/rectification/findings', finding(patch));
      expect([res.statusCode, res.json().error.code], JSON.stringify(patch)).toEqual([status, code]);
      expect(res.json().error.message.length).toBeGreaterThan(0);
    }
    // a city may not put a task in another city's zone
    const linfen = await t.login('linfen');
    const { findings: _f, ...plain } = finding({ zoneIds: [await unitId(t, '140105')] });
    const foreign = await linfen.post('/api/v1/rectification/tasks', plain);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'TASK_UNIT_INVALID']);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('takes progress from the lead unit only: never above 100, backwards only with a reason', async () => {
    const url = `/api/v1/rectification/tasks/${task.id}/progress`;
    const before = await tableCounts(t);
    const refused: [Client, Record<string, unknown>, number, string][] = [
      [lfkfq, { version: task.version, percent: 101, narrative: 'x' }, 400, 'PROGRESS_OUT_OF_RANGE'],
      [zrzy, { version: task.version, percent: 10, narrative: '越权' }, 403, 'TASK_NOT_YOURS'],
      [inspector, { version: task.version, percent: 10, narrative: 'x' }, 403, 'FORBIDDEN'],
      [taiyuan, { version: task.version, percent: 10, narrative: 'x' }, 404, 'RECTIFICATION_TASK_NOT_FOUND'],
      [
        lfkfq,
        { version: task.version, percent: 10, narrative: 'x', evidenceIds: ['nope'] },
        404,
        'ITEM_NOT_FOUND',
      ],
      [lfkfq, { version: task.version, percent: -1, narrative: 'x' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [c, body, status, code] of refused) {
      const res = await c.post(url, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await tableCounts(t)).toEqual(before);

    const upload = await lfkfq.request({
      method: 'POST',
      url: `/api/v1/rectification/tasks/${task.id}/attachments`,
      ...multipart('现场照片.pdf', Buffer.from('%PDF-1.4 evidence')),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const first = await lfkfq.post(url, {
      version: task.version,
      percent: 40,
      narrative: '已完成用地预审',
      evidenceIds: [upload.json().id],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ progress: 40, lastReportOn: today, version: task.version + 1 });
    expect(first.json().reports[0].evidence).toEqual([{ id: upload.json().id, fileName: '现场照片.pdf' }]);
    const stale = await lfkfq.post(url, { version: task.version, percent: 50, narrative: 'x' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const back = await lfkfq.post(url, { version: task.version + 1, percent: 30, narrative: '回退' });
    expect([back.statusCode, back.json().error.code]).toEqual([400, 'PROGRESS_BACKWARDS']);
    const backWithReason = await lfkfq.post(url, {
      version: task.version + 1,
      percent: 30,
      narrative: '重新核定',
      reason: '征收范围调整',
    });
    expect(backWithReason.json().progress).toBe(30);
    const contribution = await zrzy.post(`/api/v1/rectification/tasks/${task.id}/contributions`, {
      narrative: '已下达用地指标',
    });
    expect(contribution.statusCode, contribution.body).toBe(200);
    expect(contribution.json().reports.map((r: { kind: string }) => r.kind)).toEqual([
      'progress',
      'progress',
      'contribution',
    ]);
    const notMine = await lfkfq.post(`/api/v1/rectification/tasks/${task.id}/contributions`, {
      narrative: 'x',
    });
    expect(notMine.json().error.code).toBe('TASK_NOT_YOURS');
    task = backWithReason.json();
  });

  it('closes (销号) only after a passed verification; a failure sends the task back; reopening is audited', async () => {
    const base = `/api/v1/rectification/tasks/${task.id}`;
    const early = await inspector.post(`${base}/close`, { version: task.version });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'TASK_NOT_VERIFIED']);
    const notReady = await inspector.post(`${base}/field-surveys`, {
      version: task.version,
      result: 'passed',
      findings: '看起来不错',
    });
    expect(notReady.json().error.code).toBe('VERIFICATION_NOT_READY');
    const failed = await inspector.post(`${base}/field-surveys`, {
      version: task.version,
      result: 'failed',
      findings: '供地手续仍未办结',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'open', verification: 'failed' });
    expect(failed.json().events.at(-1)).toMatchObject({ action: 'return', note: '供地手续仍未办结' });
    expect((await lfkfq.get('/api/v1/notifications')).json().items[0].title).toContain('核查未通过');
    const done = (
      await lfkfq.post(`${base}/progress`, {
        version: failed.json().version,
        percent: 100,
        narrative: '已供地',
      })
    ).json();
    const self = await lfkfq.post(`${base}/self-inspections`, {
      version: done.version,
      result: 'passed',
      findings: '自查：已完成供地',
    });
    expect(self.json()).toMatchObject({ status: 'verified', verification: 'passed' });
    const passed = await inspector.post(`${base}/field-surveys`, {
      version: self.json().version,
      result: 'passed',
      findings: '实地查看，已开工',
    });
    expect(
      passed.json().verifications.map((v: { kind: string; result: string }) => [v.kind, v.result]),
    ).toEqual([
      ['field_survey', 'failed'],
      ['self_inspection', 'passed'],
      ['field_survey', 'passed'],
    ]);
    const closed = await inspector.post(`${base}/close`, {
      version: passed.json().version,
      note: '同意销号',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: today });
    const again = await lfkfq.post(`${base}/progress`, {
      version: closed.json().version,
      percent: 100,
      narrative: 'x',
    });
    expect(again.json().error.code).toBe('TASK_CLOSED');
    const noReason = await inspector.post(`${base}/reopen`, { version: closed.json().version });
    expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
    const reopened = await inspector.post(`${base}/reopen`, {
      version: closed.json().version,
      reason: '群众反映问题反弹',
    });
    expect(reopened.json()).toMatchObject({ status: 'open', verification: null, closedOn: null });
    const audit = (await admin.get(`/api/v1/audit?entity=rectification_task&entityId=${task.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'close', 'reopen']),
    );
    const reverified = await inspector.post(`${base}/field-surveys`, {
      version: reopened.json().version,
      result: 'passed',
      findings: '复查通过',
    });
    const reclosed = await inspector.post(`${base}/close`, { version: reverified.json().version });
    expect(reclosed.json().status).toBe('closed');
  });

  it('turns an overdue promise into one task, once', async () => {
    const linfen = await t.login('linfen');
    const inv = (
      await linfen.post('/api/v1/investors', { name: '整改测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const p = (
      await linfen.post('/api/v1/projects', {
        name: '整改测试项目',
        regionId: await unitId(t, '141002'),
        industryCode: '39',
        totalInvestmentFen: 100_000_00,
        projectType: 'new',
        investorIds: [inv.id],
      })
    ).json();
    const withPromise = (
      await linfen.post(`/api/v1/projects/${p.id}/promises`, {
        content: '三个月内完成通电',
        dueOn: addDays(today, -5),
        responsibleOrgId: p.regionId,
      })
    ).json();
    const promiseId = withPromise.promises[0].id;
    const body = { campaignId: campaign.id, deadlineOn: addDays(today, 20) };
    const foreign = await taiyuan.post(`/api/v1/rectification/promises/${promiseId}/task`, body);
    expect(foreign.statusCode).toBe(404);
    const res = await linfen.post(`/api/v1/rectification/promises/${promiseId}/task`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'overdue_promise',
      sourceRef: promiseId,
      problemName: '招商承诺不兑现',
      zoneNames: ['尧都区'],
    });
    expect(res.json().issue).toContain('已逾期 5 天');
    const twice = await linfen.post(`/api/v1/rectification/promises/${promiseId}/task`, body);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'TASK_EXISTS_FOR_SOURCE']);
    expect(twice.json().error.details.taskId).toBe(res.json().id);
  });

  it('computes completion by problem, unit and zone, overdue and the burn-down', async () => {
    const res = await admin.get(`/api/v1/rectification/campaigns/${campaign.id}/figures`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.totals).toMatchObject({
      total: 2,
      closed: 1,
      closedOnTime: 1,
      completionRate: 0.5,
      onTimeRate: 1,
    });
    expect(f.byProblem.find((p: { name: string }) => p.name === '要素保障不到位')).toMatchObject({
      total: 1,
      closed: 1,
    });
    expect(f.byUnit[0]).toMatchObject({ name: '临汾经济开发区', rank: 1, completionRate: 1 });
    expect(f.byZone.map((z: { name: string }) => z.name).sort()).toEqual(['临汾经济开发区', '尧都区'].sort());
    expect(f.burnDown[0]).toMatchObject({ day: addDays(today, -30), remaining: 0, ideal: 2 });
    expect(f.burnDown.at(-1)).toMatchObject({ day: today, remaining: 1 });
    // the department sees the figures of its own tasks only
    const mine = (await zrzy.get(`/api/v1/rectification/campaigns/${campaign.id}/figures`)).json();
    expect(mine.totals.total).toBe(1);
  });

  it('exports the ledger in the filing layout and imports a task list all or nothing', async () => {
    const res = await admin.get(`/api/v1/rectification/tasks/export.xlsx?campaignId=${campaign.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(3).values as string[]).slice(1)).toEqual([
      '序号',
      '问题类别',
      '具体问题',
      '整改措施',
      '牵头单位',
      '配合单位',
      '完成时限',
      '进展情况',
      '是否销号',
    ]);
    const rows = [4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    const closedRow = rows.find((r) => r[4] === '临汾经济开发区')!;
    expect(closedRow[5]).toBe('临汾市自然资源局');
    expect(String(closedRow[7])).toContain('100%');
    expect(closedRow[8]).toBe(`是（${today}）`);

    const template = await admin.get(
      `/api/v1/rectification/tasks/import-template.xlsx?campaignId=${campaign.id}`,
    );
    expect(template.statusCode).toBe(200);
    const tw = new ExcelJS.Workbook();
    await tw.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((tw.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([
      '序号',
      '问题类别',
      '具体问题',
      '整改措施',
      '牵头单位',
      '配合单位',
      '完成时限',
      '所在开发区',
    ]);
    expect(tw.worksheets[1].getColumn(2).values).toContain('要素保障不到位');
    const file = async (lines: unknown[][]) => {
      const w = new ExcelJS.Workbook();
      const s = w.addWorksheet('任务清单');
      s.addRow([
        '序号',
        '问题类别',
        '具体问题',
        '整改措施',
        '牵头单位',
        '配合单位',
        '完成时限',
        '所在开发区',
      ]);
      for (const l of lines) s.addRow(l);
      return Buffer.from(await w.xlsx.writeBuffer());
    };
    const upload = (data: Buffer) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/rectification/tasks/import?campaignId=${campaign.id}`,
        ...multipart('任务清单.xlsx', data),
      });
    const before = await tableCounts(t);
    const bad = await upload(
      await file([
        [
          1,
          '企业服务形式化',
          '服务专员不到位',
          '建立包联制度',
          '临汾经济开发区',
          '',
          addDays(today, 10),
          '临汾经开区',
        ],
        [2, '不存在的问题', '问题', '措施', '不存在的单位', '', '2099-01-01', '临汾经济开发区'],
      ]),
    );
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'IMPORT_INVALID']);
    expect(
      bad.json().error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
    ).toEqual([
      [3, '问题类别'],
      [3, '牵头单位'],
      [3, '完成时限'],
    ]);
    expect(await tableCounts(t)).toEqual(before);
    const goodFile = await file([
      [
        1,
        '企业服务形式化',
        '服务专员不到位',
        '建立包联制度',
        '临汾经济开发区',
        '临汾市自然资源局',
        new Date(`${addDays(today, 10)}T00:00:00Z`),
        '临汾经开区',
      ],
      [
        2,
        '惠企政策落实不到位',
        '政策兑现慢',
        '限时兑现',
        '临汾经济开发区',
        '',
        addDays(today, 20),
        '临汾经济开发区',
      ],
    ]);
    const good = await upload(goodFile);
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().created).toBe(2);
    // the same list again creates nothing: the same issue with the same lead unit is there
    const again = await upload(goodFile);
    expect(again.json()).toMatchObject({
      created: 0,
      valid: 0,
      skipped: [{ code: 'ALREADY_IMPORTED' }, { code: 'ALREADY_IMPORTED' }],
    });
    // checked first: the report, nothing written; or only the valid rows, as the clerk chooses
    const withBad = await file([
      [
        1,
        '企业服务形式化',
        '窗口服务态度差',
        '开展作风整顿',
        '临汾经济开发区',
        '',
        addDays(today, 9),
        '临汾经开区',
      ],
      [2, '不存在的问题', '问题', '措施', '临汾经济开发区', '', addDays(today, 9), '临汾经开区'],
    ]);
    const send = (query: string) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/rectification/tasks/import?campaignId=${campaign.id}&${query}`,
        ...multipart('任务清单.xlsx', withBad),
      });
    const counted = await tableCounts(t);
    const checked = await send('mode=check');
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      valid: 1,
      errors: [{ row: 3, column: '问题类别', code: 'PROBLEM_INVALID', value: '不存在的问题' }],
    });
    expect(await tableCounts(t)).toEqual(counted);
    const validOnly = await send('mode=commit-valid');
    expect([validOnly.statusCode, validOnly.json().created]).toEqual([201, 1]);
    const junk = await upload(Buffer.from('not a workbook'));
    expect(junk.json().error.code).toBe('FILE_INVALID');

    // the office's own layout: a title and a 填报单位 row, its own header words under a merged
    // group label, a hidden column, dates typed as 2026年12月20日, 曲沃 for 曲沃县, a 合计 row
    const own = new ExcelJS.Workbook();
    const sheet = own.addWorksheet('整改台账');
    sheet.addRow(['临汾市开发区营商环境整改任务台账']);
    sheet.mergeCells(1, 1, 1, 9);
    sheet.addRow(['填报单位：临汾市营商环境建设局']);
    sheet.mergeCells(2, 1, 2, 9);
    sheet.addRow([
      '序号',
      '问题类型',
      '问题描述',
      '整改举措',
      '责任分工',
      null,
      '内部编号',
      '整改时限',
      '涉及开发区',
    ]);
    sheet.addRow([null, null, null, null, '责任单位', '配合部门']);
    sheet.mergeCells(3, 5, 3, 6);
    const day = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;
    sheet.addRow([
      1,
      '要素保障不到位',
      '标准厂房供给不足',
      '新建标准厂房 5 万平方米',
      '临汾经济开发区',
      '曲沃',
      'X-01',
      day(addDays(today, 15)),
      '临汾经开区',
    ]);
    sheet.addRow([
      2,
      '企业服务形式化',
      '包联干部走访不到位',
      '建立月度走访台账',
      '临汾经济开发区',
      '',
      'X-02',
      addDays(today, 25).replaceAll('-', '.'),
      '临汾经济开发区',
    ]);
    sheet.addRow(['合计', '2 项']);
    sheet.getColumn(7).hidden = true;
    const ownLayout = await upload(Buffer.from(await own.xlsx.writeBuffer()));
    expect(ownLayout.statusCode, ownLayout.body).toBe(201);
    expect(ownLayout.json().created).toBe(2);
    const csv = [
      '问题类别,具体问题,整改措施,牵头单位,配合单位,完成时限,所在开发区',
      `惠企政策落实不到位,奖补资金拨付慢,建立兑现时限台账,临汾经济开发区,,${addDays(today, 12)},临汾经开区`,
    ].join('\r\n');
    const fromCsv = await admin.request({
      method: 'POST',
      url: `/api/v1/rectification/tasks/import?campaignId=${campaign.id}`,
      ...multipart('任务清单.csv', Buffer.from(csv, 'utf8')),
    });
    expect(fromCsv.statusCode, fromCsv.body).toBe(201);
    const xls = await admin.request({
      method: 'POST',
      url: `/api/v1/rectification/tasks/import?campaignId=${campaign.id}`,
      ...multipart('任务清单.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    });
    expect(xls.json().error.code).toBe('FILE_XLS');
  });

  it('imports a task list saved by LibreOffice in the office’s own layout: checked, the valid rows, nothing twice', async () => {
    // a campaign whose period holds the fixture's fixed deadlines
    const res = await admin.post('/api/v1/rectification/campaigns', {
      title: '开发区突出问题整改（2026—2030，测试）',
      issuingBody: '临汾市人民政府',
      startOn: addDays(today, -10),
      deadlineOn: '2030-12-31',
      scopeOrgIds: [await unitId(t, '140000')],
      problems: [...NINE_PROBLEMS],
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../test/fixtures/task-list-own-layout.xlsx'),
    );
    const send = (mode: string) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/rectification/tasks/import?campaignId=${res.json().id}&mode=${mode}`,
        ...multipart('整改任务清单.xlsx', file),
      });
    const before = await tableCounts(t);
    const checked = await send('check');
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      sheet: '整改任务',
      headerRow: 4,
      rows: 3,
      valid: 2,
      errors: [{ row: 7, column: '责任单位', code: 'UNIT_UNKNOWN', value: '不存在的局' }],
    });
    // the hidden 内部编号 column is not among the columns read
    expect(checked.json().columns.map((c: { header: string }) => c.header)).not.toContain('内部编号');
    expect((await send('commit')).json().error.code).toBe('IMPORT_INVALID');
    expect(await tableCounts(t)).toEqual(before);
    const imported = await send('commit-valid');
    expect([imported.statusCode, imported.json().created]).toEqual([201, 2]);
    const task = (await admin.get(`/api/v1/rectification/tasks/${imported.json().ids[0]}`)).json();
    expect([task.deadlineOn, task.leadOrgName, task.coopOrgNames]).toEqual([
      '2027-06-30',
      '临汾经济开发区',
      ['曲沃县'],
    ]);
    const again = (await send('commit-valid')).json();
    expect([again.created, again.skipped.map((x: { code: string }) => x.code)]).toEqual([
      0,
      ['ALREADY_IMPORTED', 'ALREADY_IMPORTED'],
    ]);
  });

  it('keeps the rectification roll-ups equal to a recount after everything above', async () => {
    const check = await verifyRollups(t.database.db, rectificationRollups);
    expect(check.differences).toEqual([]);
    expect(check.rows).toBeGreaterThan(0);
  });
});
