import { deptCode } from '../../../modules/orgs/seed.js';
import { taskCode } from '../../../modules/rectification/rectification.repository.js';
import { DEMO_CAMPAIGN_TITLE, loadDemoCampaign, NINE_PROBLEMS } from '../campaign.js';
import { dayNumber, dayString, personName, type Rng, uuid7, weighted } from '../generate-projects.js';
import * as V from '../vocabulary.js';
import type { RecordsContext, Unit } from './context.js';

interface Campaign {
  id: string;
  startN: number;
  deadlineN: number;
  /** Problem ids, by seq. */
  problems: string[];
  /** How many of the tasks it gets, relatively. */
  weight: number;
}

const pickSource = weighted(
  [
    ['self_inspection', 40],
    ['field_survey', 20],
    ['appeal', 15],
    ['overdue_incentive', 8],
    ['inspector_finding', 17],
  ] as [string, number][],
  (s) => s[1],
);
const DEPT_KEYS = ['commerce', 'development', 'natural-resources', 'approval', 'finance', 'investment'];

/**
 * Rectification campaigns of past years (the seed's demo campaign is loaded too) with 0.05 × P tasks
 * across the nine problems, lead units and zones, with progress reports, verifications and deadlines,
 * some overdue.
 */
export async function generateRectification(ctx: RecordsContext): Promise<void> {
  const { rng, batch, at, momentOn, places } = ctx;
  ctx.log('  rectification…');
  const campaigns = await writeCampaigns(ctx);
  const pickCampaign = weighted(campaigns, (c) => c.weight);
  const zoneUnits = places.filter((p) => p.kind === 'zone');
  const pickZone = weighted(zoneUnits.length ? zoneUnits : places, ctx.placeWeight);
  const focus = demoOffice(ctx);
  const current = campaigns.at(-1);
  for (let t = 0; t < ctx.counts.tasks; t++) {
    const c = pickCampaign(rng);
    const { seq, zones, home, lead, coops, createdN, deadlineN, milestones, issue, measures } = drawTask(
      ctx,
      c,
      pickZone,
      c === current && rng.chance(0.2) ? focus : null,
    );
    const createdMs = momentOn(createdN);
    const id = uuid7(rng, createdMs);
    const code = taskCode(id, dayString(createdN));
    const state = standing(ctx, createdN, deadlineN);
    const { status, progress, verification, closedN } = state;
    const { lastMs, version, lastReportN } = writeHistory(
      ctx,
      id,
      lead,
      createdMs,
      createdN,
      deadlineN,
      state,
    );
    batch.rectification_tasks.push([
      id,
      code,
      c.id,
      c.problems[seq],
      issue,
      measures,
      lead.id,
      home.path,
      dayString(deadlineN),
      JSON.stringify(milestones),
      pickSource(rng)[0],
      null,
      status,
      progress,
      lastReportN >= 0 ? dayString(lastReportN) : null,
      verification,
      closedN >= 0 ? dayString(closedN) : null,
      [code, issue, measures, lead.name, ...coops.map((o) => o.name), ...zones.map((z) => z.name)]
        .join(' ')
        .toLowerCase(),
      null,
      at(createdMs),
      at(lastMs),
      version,
    ]);
    const unitRows = (role: string, list: Unit[]) =>
      list.forEach((o, position) => {
        batch.rectification_task_units.push([id, o.id, o.path, role, position]);
      });
    unitRows('lead', [lead]);
    unitRows('coop', coops);
    unitRows('zone', zones);
    await ctx.flush();
  }
  await ctx.flush(true);
}

