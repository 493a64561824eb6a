import { describe, expect, it } from 'vitest';
import { PIPELINE_STATUSES, projectCells, type RollupProject, statusOn } from './pipeline-rollup.js';
import { cellDelta, placeCells, type RollupCell } from './rollup.js';

/** What a write changes, for a project at one path. */
const rollupDelta = (before: RollupProject | null, after: RollupProject | null) =>
  cellDelta(
    placeCells(before ? projectCells(before) : [], ['/p/']),
    placeCells(after ? projectCells(after) : [], ['/p/']),
  );

const base: RollupProject = {
  status: 'lead',
  openNeedDueOn: null,
  createdOn: '2025-01-10',
  negotiatingOn: null,
  signedOn: null,
  startedOn: null,
  producingOn: null,
  terminatedOn: null,
  totalInvestmentFen: 1000,
  industrySection: null,
  originGroup: null,
  funds: [],
  promises: [],
};

const cells = (p: RollupProject) =>
  Object.fromEntries(projectCells(p).map((c) => [`${c.period} ${c.metric}`, [c.n, c.fen, c.days]]));

/** The running status counts at the end of a month: what a dashboard reads. */
function statusAt(all: RollupCell[], month: string) {
  const out: Record<string, number> = {};
  for (const c of all)
    if (c.period <= month && c.metric.startsWith('status:')) {
      const s = c.metric.slice(7);
      out[s] = (out[s] ?? 0) + c.n;
    }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
}

