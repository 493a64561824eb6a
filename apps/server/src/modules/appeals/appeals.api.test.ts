import { addWorkingDays, buildCalendar, plusDays } from '@yingshang/rules';
import { packagedSchedules } from '@yingshang/rules/holiday-data';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../../test/harness.js';
import { verifyRollups, withRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { ports } from '../../ports.js';
import { appealRollups } from './rollups.repository.js';
import { sweepAppeals } from './sweep.js';

const today = beijingToday();
const cal = buildCalendar(packagedSchedules());

describeApi('appeals API', () => {
  let t: TestApp;
  let enterprise: Client;
  let lfkfq: Client;
  let dept: Client;
  let yaodu: Client;
  let zone: string;
  let zrzy: string;

  /** A second department user (临汾市水务局), signed in with the demo password. */
  async function waterUser() {
    const source = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'linfen_zrzy')
      .executeTakeFirstOrThrow();
    const unit = await unitId(t, 'D14100009');
    await t.database.db
      .insertInto('users')
      .values({
        ...source,
        id: `u-water-${Math.random().toString(16).slice(2)}`,
        username: 'linfen_water',
        displayName: '临汾市水务局经办人',
        orgUnitId: unit,
        pinyin: 'lfsswj',
      })
      .execute();
    return t.login('linfen_water');
  }

  async function file(c: Client, body: Record<string, unknown>) {
    const res = await c.post('/api/v1/appeals', {
      channel: 'portal',
      category: 'land',
      title: '园区道路未通车影响项目施工',
      description: '项目所在园区的道路至今未通车，施工车辆无法进场。',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const act = async (c: Client, a: { id: string; version: number }, action: string, body = {}) => {
    const res = await c.post(`/api/v1/appeals/${a.id}/${action}`, { version: a.version, ...body });
    return res;
  };
  const ok = async (c: Client, a: { id: string; version: number }, action: string, body = {}) => {
    const res = await act(c, a, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    enterprise = await t.login('enterprise');
    lfkfq = await t.login('lfkfq');
    dept = await t.login('linfen_zrzy');
    yaodu = await t.login('yaodu');
    zone = await unitId(t, 'Z14100001');
    zrzy = await unitId(t, 'D14100007');
  });
  afterAll(() => t.close());

  it('runs the whole loop: file → accept → assign → sign → ask/reply → answer → 不满意 → 重办 → answer → close', async () => {
    let a = await file(enterprise, { regionId: zone, urgency: 'urgent' });
    expect(a).toMatchObject({
      status: 'submitted',
      channel: 'portal',
      regionName: '临汾经济开发区',
      enterpriseName: '山西晋鑫焦化有限公司',
      dueStage: 'accept',
      dueOn: addWorkingDays(cal, today, 1).day,
      dueUnscheduled: false,
      sla: 'warning',
      workingDaysLeft: 1,
      actions: [],
      slaRule: { acceptDays: 1, answerDays: 5 },
    });
    expect(a.code).toMatch(/^SQ\d{8}-[0-9A-F]{12}$/);
    const zoneNotes = (await lfkfq.get('/api/v1/notifications')).json();
    expect(zoneNotes.items[0].title).toBe('新诉求待受理：园区道路未通车影响项目施工');

    const asZone = (await lfkfq.get(`/api/v1/appeals/${a.id}`)).json();
    expect(asZone.actions).toEqual(['accept', 'reject', 'merge']);
    a = await ok(lfkfq, a, 'accept', { note: '属实，予以受理' });
    expect(a).toMatchObject({
      status: 'accepted',
      dueStage: 'answer',
      answerDueOn: addWorkingDays(cal, today, 5).day,
    });
    const depts = (await lfkfq.get(`/api/v1/appeals/${a.id}/departments`)).json();
    expect(depts.map((d: { name: string }) => d.name)).toContain('临汾市自然资源局');
    expect(depts.map((d: { name: string }) => d.name)).not.toContain('太原市自然资源局');
    a = await ok(lfkfq, a, 'assign', { departmentId: zrzy });
    expect(a).toMatchObject({ status: 'assigned', departmentName: '临汾市自然资源局', dueStage: 'sign' });
    const deptNotes = (await dept.get('/api/v1/notifications')).json();
    expect(deptNotes.items[0].title).toBe('诉求交办：园区道路未通车影响项目施工');

    const asDept = (await dept.get(`/api/v1/appeals/${a.id}`)).json();
    expect(asDept.actions).toEqual(['sign', 'return']);
    a = await ok(dept, a, 'sign');
    expect(a).toMatchObject({ status: 'handling', dueStage: 'answer' });
    a = await ok(dept, a, 'ask', { question: '请提供道路规划红线图' });
    expect(a.openQuestion).toBe(true);
    const seen = (await enterprise.get(`/api/v1/appeals/${a.id}`)).json();
    expect(seen.actions).toEqual(['reply']);
    a = await ok(enterprise, seen, 'reply', { reply: '已上传规划红线图' });
    a = await ok(dept, a, 'progress', { note: '已会同园区现场踏勘' });
    a = await ok(dept, a, 'answer', { answer: '道路将于下月底前通车' });
    expect(a).toMatchObject({ status: 'answered', dueOn: null, slaRule: { answerDays: 5 } });

    const mine = (await enterprise.get(`/api/v1/appeals/${a.id}`)).json();
    expect(mine.actions).toEqual(['rate']);
    a = await ok(enterprise, mine, 'rate', { rating: 'unsatisfied', comment: '时间太晚' });
    expect(a).toMatchObject({
      status: 'handling',
      reopenCount: 1,
      rating: 'unsatisfied',
      dueStage: 'answer',
    });
    expect((await dept.get('/api/v1/notifications')).json().items[0].title).toBe(
      '诉求重办：园区道路未通车影响项目施工',
    );
    a = await ok(dept, a, 'answer', { answer: '已协调提前至本月底通车' });
    a = await ok(enterprise, a, 'rate', { rating: 'satisfied', comment: '感谢' });
    expect(a).toMatchObject({ status: 'closed', rating: 'satisfied', closedOn: today, actions: [] });
    expect(a.events.map((e: { kind: string }) => e.kind)).toEqual([
      'file',
      'accept',
      'assign',
      'sign',
      'ask',
      'reply',
      'progress',
      'answer',
      'rate',
      'reopen',
      'answer',
      'rate',
      'close',
    ]);
    // The enterprise sees the acting unit, not the officials' names.
    const final = (await enterprise.get(`/api/v1/appeals/${a.id}`)).json();
    expect(final.events.find((e: { kind: string }) => e.kind === 'answer')).toMatchObject({
      actorName: null,
      actorUnitName: '临汾市自然资源局',
    });
    const audit = (
      await (await t.login('linfen')).get(`/api/v1/audit?entity=appeal&entityId=${a.id}&pageSize=50`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'create',
      'accept',
      'assign',
      'sign',
      'ask',
      'reply',
      'progress',
      'answer',
      'rate',
      'answer',
      'rate',
    ]);
  });

  it('enters a register after the fact: filed and handled on earlier days (补录), deadlines and 按时 follow those days', async () => {
    // the zone's open 办不成事 register: filed 20 days ago, accepted the next day, answered late
    const filed = plusDays(today, -20);
    const accepted = plusDays(filed, 1);
    const dlxw = await unitId(t, 'E-DLXW');
    let a = await file(lfkfq, { channel: 'window', enterpriseId: dlxw, regionId: zone, filedOn: filed });
    expect(a).toMatchObject({
      filedOn: filed,
      acceptDueOn: addWorkingDays(cal, filed, a.slaRule.acceptDays).day,
    });
    a = await ok(lfkfq, a, 'accept', { occurredOn: accepted });
    expect(a).toMatchObject({
      acceptedOn: accepted,
      answerDueOn: addWorkingDays(cal, accepted, a.slaRule.answerDays).day,
    });
    // steps never run backwards nor into the future
    const back = await act(lfkfq, a, 'assign', { departmentId: zrzy, occurredOn: filed });
    expect([back.statusCode, back.json().error.code]).toEqual([400, 'STAGE_DATE_INVALID']);
    const ahead = await act(lfkfq, a, 'assign', { departmentId: zrzy, occurredOn: plusDays(today, 1) });
    expect(ahead.statusCode).toBe(400);
    a = await ok(lfkfq, a, 'assign', { departmentId: zrzy, occurredOn: accepted });
    a = await ok(dept, a, 'sign', { occurredOn: accepted });
    // answered on a day after its deadline: late, as the register says, whatever the day of entry
    const due = a.answerDueOn as string;
    const answered = [plusDays(due, 1), today].sort()[0];
    a = await ok(dept, a, 'answer', { answer: '已协调完成用地手续', occurredOn: answered });
    expect(a.answeredOn).toBe(answered);
    const row = await t.database.db
      .selectFrom('appeals')
      .select(['answeredOnTime'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.answeredOnTime) === 1).toBe(answered <= due);
    // the timeline says which steps were entered later, and on which day they happened
    const entered = a.events.filter((e: { occurredOn: string | null }) => e.occurredOn);
    expect(entered.map((e: { kind: string; occurredOn: string }) => [e.kind, e.occurredOn])).toEqual([
      ['file', filed],
      ['accept', accepted],
      ['assign', accepted],
      ['sign', accepted],
      // an answer given today is not 补录
      ...(answered < today ? [['answer', answered]] : []),
    ]);
    // a county clerk may not go back beyond the current year
    const old = await lfkfq.post('/api/v1/appeals', {
      channel: 'window',
      category: 'land',
      title: '去年的诉求',
      description: '去年登记的诉求',
      enterpriseId: dlxw,
      regionId: zone,
      filedOn: `${Number(today.slice(0, 4)) - 1}-12-01`,
    });
    expect([old.statusCode, old.json().error.code]).toEqual([400, 'BACKDATE_LIMIT']);
  });

  it('closes only by the enterprise’s rating or a recorded callback', async () => {
    let a = await file(yaodu, {
      channel: 'hotline',
      enterpriseId: await unitId(t, 'E-YDYS'),
      title: '电费结算争议',
      category: 'power',
    });
    a = await ok(yaodu, a, 'accept');
    a = await ok(yaodu, a, 'assign', { departmentId: zrzy });
    a = await ok(dept, a, 'sign');
    a = await ok(dept, a, 'answer', { answer: '已答复' });
    expect(a.actions).toEqual([]);
    const asOffice = (await yaodu.get(`/api/v1/appeals/${a.id}`)).json();
    expect(asOffice.actions).toEqual(['callback']);
    const closed = await ok(yaodu, asOffice, 'callback', {
      rating: 'basically_satisfied',
      note: '电话回访，企业基本满意',
    });
    expect(closed).toMatchObject({ status: 'closed', ratedVia: 'callback', rating: 'basically_satisfied' });
  });

  it('refuses bad steps with clear errors and writes nothing', async () => {
    const water = await waterUser();
    const a = await file(enterprise, { regionId: zone, title: '用水指标申请无人受理', category: 'water' });
    const before = await tableCounts(t);
    const expectErr = async (
      res: { statusCode: number; json(): { error: { code: string; message: string } } },
      status: number,
      code: string,
    ) => {
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message.length).toBeGreaterThan(0);
    };
    // Rating an appeal that is not answered.
    await expectErr(await act(enterprise, a, 'rate', { rating: 'satisfied' }), 409, 'APPEAL_ACTION_INVALID');
    // A department acting on an appeal not assigned to it (it cannot even see it).
    await expectErr(await act(dept, a, 'answer', { answer: '越权答复' }), 404, 'APPEAL_NOT_FOUND');
    // Assigning before accepting; a stale version.
    await expectErr(await act(lfkfq, a, 'assign', { departmentId: zrzy }), 409, 'APPEAL_ACTION_INVALID');
    await expectErr(await act(lfkfq, { ...a, version: 7 }, 'accept'), 409, 'VERSION_CONFLICT');
    // Rejecting without a reason; an enterprise taking an office's step.
    await expectErr(await act(lfkfq, a, 'reject', { reason: '  ' }), 400, 'VALIDATION_FAILED');
    await expectErr(await act(enterprise, a, 'accept'), 403, 'FORBIDDEN');
    expect(await tableCounts(t)).toEqual(before);

    const accepted = await ok(lfkfq, a, 'accept');
    const mid = await tableCounts(t);
    // Assigning outside the area: another city's department, a county's department elsewhere, a region.
    for (const code of ['D14010007', 'D14102107', '141000']) {
      await expectErr(
        await act(lfkfq, accepted, 'assign', { departmentId: await unitId(t, code) }),
        400,
        'APPEAL_DEPARTMENT_INVALID',
      );
    }
    expect(await tableCounts(t)).toEqual(mid);
    const assigned = await ok(lfkfq, accepted, 'assign', { departmentId: zrzy });
    // The water bureau saw the list but this appeal is not its own.
    await expectErr(await act(water, assigned, 'sign'), 404, 'APPEAL_NOT_FOUND');
    // Return once, with a reason; the second return by the same department is refused.
    const returned = await ok(dept, assigned, 'return', { reason: '属水务部门职责' });
    expect(returned).toMatchObject({ status: 'accepted', departmentId: null });
    const again = await ok(lfkfq, returned, 'assign', { departmentId: zrzy });
    await expectErr(await act(dept, again, 'return', { reason: '再次退回' }), 409, 'APPEAL_RETURN_USED');
    // Reassigned elsewhere, the first department may still read the history but not act.
    const moved = await ok(lfkfq, again, 'assign', { departmentId: await unitId(t, 'D14100009') });
    const history = await dept.get(`/api/v1/appeals/${a.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.json().actions).toEqual([]);
    await expectErr(await act(dept, moved, 'sign'), 403, 'APPEAL_NOT_ASSIGNED_TO_YOU');
    expect((await act(water, moved, 'sign')).statusCode).toBe(200);
  });

  it('offers an enterprise the offices of its own city, staff those of their area', async () => {
    const mine = (await enterprise.get('/api/v1/appeals/offices')).json();
    const names = mine.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['临汾市', '尧都区', '安泽县', '临汾经济开发区']));
    expect(names.some((n: string) => n.startsWith('太原'))).toBe(false);
    const zoneOffices = (await lfkfq.get('/api/v1/appeals/offices')).json();
    expect(zoneOffices.map((u: { name: string }) => u.name)).toEqual(['临汾经济开发区']);
    expect((await dept.get('/api/v1/appeals/offices')).statusCode).toBe(403);
  });

  it('refuses bad filings: category, channel, office, enterprise, project', async () => {
    const before = await tableCounts(t);
    const cases: [Client, Record<string, unknown>, number, string][] = [
      [enterprise, { category: 'moon' }, 400, 'APPEAL_CATEGORY_UNKNOWN'],
      [enterprise, { channel: 'hotline' }, 400, 'APPEAL_CHANNEL_INVALID'],
      [enterprise, { regionId: await unitId(t, '140105') }, 400, 'APPEAL_OFFICE_INVALID'],
      [enterprise, { regionId: zrzy }, 400, 'APPEAL_OFFICE_INVALID'],
      [enterprise, { projectId: 'x' }, 404, 'PROJECT_NOT_FOUND'],
      [yaodu, { channel: 'window' }, 400, 'APPEAL_ENTERPRISE_INVALID'],
      [
        yaodu,
        { channel: 'window', enterpriseId: await unitId(t, 'E-TYZN') },
        400,
        'APPEAL_ENTERPRISE_INVALID',
      ],
      [
        yaodu,
        { channel: 'window', enterpriseId: await unitId(t, '141002') },
        400,
        'APPEAL_ENTERPRISE_INVALID',
      ],
      [yaodu, { channel: 'meeting', enterpriseId: await unitId(t, 'E-YDYS') }, 400, 'APPEAL_CHANNEL_INVALID'],
      [enterprise, { title: '' }, 400, 'VALIDATION_FAILED'],
      [enterprise, { description: 'x'.repeat(4001) }, 400, 'VALIDATION_FAILED'],
      [enterprise, { contactPhone: 'call me' }, 400, 'VALIDATION_FAILED'],
      [dept, {}, 403, 'FORBIDDEN'],
    ];
    for (const [c, patch, status, code] of cases) {
      const res = await c.post('/api/v1/appeals', {
        channel: 'portal',
        category: 'land',
        title: '坏诉求',
        description: '说明',
        ...patch,
      });
      expect([res.statusCode, res.json().error?.code], JSON.stringify(patch)).toEqual([status, code]);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('flags a likely repeat and merges it into the open original', async () => {
    const first = await file(enterprise, {
      regionId: zone,
      title: '园区供电线路迁改迟迟未批复',
      category: 'power',
    });
    const repeat = await file(enterprise, {
      regionId: zone,
      title: '供电线路迁改一直未批复',
      category: 'power',
    });
    const asZone = (await lfkfq.get(`/api/v1/appeals/${repeat.id}`)).json();
    expect(asZone.possibleDuplicateOf).toMatchObject({ id: first.id, code: first.code });
    expect(repeat.possibleDuplicateOf).toBeNull();
    const merged = await ok(lfkfq, asZone, 'merge', { targetId: first.id });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: first.id } });
    const original = (await lfkfq.get(`/api/v1/appeals/${first.id}`)).json();
    expect(original.events.at(-1)).toMatchObject({ kind: 'merged_in', note: repeat.code });
    const other = await file(yaodu, {
      channel: 'window',
      enterpriseId: await unitId(t, 'E-YDYS'),
      title: '另一企业',
    });
    const fresh = await file(enterprise, { regionId: zone, title: '第三件诉求', category: 'other' });
    const res = await act(lfkfq, fresh, 'merge', { targetId: other.id });
    expect(res.json().error.code).toBe('APPEAL_MERGE_INVALID');
  });

  it('hides an anonymous appeal’s enterprise and contact from the department, not from the office', async () => {
    let a = await file(yaodu, {
      channel: 'hotline',
      category: 'inspection',
      enterpriseId: await unitId(t, 'E-YDYS'),
      title: '执法检查过于频繁',
      description: '一个月内被检查五次。',
      contactName: '王经理',
      contactPhone: '13800000000',
      anonymous: true,
    });
    expect(a).toMatchObject({
      anonymous: true,
      enterpriseName: '尧都云商产业园运营有限公司',
      contactPhone: '13800000000',
    });
    a = await ok(yaodu, a, 'accept');
    a = await ok(yaodu, a, 'assign', { departmentId: zrzy });
    const seen = (await dept.get(`/api/v1/appeals/${a.id}`)).json();
    expect(seen).toMatchObject({
      anonymous: true,
      enterpriseId: null,
      enterpriseName: null,
      contactName: null,
      contactPhone: null,
    });
    expect(JSON.stringify(seen)).not.toContain('尧都云商');
    expect(JSON.stringify(seen)).not.toContain('13800000000');
    const listed = (await dept.get('/api/v1/appeals?pageSize=200')).json();
    expect(listed.items.find((i: { id: string }) => i.id === a.id)).toMatchObject({
      enterpriseId: null,
      enterpriseName: null,
    });
    expect((await dept.get(`/api/v1/appeals?q=${encodeURIComponent('尧都云商')}`)).json().total).toBe(0);
    expect(
      (await yaodu.get(`/api/v1/appeals?q=${encodeURIComponent('尧都云商')}`)).json().total,
    ).toBeGreaterThan(0);
    // An enterprise never reads another enterprise's appeal.
    expect((await enterprise.get(`/api/v1/appeals/${a.id}`)).statusCode).toBe(404);
    const own = (await enterprise.get('/api/v1/appeals?pageSize=200')).json();
    expect(
      own.items.every((i: { enterpriseName: string }) => i.enterpriseName === '山西晋鑫焦化有限公司'),
    ).toBe(true);
  });

  it('keeps an anonymous filer’s files from the department, and evidence once closed', async () => {
    const pdf = (name: string) => multipart(name, Buffer.from('%PDF-1.4 evidence'));
    let a = await file(enterprise, {
      regionId: zone,
      title: '匿名举报乱收费',
      category: 'other',
      anonymous: true,
    });
    const up = (c: Client, name: string) =>
      c.request({ method: 'POST', url: `/api/v1/appeals/${a.id}/attachments`, ...pdf(name) });
    const own = await up(enterprise, '晋鑫焦化收费单据.pdf');
    expect(own.statusCode, own.body).toBe(201);
    const exe = await enterprise.request({
      method: 'POST',
      url: `/api/v1/appeals/${a.id}/attachments`,
      ...multipart('setup.pdf', Buffer.from('MZ\x90\x00')),
    });
    expect(exe.json().error.code).toBe('FILE_INVALID');
    a = await ok(lfkfq, a, 'accept');
    a = await ok(lfkfq, a, 'assign', { departmentId: zrzy });
    expect((await dept.get(`/api/v1/appeals/${a.id}/attachments`)).json()).toEqual([]);
    expect((await dept.get(`/api/v1/appeals/${a.id}/attachments/${own.json().id}`)).statusCode).toBe(404);
    expect((await up(dept, '核查记录.pdf')).statusCode).toBe(201);
    const names = async (c: Client) =>
      (await c.get(`/api/v1/appeals/${a.id}/attachments`))
        .json()
        .map((f: { fileName: string }) => f.fileName);
    expect(await names(dept)).toEqual(['核查记录.pdf']);
    expect(await names(lfkfq)).toEqual(['晋鑫焦化收费单据.pdf', '核查记录.pdf']);
    expect(await names(enterprise)).toEqual(['晋鑫焦化收费单据.pdf', '核查记录.pdf']);
    const download = await lfkfq.get(`/api/v1/appeals/${a.id}/attachments/${own.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    // Another enterprise's user, a leader (not a handling party) and a closed appeal: no upload.
    const leader = await t.login('linfen_leader');
    expect((await up(leader, '批示.pdf')).json().error.code).toBe('APPEAL_ACTION_INVALID');
    a = await ok(dept, a, 'sign');
    a = await ok(dept, a, 'answer', { answer: '已查处' });
    a = await ok(enterprise, a, 'rate', { rating: 'satisfied' });
    expect((await up(enterprise, '补充.pdf')).json().error.code).toBe('APPEAL_ACTION_INVALID');
  });

  it('sends 项目直通车 appeals to the city leadership with tighter deadlines; leaders instruct', async () => {
    const a = await file(enterprise, {
      channel: 'express',
      regionId: zone,
      title: '重大项目用地报批卡在省级',
      category: 'approval',
    });
    expect(a).toMatchObject({
      express: true,
      regionName: '临汾市',
      supervisingUnitName: '临汾市',
      slaRule: { answerDays: 3 },
    });
    const leader = await t.login('linfen_leader');
    expect((await leader.get('/api/v1/notifications')).json().items[0].title).toBe(
      '新诉求待受理：重大项目用地报批卡在省级',
    );
    const queue = (await leader.get('/api/v1/appeals?supervised=true')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const mine = (await leader.get(`/api/v1/appeals/${a.id}`)).json();
    expect(mine.actions).toEqual(['instruct']);
    const instructed = await ok(leader, mine, 'instruct', { note: '请市自然资源局三日内办结' });
    expect(instructed.events.at(-1)).toMatchObject({ kind: 'instruct', internal: true });
    // The enterprise does not see internal instructions.
    const ent = (await enterprise.get(`/api/v1/appeals/${a.id}`)).json();
    expect(ent.events.map((e: { kind: string }) => e.kind)).toEqual(['file']);
    // A leader may not instruct an appeal that is neither escalated nor express.
    const plain = await file(enterprise, { regionId: zone, title: '普通诉求', category: 'other' });
    const res = await act(leader, plain, 'instruct', { note: '批示' });
    expect(res.json().error.code).toBe('APPEAL_ACTION_INVALID');
  });

  it('sweeps overdue appeals once even with two sweepers, then escalates up the tree', async () => {
    const { db, dialect } = t.database;
    const a = await file(enterprise, { regionId: zone, title: '逾期测试诉求', category: 'finance' });
    const due = a.dueOn as string;
    // Two processes at once, the day after the deadline.
    const clock = new Date(`${plusDays(due, 1)}T02:00:00Z`);
    const [x, y] = await Promise.all([
      sweepAppeals({ db, dialect, ports }, { now: clock, owner: 'sweeper-a', batch: 2 }),
      sweepAppeals({ db, dialect, ports }, { now: clock, owner: 'sweeper-b' }),
    ]);
    expect(x.overdue + y.overdue).toBeGreaterThanOrEqual(1);
    // Every overdue appeal was taken by exactly one of the two sweepers.
    const overdueRows = await db
      .selectFrom('appeals')
      .select('id')
      .where('overdueSince', 'is not', null)
      .execute();
    expect(x.overdue + y.overdue).toBe(overdueRows.length);
    expect(x.failed + y.failed).toBe(0);
    const events = async () =>
      (
        await db
          .selectFrom('appealEvents')
          .select('kind')
          .where('appealId', '=', a.id)
          .orderBy('createdAt')
          .execute()
      ).map((e) => e.kind);
    expect((await events()).filter((k) => k === 'overdue')).toHaveLength(1);
    const row = await db.selectFrom('appeals').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ overdueSince: plusDays(due, 1), escalationLevel: 0, lockOwner: null });
    // Other appeals of this file fall due too: look for this one's notice among the zone's.
    const titles = async (c: Client) =>
      (await c.get('/api/v1/notifications?pageSize=200')).json().items.map((n: { title: string }) => n.title);
    expect(await titles(lfkfq)).toContain('诉求逾期督办：逾期测试诉求');
    expect((await titles(lfkfq)).filter((n: string) => n === '诉求逾期督办：逾期测试诉求')).toHaveLength(1);
    // Again the same day: nothing new.
    const same = await sweepAppeals({ db, dialect, ports }, { now: clock });
    expect(same.overdue + same.escalated).toBe(0);
    // Still overdue after the rule's working days (3): one level up, the zone's city.
    const later = addWorkingDays(cal, due, 3).day;
    const up = await sweepAppeals({ db, dialect, ports }, { now: new Date(`${later}T02:00:00Z`) });
    expect(up.escalated).toBeGreaterThanOrEqual(1);
    const escalated = (await lfkfq.get(`/api/v1/appeals/${a.id}`)).json();
    expect(escalated).toMatchObject({ escalationLevel: 1, supervisingUnitName: '临汾市' });
    const city = await t.login('linfen');
    expect(await titles(city)).toContain('诉求逾期升级督办：逾期测试诉求');
    const leader = await t.login('linfen_leader');
    expect((await leader.get(`/api/v1/appeals/${a.id}`)).json().actions).toEqual(['instruct']);
    // Then the province; then nothing above it.
    const later2 = addWorkingDays(cal, later, 3).day;
    await sweepAppeals({ db, dialect, ports }, { now: new Date(`${later2}T02:00:00Z`) });
    const top = await db.selectFrom('appeals').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(top).toMatchObject({ escalationLevel: 2, nextSweepOn: null });
    expect((await events()).filter((k) => k === 'escalate')).toHaveLength(2);
    // Acting on it resets the running deadline.
    const fresh = (await lfkfq.get(`/api/v1/appeals/${a.id}`)).json();
    const accepted = await ok(lfkfq, fresh, 'accept');
    expect(accepted).toMatchObject({ dueStage: 'answer', escalationLevel: 2 });
  });

  it('keeps the holiday schedule as data and flags deadlines in a year without one', async () => {
    const admin = await t.login('admin');
    const calendar = (await admin.get('/api/v1/appeal-calendar?from=2026')).json();
    expect(calendar.years.map((y: { year: number }) => y.year)).toEqual([2026]);
    expect(calendar.missingYears).toEqual([2027]);
    // Answer within 30 working days from late November runs into 2027.
    const rules = (await admin.get('/api/v1/appeal-sla-rules')).json();
    const def = rules.find((r: { id: string }) => r.id === 'default');
    const patched = await admin.patch('/api/v1/appeal-sla-rules/default', {
      version: def.version,
      acceptDays: 1,
      signDays: 1,
      answerDays: 30,
      escalateAfterDays: 3,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    let a = await file(enterprise, { regionId: zone, title: '跨年诉求', category: 'policy' });
    a = await ok(lfkfq, a, 'accept');
    const expected = addWorkingDays(cal, today, 30);
    expect(a).toMatchObject({ answerDueOn: expected.day, dueUnscheduled: expected.unscheduled });
    expect(expected.day > '2026-12-31').toBe(expected.unscheduled);

    const before = await tableCounts(t);
    const bad: [unknown, string][] = [
      [{ holidays: ['2027-02-30'], workdays: [] }, 'holidays.0'],
      [{ holidays: ['2026-10-01'], workdays: [] }, 'holidays.0'],
      [{ holidays: ['2027-01-01'], workdays: ['2027-01-06'] }, 'workdays.0'],
      [{ holidays: [], workdays: [] }, 'holidays'],
    ];
    for (const [body, path] of bad) {
      const res = await admin.request({
        method: 'PUT',
        url: '/api/v1/appeal-calendar/2027',
        payload: body as object,
      });
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'HOLIDAY_SCHEDULE_INVALID']);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const lfNo = await lfkfq.request({
      method: 'PUT',
      url: '/api/v1/appeal-calendar/2027',
      payload: { holidays: ['2027-01-01'], workdays: [] },
    });
    expect(lfNo.statusCode).toBe(403);
    expect(await tableCounts(t)).toEqual(before);

    const put = await admin.request({
      method: 'PUT',
      url: '/api/v1/appeal-calendar/2027',
      payload: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], note: '测试录入' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const y2027 = put.json().years.find((y: { year: number }) => y.year === 2027);
    expect(y2027).toMatchObject({ source: 'admin', version: 1, note: '测试录入' });
    expect(put.json().missingYears).toEqual([]);
    const stale = await admin.request({
      method: 'PUT',
      url: '/api/v1/appeal-calendar/2027',
      payload: { holidays: ['2027-01-01'], workdays: [] },
    });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const b = await file(enterprise, { regionId: zone, title: '跨年诉求二', category: 'policy' });
    const accepted = await ok(lfkfq, b, 'accept');
    expect(accepted.dueUnscheduled).toBe(false);
  });

  it('lists with filters and SLA states, and computes figures', async () => {
    const list = (await lfkfq.get('/api/v1/appeals?open=true&sort=due&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    for (const i of list.items)
      expect(['submitted', 'accepted', 'assigned', 'handling', 'answered']).toContain(i.status);
    const dues = list.items.map((i: { dueOn: string | null }) => i.dueOn).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    // One deadline moved into the past (kept in the roll-ups): 逾期 in the list, the filter and the detail.
    const late = list.items.find((i: { dueOn: string | null }) => i.dueOn);
    await withRollups(t.database.db, { source: appealRollups, ids: [late.id] }, () =>
      t.database.db
        .updateTable('appeals')
        .set({ dueOn: plusDays(today, -3) })
        .where('id', '=', late.id)
        .execute(),
    );
    const overdue = (await lfkfq.get('/api/v1/appeals?sla=overdue&pageSize=200')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(overdue.items.every((i: { sla: string }) => i.sla === 'overdue')).toBe(true);
    const lateDetail = (await lfkfq.get(`/api/v1/appeals/${late.id}`)).json();
    expect(lateDetail.sla).toBe('overdue');
    expect(lateDetail.workingDaysLeft).toBeLessThan(0);
    const warning = (await lfkfq.get('/api/v1/appeals?sla=warning&pageSize=200')).json();
    expect(warning.items.every((i: { sla: string }) => i.sla === 'warning')).toBe(true);
    const normal = (await lfkfq.get('/api/v1/appeals?sla=normal&pageSize=200')).json();
    expect(normal.items.every((i: { sla: string }) => i.sla === 'normal')).toBe(true);
    expect(warning.total + normal.total).toBeGreaterThan(0);
    const byCategory = (await lfkfq.get('/api/v1/appeals?category=water')).json();
    expect(byCategory.items.every((i: { category: string }) => i.category === 'water')).toBe(true);
    const figures = (await t.login('linfen')).get(`/api/v1/appeals/figures?from=${today}&to=${today}`);
    const f = (await figures).json();
    expect(f.received).toBeGreaterThan(5);
    expect(f.satisfactionRate).toBeGreaterThan(0);
    expect(f.departments.map((d: { departmentName: string }) => d.departmentName)).toContain(
      '临汾市自然资源局',
    );
    expect(f.categories[0].count).toBeGreaterThan(0);
    const zr = f.departments.find((d: { departmentName: string }) => d.departmentName === '临汾市自然资源局');
    expect(zr.answered).toBeGreaterThanOrEqual(2);
    const deptFigures = (await dept.get(`/api/v1/appeals/figures?from=${today}&to=${today}`)).json();
    expect(deptFigures.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual([
      '临汾市自然资源局',
    ]);
    const bad = await lfkfq.get(`/api/v1/appeals/figures?from=${today}&to=2020-01-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('treats SQL and wildcards in the search box as text', async () => {
    const before = await tableCounts(t);
    for (const q of ["' OR 1=1 --", '%', '_', "'; drop table appeals; --", '\\']) {
      const res = await lfkfq.get(`/api/v1/appeals?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().total, q).toBe(0);
    }
    for (const url of [
      '/api/v1/appeals?status=lost',
      '/api/v1/appeals?pageSize=100000',
      '/api/v1/appeals?from=2026-02-30',
      '/api/v1/appeals?sla=red',
      '/api/v1/appeals?unknown=1',
      '/api/v1/appeal-calendar?from=abc',
    ]) {
      const res = await lfkfq.get(url);
      expect([res.statusCode, res.json().error.code], url).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await lfkfq.get(`/api/v1/appeals/${'a'.repeat(65)}`)).statusCode).toBe(400);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('records meetings whose issues become appeals, and opens the next with the last one’s outcomes', async () => {
    const linfen = await t.login('linfen');
    const city = await unitId(t, '141000');
    const ents = [await unitId(t, 'E-JINXIN'), await unitId(t, 'E-DLXW')];
    const first = await linfen.post('/api/v1/appeal-meetings', {
      series: 'breakfast',
      title: '第一期政企早餐会',
      heldOn: '2026-10-15',
      regionId: city,
      hostLeader: '市长',
      enterpriseIds: ents,
    });
    expect(first.statusCode, first.body).toBe(201);
    const m1 = first.json();
    const raised = await linfen.post(`/api/v1/appeal-meetings/${m1.id}/issues`, {
      enterpriseId: ents[0],
      category: 'finance',
      title: '流动资金贷款续贷难',
      description: '银行抽贷。',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json().appeals[0]).toMatchObject({
      channel: 'meeting',
      meetingId: m1.id,
      regionName: '临汾市',
    });
    expect(raised.json().outcome).toEqual({ raised: 1, solved: 0, open: 1, satisfied: 0 });
    const notAttending = await linfen.post(`/api/v1/appeal-meetings/${m1.id}/issues`, {
      enterpriseId: await unitId(t, 'E-YDYS'),
      category: 'finance',
      title: 'x',
      description: 'y',
    });
    expect(notAttending.json().error.code).toBe('APPEAL_ENTERPRISE_INVALID');
    const second = (
      await linfen.post('/api/v1/appeal-meetings', {
        series: 'breakfast',
        title: '第二期政企早餐会',
        heldOn: '2026-11-15',
        regionId: city,
        hostLeader: '市长',
        enterpriseIds: [ents[1]],
      })
    ).json();
    expect(second.previous).toMatchObject({ id: m1.id, outcome: { raised: 1 } });
    expect(second.previous.appeals[0].title).toBe('流动资金贷款续贷难');
    const list = (await linfen.get('/api/v1/appeal-meetings?series=breakfast')).json();
    expect(list.items.map((m: { title: string }) => m.title)).toEqual([
      '第二期政企早餐会',
      '第一期政企早餐会',
    ]);
    await expect(
      (await t.login('taiyuan')).get(`/api/v1/appeal-meetings/${m1.id}`).then((r) => r.statusCode),
    ).resolves.toBe(404);
    expect((await yaodu.get('/api/v1/appeal-meetings')).json().total).toBe(0);
    const wrong = await yaodu.post('/api/v1/appeal-meetings', {
      series: 'tea',
      title: '越权',
      heldOn: '2026-11-15',
      regionId: city,
      hostLeader: '区长',
    });
    expect(wrong.json().error.code).toBe('APPEAL_OFFICE_INVALID');
    expect(await userId(t, 'linfen')).toBeTruthy();
  });

  it('keeps the roll-ups equal to a recount after every flow above', async () => {
    const { rows, differences } = await verifyRollups(t.database.db, appealRollups);
    expect(rows).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });
});