/** The past years' campaigns (written) and the seed's demo campaign (loaded), with their problems. */
async function writeCampaigns(ctx: RecordsContext): Promise<Campaign[]> {
  const { rng, batch, at, momentOn, db, province, firstN, todayN } = ctx;
  await loadDemoCampaign(db, ctx.today);
  const demo = await db
    .selectFrom('rectificationCampaigns')
    .select(['id', 'startOn', 'deadlineOn'])
    .where('title', '=', DEMO_CAMPAIGN_TITLE)
    .executeTakeFirstOrThrow();
  const demoProblems = await db
    .selectFrom('rectificationProblems')
    .select(['id', 'seq'])
    .where('campaignId', '=', demo.id)
    .orderBy('seq')
    .execute();
  const campaigns: Campaign[] = [];
  const thisYear = Number(ctx.today.slice(0, 4));
  V.PAST_CAMPAIGNS.forEach(([title, body, mmdd], c) => {
    const year = thisYear - V.PAST_CAMPAIGNS.length + c;
    const startN = dayNumber(`${year}-${mmdd}`);
    const deadlineN = dayNumber(`${year}-12-31`);
    if (startN < firstN || startN > todayN - 30) return;
    const ms = momentOn(startN);
    const id = uuid7(rng, ms);
    batch.rectification_campaigns.push([
      id,
      `${year}年${title}`,
      body,
      `晋政办发〔${year}〕${rng.int(10, 60)}号`,
      province.id,
      province.path,
      dayString(startN),
      dayString(deadlineN),
      JSON.stringify([province.id]),
      '聚焦影响营商环境的突出问题，建立整改任务清单和工作台账，实行项目化推进、清单化管理、销号式落实。',
      at(ms),
      at(ms),
      1,
    ]);
    const problems = NINE_PROBLEMS.map((name, seq) => {
      const pid = uuid7(rng, ms);
      batch.rectification_problems.push([pid, id, seq + 1, name]);
      return pid;
    });
    campaigns.push({ id, startN, deadlineN, problems, weight: Math.max(30, deadlineN - startN) });
  });
  campaigns.push({
    id: demo.id,
    startN: dayNumber(demo.startOn),
    deadlineN: dayNumber(demo.deadlineOn),
    problems: demoProblems.map((p) => p.id),
    // the campaign under way: about two in five of the tasks, across the cities and zones
    weight: campaigns.length === 0 ? 1 : campaigns.reduce((a, c) => a + c.weight, 0) * 0.67,
  });
  return campaigns;
}

/**
 * The units of the demo accounts (accounts.ts): 临汾经济开发区, 尧都区 and 临汾市自然资源局, when the
 * tree has them. Some of the current campaign's tasks are theirs, so the zone, the department handler and the
 * inspector have tasks to report on and verify.
 */
function demoOffice(ctx: RecordsContext): Focus | null {
  const units = [...ctx.byId.values()];
  const zone = units.find((u) => u.code === 'Z14100001');
  const county = units.find((u) => u.code === '141002');
  const lead = units.find((u) => u.code === deptCode('141000', 'natural-resources'));
  return zone && county && lead ? { zone, county, lead } : null;
}
type Focus = { zone: Unit; county: Unit; lead: Unit };

/** A task of campaign c: its problem, zones, lead and co-operating units, days, milestones and issue. */
function drawTask(ctx: RecordsContext, c: Campaign, pickZone: (rng: Rng) => Unit, focus: Focus | null) {
  const { rng, pickPlace, department, todayN } = ctx;
  const seq = rng.int(0, Math.min(8, c.problems.length - 1));
  const zones = [
    focus ? (rng.chance(0.6) ? focus.zone : focus.county) : rng.chance(0.7) ? pickZone(rng) : pickPlace(rng),
  ];
  if (rng.chance(0.15)) {
    const z = pickPlace(rng);
    if (!zones.includes(z)) zones.push(z);
  }
  const home = zones[0];
  const lead = focus ? focus.lead : rng.chance(0.3) ? home : (department(home, rng.pick(DEPT_KEYS)) ?? home);
  const coops: Unit[] = [];
  for (let n = rng.int(0, 2); n > 0; n--) {
    const d = department(home, rng.pick(DEPT_KEYS));
    if (d && d !== lead && !coops.includes(d)) coops.push(d);
  }
  const createdN = Math.min(
    todayN,
    c.startN + rng.int(0, Math.max(0, Math.min(todayN, c.deadlineN - 30) - c.startN)),
  );
  const deadlineN = Math.min(c.deadlineN, createdN + rng.int(30, 240));
  const milestones = V.RECTIFICATION_MILESTONES.slice(0, rng.int(0, 3)).map((title, m, all) => ({
    title,
    dueOn: dayString(createdN + Math.round(((deadlineN - createdN) * (m + 1)) / (all.length + 1))),
  }));
  const [issue0, measures] = rng.pick(V.RECTIFICATION_ISSUES[seq]);
  const issue = `${ctx.shortOf(home)}${issue0}`;
  return { seq, zones, home, lead, coops, createdN, deadlineN, milestones, issue, measures };
}