describe('pipeline roll-up cells', () => {
  it('a new lead enters the pipeline in the month it was entered', () => {
    expect(cells(base)).toEqual({ '2025-01 status:lead': [1, 1000, 0] });
  });

  it('moves through the stages month by month, with entries and durations', () => {
    const p = {
      ...base,
      negotiatingOn: '2025-01-20',
      signedOn: '2025-03-01',
      startedOn: '2025-05-31',
      producingOn: '2025-12-01',
    };
    expect(cells(p)).toEqual({
      // lead and negotiating in the same month: the lead cell nets to zero and is left out
      '2025-01 status:negotiating': [1, 1000, 0],
      '2025-03 status:negotiating': [-1, -1000, 0],
      '2025-03 status:signed': [1, 1000, 0],
      '2025-03 signed': [1, 1000, 0],
      '2025-05 status:signed': [-1, -1000, 0],
      '2025-05 status:started': [1, 1000, 0],
      '2025-05 started': [1, 1000, 0],
      '2025-05 signToStart': [1, 0, 91],
      '2025-12 status:started': [-1, -1000, 0],
      '2025-12 status:producing': [1, 1000, 0],
      '2025-12 producing': [1, 1000, 0],
      '2025-12 startToProduction': [1, 0, 184],
      '2025-12 signToProduction': [1, 0, 275],
    });
    const all = projectCells(p);
    expect(statusAt(all, '2024-12')).toEqual({});
    expect(statusAt(all, '2025-02')).toEqual({ negotiating: 1 });
    expect(statusAt(all, '2025-04')).toEqual({ signed: 1 });
    expect(statusAt(all, '2026-01')).toEqual({ producing: 1 });
  });

  it('reads the status on a day exactly as the period figures do (termination first)', () => {
    const p = { ...base, signedOn: '2025-02-01', terminatedOn: '2025-04-01' };
    const table: [string, string | null][] = [
      ['2025-01-09', null],
      ['2025-01-10', 'lead'],
      ['2025-02-01', 'signed'],
      ['2025-03-31', 'signed'],
      ['2025-04-01', 'terminated'],
    ];
    for (const [day, status] of table) expect(statusOn(p, day), day).toBe(status);
    expect(statusAt(projectCells(p), '2025-05')).toEqual({ terminated: 1 });
  });

  it('a project recorded with an earlier stage date than its entry exists from that date', () => {
    const p = { ...base, createdOn: '2025-06-01', signedOn: '2024-11-15' };
    expect(statusAt(projectCells(p), '2024-11')).toEqual({ signed: 1 });
    expect(statusAt(projectCells(p), '2025-06')).toEqual({ signed: 1 });
  });

  it('funds by month of arrival; promises by month due, cancelled ones left out', () => {
    const p = {
      ...base,
      funds: [
        { receivedOn: '2025-02-03', amountFen: 300 },
        { receivedOn: '2025-02-20', amountFen: 200 },
      ],
      promises: [
        { dueOn: '2025-06-30', status: 'fulfilled' },
        { dueOn: '2025-06-01', status: 'pending' },
        { dueOn: '2025-07-01', status: 'cancelled' },
      ],
    };
    expect(cells(p)).toMatchObject({
      '2025-02 funds': [2, 500, 0],
      '2025-06 promiseDue': [2, 0, 0],
      '2025-06 promiseFulfilled': [1, 0, 0],
    });
    expect(cells(p)['2025-07 promiseDue']).toBeUndefined();
    // the pending one is kept by its due day, for the promises overdue today; not once terminated
    expect(cells(p)['2025-06-01 promisePendingSince']).toEqual([1, 0, 0]);
    expect(Object.keys(cells(p)).filter((k) => k.endsWith('promisePendingSince'))).toHaveLength(1);
    const ended = { ...p, status: 'terminated', terminatedOn: '2025-05-01' };
    expect(Object.keys(cells(ended)).some((k) => k.endsWith('promisePendingSince'))).toBe(false);
  });

  it('keeps present-state cells per day: stalled by the day of the stage now held, blocked by due day', () => {
    const signed = { ...base, status: 'signed', signedOn: '2025-03-01', openNeedDueOn: '2025-08-15' };
    expect(cells(signed)).toMatchObject({
      '2025-03-01 stalledSignedSince': [1, 0, 0],
      '2025-08-15 blockedSince': [1, 0, 0],
    });
    const started = { ...signed, status: 'started', startedOn: '2025-04-02' };
    expect(cells(started)['2025-03-01 stalledSignedSince']).toBeUndefined();
    expect(cells(started)['2025-04-02 stalledStartedSince']).toEqual([1, 0, 0]);
    const terminated = { ...started, status: 'terminated', terminatedOn: '2025-09-01' };
    expect(Object.keys(cells(terminated)).filter((k) => k.endsWith('Since'))).toEqual([]);
  });

  it('counts a signing by industry section and by origin group, in the month of signing', () => {
    const p = { ...base, signedOn: '2025-03-01', industrySection: 'C', originGroup: 'yangtze' };
    expect(cells(p)).toMatchObject({
      '2025-03 signedIndustry:C': [1, 1000, 0],
      '2025-03 signedOrigin:yangtze': [1, 1000, 0],
    });
    expect(Object.keys(cells({ ...p, signedOn: null })).some((k) => k.includes('signedIndustry'))).toBe(
      false,
    );
  });

  it('a write changes the roll-ups by the difference of the cells only', () => {
    const before = { ...base, signedOn: '2025-03-01' };
    const after = { ...before, totalInvestmentFen: 1500, startedOn: '2025-04-02' };
    const d = Object.fromEntries(
      rollupDelta(before, after).map((c) => [`${c.period} ${c.metric}`, [c.n, c.fen]]),
    );
    expect(d).toEqual({
      '2025-01 status:lead': [0, 500],
      '2025-03 status:lead': [0, -500],
      '2025-03 status:signed': [0, 500],
      '2025-03 signed': [0, 500],
      '2025-04 status:signed': [-1, -1500],
      '2025-04 status:started': [1, 1500],
      '2025-04 started': [1, 1500],
      '2025-04 signToStart': [1, 0],
    });
    expect(rollupDelta(after, after)).toEqual([]);
    // creating then deleting nets to nothing
    const total = [...rollupDelta(null, after), ...rollupDelta(after, null)];
    const sums = new Map<string, number>();
    for (const c of total)
      sums.set(`${c.period} ${c.metric}`, (sums.get(`${c.period} ${c.metric}`) ?? 0) + c.n);
    expect([...sums.values()].every((n) => n === 0)).toBe(true);
  });

  it('every month-end status count is one project, whatever the stage dates', () => {
    const days = ['2025-01-05', '2025-02-10', '2025-02-11', '2025-05-01', '2025-09-30', null];
    for (const a of days)
      for (const b of days)
        for (const c of days) {
          const p = { ...base, createdOn: '2025-01-05', negotiatingOn: a, signedOn: b, terminatedOn: c };
          for (const month of ['2025-01', '2025-02', '2025-06', '2025-12']) {
            const at = statusAt(projectCells(p), month);
            expect(Object.values(at)).toEqual([1]);
            expect(PIPELINE_STATUSES).toContain(Object.keys(at)[0]);
            expect(Object.keys(at)[0]).toBe(statusOn(p, `${month}-31`));
          }
        }
  });
});
