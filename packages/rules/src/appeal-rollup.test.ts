import { describe, expect, it } from 'vitest';
import { appealCells, appealDeptMetric, parseAppealDeptMetric, type RollupAppeal } from './appeal-rollup.js';
import { CellBag, cellDelta, type PlacedCell } from './rollup.js';

/** A fresh appeal, filed at a zone on 2025-03-10, waiting to be accepted by 2025-03-11. */
const base: RollupAppeal = {
  regionPath: '/sx/lf/z1/',
  filedOn: '2025-03-10',
  status: 'submitted',
  channel: 'portal',
  category: 'land',
  departmentId: null,
  departmentRegionPath: null,
  acceptedOn: null,
  answeredOn: null,
  answeredOnTime: false,
  answerWorkingDays: null,
  rating: null,
  reopenCount: 0,
  dueOn: '2025-03-11',
};

/** Cells at the appeal's own path, as 'period metric' → n (days where not zero). */
const at = (cells: readonly PlacedCell[], path = '/sx/lf/z1/') =>
  Object.fromEntries(
    cells
      .filter((c) => c.path === path)
      .map((c) => [`${c.period} ${c.metric}`, c.days ? [c.n, c.days] : c.n]),
  );

const handled: RollupAppeal = {
  ...base,
  status: 'handling',
  departmentId: 'd1',
  departmentRegionPath: '/sx/lf/z1/',
  acceptedOn: '2025-03-10',
  dueOn: '2025-03-17',
};
const answered: RollupAppeal = {
  ...handled,
  status: 'answered',
  answeredOn: '2025-03-14',
  answeredOnTime: true,
  answerWorkingDays: 4,
  dueOn: null,
};