/** Where a task stands today: status, progress, the last verification and the days of it and of closing. */
function standing(ctx: RecordsContext, createdN: number, deadlineN: number) {
  const { rng, todayN } = ctx;
  const r = rng.float();
  let status = 'open';
  let progress = 0;
  let verification: string | null = null;
  let closedN = -1;
  let verifiedN = -1;
  if (todayN > deadlineN) {
    if (r < 0.7) {
      status = 'closed';
      closedN = Math.min(todayN, Math.max(createdN + 10, deadlineN + rng.int(-60, 30)));
    } else if (r < 0.78) status = 'verified';
    else progress = rng.int(2, 9) * 10;
  } else {
    const elapsed = (todayN - createdN) / Math.max(1, deadlineN - createdN);
    if (r < 0.12 * elapsed) status = rng.chance(0.6) ? 'closed' : 'verified';
    else progress = Math.min(90, Math.max(0, Math.round((elapsed * 100 + rng.int(-20, 10)) / 10) * 10));
    if (status === 'closed')
      closedN = Math.min(todayN, createdN + Math.max(10, Math.round((todayN - createdN) * 0.9)));
  }
  if (status !== 'open') {
    progress = 100;
    verification = 'passed';
    verifiedN =
      closedN >= 0
        ? closedN - rng.int(0, 5)
        : Math.min(todayN, Math.max(createdN + 5, deadlineN - rng.int(0, 30)));
    verifiedN = Math.max(createdN, verifiedN);
    if (closedN >= 0 && closedN < verifiedN) closedN = verifiedN;
  } else if (progress >= 80 && rng.chance(0.25)) {
    progress = 100;
    verification = 'failed';
    verifiedN = Math.min(todayN, createdN + rng.int(20, 200));
  } else if (progress >= 60 && rng.chance(0.35)) {
    // reported complete, waiting for the inspector's verification (待核查)
    progress = 100;
  }
  return { status, progress, verification, closedN, verifiedN };
}

/**
 * A task's progress reports, verification and events up to where it stands; returns the moment of
 * the last of them, the task's version and the day of its last report (-1: none).
 */
function writeHistory(
  ctx: RecordsContext,
  id: string,
  lead: Unit,
  createdMs: number,
  createdN: number,
  deadlineN: number,
  { progress, verification, closedN, verifiedN }: ReturnType<typeof standing>,
) {
  const { rng, batch, at, momentOn, todayN } = ctx;
  let lastMs = createdMs;
  let version = 1;
  let lastReportN = -1;
  if (progress > 0) {
    const reports = Math.max(1, Math.ceil(progress / 40));
    const endN = verifiedN >= 0 ? verifiedN : Math.min(todayN, deadlineN + 30);
    for (let q = 1; q <= reports; q++) {
      const reportN = Math.min(endN, createdN + Math.round(((endN - createdN) * q) / (reports + 0.5)));
      const percent = q === reports ? progress : Math.round((progress * q) / reports / 10) * 10;
      const ms = momentOn(reportN, lastMs);
      batch.rectification_reports.push([
        uuid7(rng, ms),
        id,
        'progress',
        lead.id,
        lead.name,
        percent,
        V.RECTIFICATION_REPORTS[Math.min(2, q - 1)],
        null,
        '[]',
        dayString(reportN),
        null,
        personName(rng),
        at(ms),
      ]);
      lastMs = ms;
      lastReportN = reportN;
      version++;
    }
  }
  if (verification) {
    const ms = momentOn(verifiedN, lastMs);
    const passed = verification === 'passed';
    batch.rectification_verifications.push([
      uuid7(rng, ms),
      id,
      rng.chance(0.7) ? 'self_inspection' : 'field_survey',
      verification,
      passed ? '整改措施落实到位，达到销号条件。' : '整改不彻底，部分问题仍然存在，退回继续整改。',
      dayString(verifiedN),
      lead.name,
      null,
      personName(rng),
      at(ms),
    ]);
    if (!passed)
      batch.rectification_events.push([
        uuid7(rng, ms),
        id,
        'return',
        '整改不彻底，退回',
        personName(rng),
        at(ms),
      ]);
    lastMs = ms;
    version++;
  }
  batch.rectification_events.push([
    uuid7(rng, createdMs),
    id,
    'create',
    null,
    personName(rng),
    at(createdMs),
  ]);
  if (closedN >= 0) {
    const ms = momentOn(closedN, lastMs);
    batch.rectification_events.push([uuid7(rng, ms), id, 'close', null, personName(rng), at(ms)]);
    lastMs = ms;
    version++;
  }
  return { lastMs, version, lastReportN };
}
