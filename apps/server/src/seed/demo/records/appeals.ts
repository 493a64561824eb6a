import type { Selectable } from 'kysely';
import type { AppealSlaRuleTable } from '../../../db/tables/appeals.js';
import { appealCode } from '../../../modules/appeals/appeals.repository.js';
import { dayString, personName, uuid7, weighted } from '../generate-projects.js';
import * as V from '../vocabulary.js';
import type { OfficialsOf } from './activities.js';
import type { RecordsContext, Unit } from './context.js';
import type { EnterprisePool } from './enterprises.js';

type SlaRule = Selectable<AppealSlaRuleTable>;

interface Meeting {
  id: string;
  place: Unit;
  heldN: number;
  /** Indexes into the pool's enterprises. */
  enterprises: number[];
}

/** The latest appeal of an enterprise, the day it stopped being open and its category (merge targets). */
interface Previous {
  id: string;
  closedN: number;
  category: string;
}

const categories = Object.keys(V.APPEAL_TOPICS);
const pickCategory = weighted(categories, (c) => V.APPEAL_TOPICS[c][0]);
const CHANNEL_MIX: [string, number][] = [
  ['portal', 36],
  ['window', 20],
  ['hotline', 16],
  ['transfer_12345', 20],
  ['express', 5],
];
const pickChannel = weighted(CHANNEL_MIX, (c) => c[1]);
const RATING_MIX: [string, number][] = [
  ['satisfied', 74],
  ['basically_satisfied', 19],
  ['unsatisfied', 7],
];
const pickRating = weighted(RATING_MIX, (r) => r[1]);

/**
 * Government–enterprise meetings and 2 × P appeals of the pool's enterprises on every channel, taken
 * through the flow with working-day deadlines (filed → accepted → assigned to a department of the
 * region tree → signed → answered on time or late → rated → closed; some rejected, merged or reopened,
 * some still open and overdue today, escalated as the sweep would have). appeal_events are not
 * generated: the columns of a generated appeal carry every date the figures read.
 */
