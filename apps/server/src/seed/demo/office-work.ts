import { permissionsOf, type Role } from '@yingshang/contracts';
import type { DbHandle } from '../../db/database.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { createAppealService } from '../../modules/appeals/appeals.service.js';
import { createMeetingService } from '../../modules/appeals/meetings.service.js';
import { createArrearService } from '../../modules/rectification/arrears.service.js';
import { ports } from '../../ports.js';

/**
 * What the demo accounts' own offices have on their desks, entered through the services as the users
 * would (so it is audited under their names and every derived column is the service's own): the
 * 清欠台账 of Linfen and Taiyuan with repayments, and the zone's and the county's 政企早餐会.
 * The generated history (generate-records.ts) is written in bulk and not audited; one system audit
 * row says so. Runs once, right after the generated records.
 */
export async function seedOfficeWork(database: DbHandle, summary: string): Promise<number> {
  const { db, dialect } = database;
  const actor = async (username: string): Promise<Actor | null> => {
    const u = await db
      .selectFrom('users as u')
      .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
      .select([
        'u.id',
        'u.username',
        'u.displayName',
        'u.roles',
        'o.id as orgId',
        'o.code',
        'o.name',
        'o.kind',
        'o.path',
      ])
      .where('u.username', '=', username)
      .executeTakeFirst();
    if (!u) return null;
    const roles = JSON.parse(u.roles) as Role[];
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      roles,
      permissions: new Set(permissionsOf(roles)),
      orgUnit: { id: u.orgId, code: u.code, name: u.name, kind: u.kind as never, path: u.path },
      locale: 'zh-CN',
      mustChangePassword: false,
      sessionId: 'seed',
      csrfToken: 'seed',
      requestId: null,
      ip: null,
    };
  };
  const unit = (code: string) =>
    db
      .selectFrom('orgUnits')
      .select(['id', 'name', 'path', 'creditCode'])
      .where('code', '=', code)
      .executeTakeFirst();
  const enterprisesUnder = (path: string, limit: number) =>
    db
      .selectFrom('orgUnits')
      .select(['id', 'name', 'creditCode'])
      .where('kind', '=', 'enterprise')
      .where('path', 'like', `${path}%`)
      .orderBy('code')
      .limit(limit)
      .execute();

  const today = beijingToday();
  const ago = (n: number) => addDays(today, -n);
  let written = 0;

  // 清欠台账: state-owned debtors, SME creditors, repayments over the months since the debt fell due
  const arrears = createArrearService({ db, dialect, ports });
  const ledgers: { user: string; region: string; debtor: string; rows: [number, number, number[]][] }[] = [
    {
      user: 'linfen',
      region: 'Z14100001',
      debtor: '临汾经济开发区建设投资有限公司',
      rows: [
        [3_860_000_00, 240, [1_000_000_00, 860_000_00]],
        [1_250_000_00, 150, [1_250_000_00]],
        [920_000_00, 60, []],
      ],
    },
    {
      user: 'linfen',
      region: '141002',
      debtor: '临汾市城市建设投资发展集团有限公司',
      rows: [
        [5_400_000_00, 300, [2_000_000_00, 1_500_000_00, 1_900_000_00]],
        [780_000_00, 90, [300_000_00]],
      ],
    },
    {
      user: 'taiyuan',
      region: '140105',
      debtor: '太原市政建设集团有限公司',
      rows: [
        [2_300_000_00, 200, [800_000_00]],
        [640_000_00, 45, []],
      ],
    },
  ];
  for (const l of ledgers) {
    const who = await actor(l.user);
    const region = await unit(l.region);
    if (!who || !region) continue;
    const creditors = (await enterprisesUnder(region.path, 8)).filter((e) => e.creditCode);
    for (const [i, [amountFen, dueAgo, paid]] of l.rows.entries()) {
      const creditor = creditors[i % Math.max(1, creditors.length)];
      if (!creditor?.creditCode) continue;
      let a = await arrears.create(who, {
        debtorName: l.debtor,
        creditorName: creditor.name,
        creditorCreditCode: creditor.creditCode,
        contract: `${region.name}${['道路工程', '厂房建设', '设备采购'][i % 3]}合同（${ago(dueAgo + 120).slice(0, 4)}年）`,
        regionId: region.id,
        amountFen,
        dueOn: ago(dueAgo),
        notes: '专项整治中核实的拖欠账款',
      });
      written++;
      for (const [k, fen] of paid.entries()) {
        a = await arrears.repay(who, a.id, {
          version: a.version,
          paidOn: ago(Math.round((dueAgo * (paid.length - k)) / (paid.length + 1))),
          amountFen: fen,
          note:
            k === paid.length - 1 && fen + paid.slice(0, k).reduce((s, x) => s + x, 0) === amountFen
              ? '结清'
              : '分期偿还',
        });
        written++;
      }
    }
  }

  // 政企早餐会 of the zone and the county, with the enterprises invited
  const appeals = createAppealService({ db, ports, dialect });
  const meetings = createMeetingService({ db, ports, dialect, appeals });
  for (const [username, code, host, title] of [
    ['lfkfq', 'Z14100001', '临汾经开区管委会主任', '临汾经开区政企早餐会（第'],
    ['yaodu', '141002', '尧都区区长', '尧都区政企早餐会（第'],
  ] as const) {
    const who = await actor(username);
    const region = await unit(code);
    if (!who || !region) continue;
    const invited = await enterprisesUnder(region.path, 4);
    for (const [n, heldAgo] of [
      [1, 75],
      [2, 40],
      [3, 12],
    ] as const) {
      await meetings.create(who, {
        series: 'breakfast',
        title: `${title}${n}期）`,
        heldOn: ago(heldAgo),
        regionId: region.id,
        hostLeader: host,
        location: `${region.name}政务服务中心会议室`,
        enterpriseIds: invited.map((e) => e.id),
        notes: '听取企业在用地、融资、审批方面的诉求，现场交办。',
      });
      written++;
    }
  }

  // fresh appeals on the desks: the enterprise's own, and the zone's queue from 待受理 to 待签收
  const enterprise = await actor('enterprise');
  if (enterprise) {
    await appeals.create(enterprise, {
      channel: 'portal',
      category: 'land',
      urgency: 'normal',
      title: '关于扩建项目用地报批进度的诉求',
      description: '焦化升级扩建项目用地预审已提交两个月，请协调自然资源部门加快报批。',
      contactName: '刘经理',
      contactPhone: '13903570001',
      anonymous: false,
    });
    written++;
  }
  const zone = await actor('lfkfq');
  const zoneUnit = await unit('Z14100001');
  const dlxw = await unit('E-DLXW');
  if (zone && zoneUnit && dlxw) {
    const filed = [];
    for (const [title, description] of [
      ['关于光伏组件厂房配套用电增容的诉求', '二期厂房投产在即，需新增 10 千伏专线，请协调供电部门。'],
      ['关于企业用工招聘补贴兑现的诉求', '去年新招员工 120 人，招聘补贴尚未兑现，请协助办理。'],
      ['关于厂区用地手续办理的诉求', '二期项目用地已摘牌，不动产权证办理进度缓慢，请协调自然资源部门。'],
    ] as const)
      filed.push(
        await appeals.create(zone, {
          channel: 'window',
          category: 'land',
          urgency: 'normal',
          title,
          description,
          enterpriseId: dlxw.id,
          regionId: zoneUnit.id,
          contactName: '陈主任',
          contactPhone: '13903570002',
          anonymous: false,
        }),
      );
    written += filed.length;
    // the second accepted (待派单), the third accepted and assigned to the city's 自然资源局 (待签收)
    for (const a of filed.slice(1)) {
      let d = await appeals.step(zone, a.id, 'accept', { version: a.version, note: '已受理' });
      if (a === filed[2]) {
        const dept = (await appeals.departments(zone, a.id)).find((x) => x.name === '临汾市自然资源局');
        if (dept) d = await appeals.step(zone, a.id, 'assign', { version: d.version, departmentId: dept.id });
      }
      written++;
    }
  }

  // the generated history is bulk-loaded, not audited: the audit log says so, once
  const province = await unit('140000');
  if (province)
    await recordAudit(db, null, {
      action: 'seed',
      entity: 'system',
      entityId: null,
      scopePath: province.path,
      summary: `生成演示数据：${summary}。生成的历史记录未逐条审计；此后用户的每一次操作都记入审计日志。`,
    });
  return written;
}
