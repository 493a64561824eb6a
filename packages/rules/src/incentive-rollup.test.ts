import { describe, expect, it } from 'vitest';
import { incentiveCells, medianOfCounts, type RollupIncentive } from './incentive-rollup.js';
import { cellDelta } from './rollup.js';

const base: RollupIncentive = {
  regionPath: '/p/c/z/',
  status: 'county_review',
  submittedOn: '2025-03-28',
  provisionalFen: 5000,
  approvedFen: null,
  paidFen: 0,
  paidOn: null,
  stageDueOn: '2025-04-08',
  payDueOn: null,
};

/** The cells at one path, as `period metric` → [n, fen, days]. */
const at = (a: RollupIncentive, path = '/p/c/z/') =>
  Object.fromEntries(
    incentiveCells(a)
      .filter((c) => c.path === path)
      .map((c) => [`${c.period} ${c.metric}`, [c.n, c.fen, c.days]]),
  );

describe('incentive roll-up cells', () => {
  it('counts an application under review in its month of submission, its step on its due day', () => {
    expect(at(base)).toEqual({
      '2025-03 applications': [1, 5000, 0],
      '2025-04-08 reviewDue': [1, 0, 0],
    });
    // in its region and every region above it, alike
    expect(at(base, '/p/')).toEqual(at(base));
    expect(new Set(incentiveCells(base).map((c) => c.path))).toEqual(new Set(['/p/', '/p/c/', '/p/c/z/']));
  });

  it.each([
    [
      'returned: no step running, nothing due',
      { status: 'returned', stageDueOn: null },
      { '2025-03 applications': [1, 5000, 0] },
    ],
    [
      'rejected',
      { status: 'rejected', stageDueOn: null },
      { '2025-03 applications': [1, 5000, 0], '2025-03 rejected': [1, 0, 0] },
    ],
    [
      'approved: the reward owed from its due day',
      { status: 'approved', stageDueOn: null, approvedFen: 4000, payDueOn: '2025-05-20' },
      {
        '2025-03 applications': [1, 5000, 0],
        '2025-03 approved': [1, 4000, 0],
        '2025-05-20 rewardDue': [1, 4000, 0],
      },
    ],
    [
      'partly paid: what is paid counts, the rest is still owed',
      { status: 'partly_paid', stageDueOn: null, approvedFen: 4000, paidFen: 1500, payDueOn: '2025-05-20' },
      {
        '2025-03 applications': [1, 5000, 0],
        '2025-03 approved': [1, 4000, 0],
        '2025-03 paid': [0, 1500, 0],
        '2025-05-20 rewardDue': [1, 2500, 0],
      },
    ],
    [
      'paid in full: settled, in the month of submission, with the days it took',
      {
        status: 'paid',
        stageDueOn: null,
        approvedFen: 4000,
        paidFen: 4000,
        paidOn: '2025-06-06',
        payDueOn: '2025-05-20',
      },
      {
        '2025-03 applications': [1, 5000, 0],
        '2025-03 approved': [1, 4000, 0],
        '2025-03 paid': [1, 4000, 70],
        '2025-03 payDays:70': [1, 0, 0],
      },
    ],
    [
      'approved without a payment due day: never overdue (the ledger takes today as its due day)',
      { status: 'approved', stageDueOn: null, approvedFen: 4000, payDueOn: null },
      { '2025-03 applications': [1, 5000, 0], '2025-03 approved': [1, 4000, 0] },
    ],
  ] as const)('%s', (_, patch, expected) => {
    expect(at({ ...base, ...patch })).toEqual(expected);
  });

  it('a payment moves the application from owed to settled in one delta', () => {
    const approved = {
      ...base,
      status: 'approved',
      stageDueOn: null,
      approvedFen: 4000,
      payDueOn: '2025-05-20',
    };
    const paid = { ...approved, status: 'paid', paidFen: 4000, paidOn: '2025-03-31' };
    const delta = cellDelta(incentiveCells(approved), incentiveCells(paid)).filter((c) => c.path === '/p/');
    expect(Object.fromEntries(delta.map((c) => [`${c.period} ${c.metric}`, [c.n, c.fen, c.days]]))).toEqual({
      '2025-03 paid': [1, 4000, 3],
      '2025-03 payDays:3': [1, 0, 0],
      '2025-05-20 rewardDue': [-1, -4000, 0],
    });
  });
});

describe('median of counts', () => {
  const cases: { counts: [number, number][]; median: number | null }[] = [
    { counts: [], median: null },
    { counts: [[5, 1]], median: 5 },
    {
      counts: [
        [3, 1],
        [9, 1],
      ],
      median: 6,
    },
    {
      counts: [
        [3, 2],
        [9, 1],
      ],
      median: 3,
    },
    {
      counts: [
        [1, 1],
        [2, 1],
        [7, 2],
      ],
      median: 4.5,
    },
    {
      counts: [
        [10, 0],
        [4, 2],
      ],
      median: 4,
    },
  ];
  it.each(cases)('$counts → $median', ({ counts, median }) => {
    expect(medianOfCounts(new Map(counts))).toBe(median);
  });

  it('equals the median of the values listed one by one', () => {
    const values = [0, 3, 3, 8, 12, 12, 12, 40, 41];
    for (let k = 1; k <= values.length; k++) {
      const list = values.slice(0, k);
      const counts = new Map<number, number>();
      for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1);
      const s = [...list].sort((a, b) => a - b);
      const m = s.length >> 1;
      expect(medianOfCounts(counts)).toBe(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
    }
  });
});