export async function generateAppeals(
  ctx: RecordsContext,
  pool: EnterprisePool,
  officialsOf: OfficialsOf,
): Promise<void> {
  const { rng, batch, at, momentOn, places, cityOf, firstN, todayN } = ctx;
  const { enterprises } = pool;
  const projects = ctx.projects;
  ctx.log('  appeals…');
  const ruleFor = slaRuleFinder(await ctx.db.selectFrom('appealSlaRules').selectAll().execute());
  const AP = ctx.counts.appeals;
  const meetings = await writeMeetings(ctx, pool, officialsOf, Math.round((AP * 0.06) / 4));

  // skeletons (filing day, enterprise, meeting), then filed in day order
  const filed = new Int32Array(AP);
  const filer = new Int32Array(AP);
  const meetingOf = new Int32Array(AP).fill(-1);
  let k = 0;
  for (let m = 0; m < meetings.length && k < AP; m++)
    for (const e of meetings[m].enterprises) {
      if (k >= AP || !rng.chance(0.8)) continue;
      filed[k] = meetings[m].heldN;
      filer[k] = e;
      meetingOf[k] = m;
      k++;
    }
  for (; k < AP; k++) {
    // more appeals in later years: the platform's use grows (density rising linearly)
    filed[k] = firstN + Math.floor(ctx.window * Math.sqrt(rng.float()));
    filer[k] = Math.floor(enterprises.length * rng.float() ** 1.5);
  }
  const order = new Float64Array(AP);
  for (let i = 0; i < AP; i++) order[i] = filed[i] * 2 ** 22 + i;
  order.sort();
  const lastOf = new Map<number, Previous>();

  for (let j = 0; j < AP; j++) {
    const i = order[j] % 2 ** 22;
    const F = filed[i];
    const e = enterprises[filer[i]];
    const place = places[e.place];
    const meeting = meetingOf[i] >= 0 ? meetings[meetingOf[i]] : null;
    const channel = meeting ? 'meeting' : pickChannel(rng)[0];
    const category = pickCategory(rng);
    const [, deptKey, matters] = V.APPEAL_TOPICS[category];
    const urgency = rng.chance(0.1) ? 'urgent' : 'normal';
    const rule = ruleFor({ channel, category, urgency });
    const office = meeting
      ? meeting.place
      : channel === 'express' || rng.chance(0.12)
        ? cityOf(place)
        : place;
    const matter = rng.pick(matters);
    const title = rng.chance(0.5) ? matter : `关于${matter}的诉求`;
    const createdMs = momentOn(F);
    const id = uuid7(rng, createdMs);
    const code = appealCode(id, dayString(F));
    const anonymous = (channel === 'hotline' || channel === 'portal') && rng.chance(0.05) ? 1 : 0;
    const projectPool = projects.ofPlace[e.place];
    const projectId = projectPool.length > 0 && rng.chance(0.2) ? projects.ids[rng.pick(projectPool)] : null;

    const f = appealFlow(ctx, rule, F, office, deptKey, meeting !== null, lastOf.get(filer[i]));
    const s = sweep(ctx, rule, F, office, f);
    const updatedMs =
      f.lastN > F || s.level > 0 ? momentOn(Math.max(f.lastN, s.escalatedN), createdMs) : createdMs;
    const d = (n: number) => (n >= 0 ? dayString(n) : null);
    batch.appeals.push([
      id,
      code,
      title,
      `${e.name}反映：${matter}，影响企业正常生产经营，请求协调解决。`,
      `${title} ${code}`.toLowerCase(),
      channel,
      category,
      urgency,
      anonymous,
      channel === 'express' ? 1 : 0,
      e.id,
      e.name,
      personName(rng),
      `13${rng.int(100000000, 999999999)}`,
      projectId,
      meeting?.id ?? null,
      office.id,
      office.path,
      f.departmentId,
      s.supervisor.id,
      s.level,
      d(s.escalatedN),
      f.status,
      dayString(F),
      d(f.acceptedN),
      d(f.assignedN),
      d(f.signedN),
      d(f.answeredN),
      d(f.closedN),
      dayString(f.acceptDue),
      d(f.signDue),
      d(f.answerDue),
      d(s.dueN),
      s.dueStage,
      s.dueN >= 0 && ctx.wd.unscheduled(s.dueFrom, s.dueN, 1) ? 1 : 0,
      s.overdueSince,
      s.nextSweep,
      rule.acceptDays,
      rule.signDays,
      rule.answerDays,
      rule.escalateAfterDays,
      f.answer,
      f.answerWorkingDays,
      f.answeredOnTime,
      f.reopen,
      f.rating,
      f.ratingComment,
      f.ratedVia,
      f.openQuestion,
      f.rejectReason,
      f.duplicateOf,
      f.mergedInto,
      null,
      at(createdMs),
      at(updatedMs),
      1 + f.steps + s.steps,
    ]);
    lastOf.set(filer[i], { id, closedN: f.closedN >= 0 ? f.closedN : todayN + 1, category });
    await ctx.flush();
  }
  await ctx.flush(true);
}

/** The SLA rule of an appeal: the most specific that fits (channel, then category, then urgency). */
function slaRuleFinder(slaRules: SlaRule[]) {
  return (a: { channel: string; category: string; urgency: string }) => {
    const fits = slaRules.filter(
      (r) =>
        (r.channel === null || r.channel === a.channel) &&
        (r.category === null || r.category === a.category) &&
        (r.urgency === null || r.urgency === a.urgency),
    );
    const score = (r: SlaRule) => (r.channel ? 4 : 0) + (r.category ? 2 : 0) + (r.urgency ? 1 : 0);
    fits.sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id));
    if (!fits[0]) throw new Error('no SLA rule fits');
    return fits[0];
  };
}