describe('appeal roll-up cells', () => {
  it('a new appeal is received in its month, by category and channel, and due on its accept deadline', () => {
    expect(at(appealCells(base))).toEqual({
      '2025-03 received': 1,
      '2025-03 category:land': 1,
      '2025-03 channel:portal': 1,
      '2025-03-11 openDue': 1,
    });
  });

  it('counts in the region and every ancestor, the same cells at each (but the department’s own)', () => {
    const cells = appealCells(answered);
    const noDept = (path: string) =>
      Object.fromEntries(Object.entries(at(cells, path)).filter(([k]) => !k.includes(' dept')));
    expect([...new Set(cells.map((c) => c.path))]).toEqual(['/sx/', '/sx/lf/', '/sx/lf/z1/']);
    expect(at(cells, '/sx/')).toEqual(noDept('/sx/lf/z1/'));
    expect(at(cells, '/sx/lf/')).toEqual(noDept('/sx/lf/z1/'));
  });

  // What each field adds to (+) or takes from (−) the cells of a fresh appeal.
  const effects: [string, Partial<RollupAppeal>, Record<string, number | number[]>][] = [
    ['accepted', { status: 'accepted', acceptedOn: '2025-04-02' }, { '2025-03 accepted': 1 }],
    [
      'rejected: the clock stops',
      { status: 'rejected', dueOn: null },
      { '2025-03 rejected': 1, '2025-03-11 openDue': -1 },
    ],
    [
      'assigned: the department counts it, and its deadline',
      { status: 'assigned', departmentId: 'd1', departmentRegionPath: '/sx/lf/z1/', dueOn: '2025-03-13' },
      {
        '2025-03 dept:d1:assigned': 1,
        '2025-03-11 openDue': -1,
        '2025-03-13 openDue': 1,
        '2025-03-13 deptDue:d1': 1,
      },
    ],
    [
      'answered late: answered, not on time, its working days',
      { status: 'answered', answeredOn: '2025-03-20', answerWorkingDays: 8, dueOn: null },
      { '2025-03 answered': 1, '2025-03 answerDays:8': [1, 8], '2025-03-11 openDue': -1 },
    ],
    [
      'answered on time',
      { answeredOn: '2025-03-12', answeredOnTime: true, answerWorkingDays: 0, dueOn: null },
      { '2025-03 answered': 1, '2025-03 onTime': 1, '2025-03 answerDays:0': 1, '2025-03-11 openDue': -1 },
    ],
    ['rated unsatisfied', { rating: 'unsatisfied' }, { '2025-03 rated': 1 }],
    [
      'rated basically satisfied',
      { rating: 'basically_satisfied' },
      { '2025-03 rated': 1, '2025-03 satisfied': 1 },
    ],
    ['reopened but not answered yet: not a reopen of an answer', { reopenCount: 1 }, {}],
    ['closed', { status: 'closed', dueOn: null }, { '2025-03 closed': 1, '2025-03-11 openDue': -1 }],
    ['merged: received, no longer due', { status: 'merged', dueOn: null }, { '2025-03-11 openDue': -1 }],
    ['open with no running deadline', { dueOn: null }, { '2025-03-11 openDue': -1 }],
    [
      'a due day in another month stays on its day',
      { dueOn: '2025-04-01' },
      {
        '2025-03-11 openDue': -1,
        '2025-04-01 openDue': 1,
      },
    ],
    [
      'filed in another month: every monthly cell moves',
      { filedOn: '2025-02-28' },
      {
        '2025-03 received': -1,
        '2025-03 category:land': -1,
        '2025-03 channel:portal': -1,
        '2025-02 received': 1,
        '2025-02 category:land': 1,
        '2025-02 channel:portal': 1,
      },
    ],
    [
      'category and channel',
      { category: 'power', channel: 'hotline' },
      {
        '2025-03 category:land': -1,
        '2025-03 channel:portal': -1,
        '2025-03 category:power': 1,
        '2025-03 channel:hotline': 1,
      },
    ],
  ];
  it.each(effects)('%s', (_name, patch, expected) => {
    expect(at(cellDelta(appealCells(base), appealCells({ ...base, ...patch })))).toEqual(expected);
  });

  it('a department answers, rates and satisfies in its own metrics', () => {
    const closed = { ...answered, status: 'closed', rating: 'satisfied' };
    expect(at(appealCells(closed))).toEqual({
      '2025-03 received': 1,
      '2025-03 accepted': 1,
      '2025-03 answered': 1,
      '2025-03 closed': 1,
      '2025-03 onTime': 1,
      '2025-03 rated': 1,
      '2025-03 satisfied': 1,
      '2025-03 answerDays:4': [1, 4],
      '2025-03 category:land': 1,
      '2025-03 channel:portal': 1,
      '2025-03 dept:d1:assigned': 1,
      '2025-03 dept:d1:answered': 1,
      '2025-03 dept:d1:onTime': 1,
      '2025-03 dept:d1:rated': 1,
      '2025-03 dept:d1:satisfied': 1,
    });
  });

  it('重办: an unsatisfied rating reopens the answered appeal on a fresh deadline', () => {
    const reopened: RollupAppeal = {
      ...answered,
      status: 'handling',
      rating: 'unsatisfied',
      reopenCount: 1,
      dueOn: '2025-03-24',
    };
    expect(at(cellDelta(appealCells(answered), appealCells(reopened)))).toEqual({
      '2025-03 rated': 1,
      '2025-03 dept:d1:rated': 1,
      '2025-03 reopened': 1,
      '2025-03-24 openDue': 1,
      '2025-03-24 deptDue:d1': 1,
    });
    // Answered again late: the rating is cleared, the first answer's working days are kept.
    const again = {
      ...reopened,
      status: 'answered',
      rating: null,
      answeredOn: '2025-03-27',
      answeredOnTime: false,
      dueOn: null,
    };
    expect(at(cellDelta(appealCells(reopened), appealCells(again)))).toEqual({
      '2025-03 rated': -1,
      '2025-03 dept:d1:rated': -1,
      '2025-03 onTime': -1,
      '2025-03 dept:d1:onTime': -1,
      '2025-03-24 openDue': -1,
      '2025-03-24 deptDue:d1': -1,
    });
  });

  it('reassigning moves the department’s cells; returning drops them', () => {
    const moved = { ...handled, departmentId: 'd2' };
    expect(at(cellDelta(appealCells(handled), appealCells(moved)))).toEqual({
      '2025-03 dept:d1:assigned': -1,
      '2025-03 dept:d2:assigned': 1,
      '2025-03-17 deptDue:d1': -1,
      '2025-03-17 deptDue:d2': 1,
    });
    const returned = { ...handled, status: 'accepted', departmentId: null };
    expect(at(cellDelta(appealCells(handled), appealCells(returned)))).toEqual({
      '2025-03 dept:d1:assigned': -1,
      '2025-03-17 deptDue:d1': -1,
    });
  });

  it('keeps a department’s cells at its own region only, and none for a department outside the appeal’s', () => {
    const byCity = { ...handled, departmentRegionPath: '/sx/lf/' };
    const deptPaths = (a: RollupAppeal) => [
      ...new Set(
        appealCells(a)
          .filter((c) => c.metric.startsWith('dept'))
          .map((c) => c.path),
      ),
    ];
    expect(deptPaths(byCity)).toEqual(['/sx/lf/']);
    expect(deptPaths(handled)).toEqual(['/sx/lf/z1/']);
    expect(deptPaths({ ...handled, departmentRegionPath: '/sx/ty/' })).toEqual([]);
    // the appeal itself still counts everywhere up the tree
    expect(at(appealCells(byCity), '/sx/')['2025-03 received']).toBe(1);
  });

  it('a write’s delta nets to the cells after: before + delta = after, with nothing for no change', () => {
    const steps: RollupAppeal[] = [
      base,
      { ...base, status: 'accepted', acceptedOn: '2025-03-10', dueOn: '2025-03-17' },
      handled,
      answered,
      { ...answered, status: 'handling', rating: 'unsatisfied', reopenCount: 1, dueOn: '2025-03-24' },
      { ...answered, status: 'closed', rating: 'satisfied', reopenCount: 1 },
    ];
    const table = new CellBag();
    for (const [i, after] of steps.entries()) {
      table.addAll(cellDelta(i === 0 ? [] : appealCells(steps[i - 1]), appealCells(after)));
      const key = (c: PlacedCell) => `${c.path}|${c.period}|${c.metric}`;
      const sorted = (cs: PlacedCell[]) => [...cs].sort((x, y) => key(x).localeCompare(key(y)));
      expect(sorted(table.cells())).toEqual(sorted(appealCells(after)));
      expect(cellDelta(appealCells(after), appealCells({ ...after }))).toEqual([]);
    }
  });

  it('names and reads department metrics', () => {
    expect(appealDeptMetric('0190ab-1', 'onTime')).toBe('dept:0190ab-1:onTime');
    expect(parseAppealDeptMetric('dept:0190ab-1:onTime')).toEqual({
      departmentId: '0190ab-1',
      metric: 'onTime',
    });
    expect(parseAppealDeptMetric('deptDue:0190ab-1')).toBeNull();
    expect(parseAppealDeptMetric('received')).toBeNull();
  });
});