/** Meetings first: each brings the issues of a few attending enterprises (channel `meeting`). */
async function writeMeetings(
  ctx: RecordsContext,
  { enterprises, enterprisesOfPlace }: EnterprisePool,
  officialsOf: OfficialsOf,
  meetingCount: number,
): Promise<Meeting[]> {
  const { rng, batch, at, momentOn } = ctx;
  const meetings: Meeting[] = [];
  for (let m = 0; m < meetingCount; m++) {
    const place = ctx.pickPlace(rng);
    const pool = enterprisesOfPlace[ctx.placeIndex.get(place.id)!];
    if (pool.length === 0) continue;
    const heldN = rng.int(ctx.firstN, ctx.todayN);
    const series = rng.pick(['breakfast', 'tea', 'salon'] as const);
    const attending = new Set<number>();
    const size = Math.min(pool.length, rng.int(3, 6));
    while (attending.size < size) attending.add(rng.pick(pool));
    const ms = momentOn(heldN);
    const id = uuid7(rng, ms);
    const host = officialsOf.get(place.id)?.find((o) => o.main);
    batch.appeal_meetings.push([
      id,
      series,
      `${ctx.shortOf(place)}${dayString(heldN).slice(0, 7).replace('-', '年')}月${V.MEETING_SERIES_TITLES[series]}`,
      dayString(heldN),
      place.id,
      place.path,
      host?.name ?? personName(rng),
      rng.pick(V.ACTIVITY_VENUES),
      null,
      null,
      at(ms),
      at(ms),
      1,
    ]);
    [...attending].forEach((e, position) => {
      batch.appeal_meeting_enterprises.push([id, enterprises[e].id, position]);
    });
    meetings.push({ id, place, heldN, enterprises: [...attending] });
  }
  await ctx.flush(true);
  return meetings;
}

/**
 * An appeal filed on day F taken through the flow as far as today: every step happens on or before
 * today, and the state at today is what stays. Day numbers are -1 for a step not reached.
 */
function appealFlow(
  ctx: RecordsContext,
  rule: SlaRule,
  F: number,
  office: Unit,
  deptKey: string,
  atMeeting: boolean,
  previous: Previous | undefined,
) {
  const { rng, wd, todayN, department } = ctx;
  const acceptDue = wd.add(F, rule.acceptDays);
  let status = 'submitted';
  let lastN = F;
  let steps = 0;
  let acceptedN = -1;
  let assignedN = -1;
  let signedN = -1;
  let answeredN = -1;
  let closedN = -1;
  let signDue = -1;
  let answerDue = -1;
  let answerWorkingDays: number | null = null;
  let answeredOnTime: number | null = null;
  let departmentId: string | null = null;
  let rating: string | null = null;
  let ratedVia: string | null = null;
  let ratingComment: string | null = null;
  let answer: string | null = null;
  let reopen = 0;
  let rejectReason: string | null = null;
  let mergedInto: string | null = null;
  let duplicateOf: string | null = null;
  let openQuestion = 0;
  const by = (n: number) => n <= todayN;
  const u = rng.float();
  if (u < 0.03) {
    const n = wd.add(F, rng.int(0, 1));
    if (by(n)) {
      status = 'rejected';
      closedN = n;
      rejectReason = rng.pick(V.APPEAL_REJECT_REASONS);
      lastN = n;
      steps++;
    }
  } else if (u < 0.045 && previous && previous.closedN > F && !atMeeting) {
    const n = wd.add(F, rng.int(0, 1));
    duplicateOf = previous.id;
    if (by(n) && n < previous.closedN) {
      status = 'merged';
      closedN = n;
      mergedInto = previous.id;
      lastN = n;
      steps++;
    }
  } else {
    const stuck = F >= todayN - 240 && rng.chance(0.03);
    acceptedN = wd.add(F, rng.chance(0.04) ? rng.int(2, 3) : rng.int(0, rule.acceptDays));
    if (!by(acceptedN)) acceptedN = -1;
    else {
      status = 'accepted';
      steps++;
      lastN = acceptedN;
      answerDue = wd.add(acceptedN, rule.answerDays);
      const n = wd.add(acceptedN, rng.int(0, 1));
      const dept = department(office, deptKey) ?? department(office, 'commerce');
      if (by(n) && dept) {
        assignedN = n;
        departmentId = dept.id;
        signDue = wd.add(n, rule.signDays);
        status = 'assigned';
        steps++;
        lastN = n;
        const s = wd.add(n, rng.chance(0.05) ? rng.int(2, 3) : rng.int(0, rule.signDays));
        if (by(s)) {
          signedN = s;
          status = 'handling';
          steps++;
          lastN = s;
          const onTime = rng.chance(0.85);
          const w = onTime
            ? rng.int(1, rule.answerDays)
            : rng.int(rule.answerDays + 1, rule.answerDays * 2 + 5);
          const a = Math.max(signedN, wd.add(acceptedN, w));
          if (!stuck && by(a)) {
            answeredN = a;
            answer = rng.pick(V.APPEAL_ANSWERS);
            answerWorkingDays = wd.between(acceptedN, a);
            answeredOnTime = a <= answerDue ? 1 : 0;
            status = 'answered';
            steps++;
            lastN = a;
            const r = a + rng.int(1, 10);
            if (by(r) && !(r > todayN - 10 && rng.chance(0.3))) {
              rating = pickRating(rng)[0];
              ratedVia = rng.chance(0.65) ? 'enterprise' : 'callback';
              ratingComment = rating === 'unsatisfied' ? '问题未根本解决，希望继续协调' : null;
              steps++;
              lastN = r;
              if (rating === 'unsatisfied') {
                // 重办: the same department answers again on a fresh deadline
                reopen = 1;
                answerDue = wd.add(r, rule.answerDays);
                status = 'handling';
                const a2 = wd.add(r, rng.int(2, rule.answerDays + 3));
                if (by(a2)) {
                  answeredN = a2;
                  answer = rng.pick(V.APPEAL_ANSWERS);
                  answeredOnTime = a2 <= answerDue ? 1 : 0;
                  rating = null;
                  ratedVia = null;
                  ratingComment = null;
                  status = 'answered';
                  steps++;
                  lastN = a2;
                  const r2 = a2 + rng.int(1, 10);
                  if (by(r2)) {
                    rating = rng.chance(0.7) ? 'basically_satisfied' : 'satisfied';
                    ratedVia = rng.chance(0.5) ? 'enterprise' : 'callback';
                    status = 'closed';
                    closedN = r2;
                    steps++;
                    lastN = r2;
                  }
                }
              } else {
                status = 'closed';
                closedN = r;
              }
            }
          } else if (rng.chance(0.05)) openQuestion = 1;
        }
      }
    }
  }
  return {
    status,
    lastN,
    steps,
    acceptDue,
    acceptedN,
    assignedN,
    signedN,
    answeredN,
    closedN,
    signDue,
    answerDue,
    answerWorkingDays,
    answeredOnTime,
    departmentId,
    rating,
    ratedVia,
    ratingComment,
    answer,
    reopen,
    rejectReason,
    mergedInto,
    duplicateOf,
    openQuestion,
  };
}

/** The running deadline of an appeal filed on day F and what the sweep has made of it by today. */
function sweep(
  ctx: RecordsContext,
  rule: SlaRule,
  F: number,
  office: Unit,
  f: ReturnType<typeof appealFlow>,
) {
  const { wd, todayN } = ctx;
  const { status } = f;
  const [dueN, dueStage, dueFrom] =
    status === 'submitted'
      ? [f.acceptDue, 'accept', F]
      : status === 'accepted' || status === 'handling'
        ? [f.answerDue, 'answer', f.acceptedN]
        : status === 'assigned'
          ? [f.signDue, 'sign', f.assignedN]
          : [-1, null, F];
  let supervisor = office;
  let level = 0;
  let escalatedN = -1;
  let overdueSince: string | null = null;
  let nextSweep: string | null = null;
  let steps = 0;
  /** The sweep escalates one level each time the appeal stays overdue the rule's working days. */
  const escalate = (due: number, until: number) => {
    let since = due;
    for (;;) {
      const parent = supervisor.parentId ? ctx.byId.get(supervisor.parentId) : undefined;
      const e2 = wd.add(since, rule.escalateAfterDays);
      if (!parent || e2 > until) return since;
      supervisor = parent;
      level++;
      escalatedN = e2;
      since = e2;
      steps++;
    }
  };
  if (f.answeredN >= 0 && f.answeredOnTime === 0 && f.reopen === 0) escalate(f.answerDue, f.answeredN - 1);
  if (dueN >= 0) {
    if (dueN < todayN) {
      overdueSince = dayString(dueN + 1);
      steps++;
      const since = escalate(dueN, todayN);
      const next = wd.add(since, rule.escalateAfterDays);
      nextSweep = supervisor.parentId ? dayString(next > todayN ? next : todayN + 1) : null;
    } else nextSweep = dayString(dueN + 1);
  }
  return { dueN, dueStage, dueFrom, supervisor, level, escalatedN, overdueSince, nextSweep, steps };
}
