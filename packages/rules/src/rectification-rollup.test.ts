import { describe, expect, it } from 'vitest';
import { type RollupTask, taskCells } from './rectification-rollup.js';
import { cellDelta } from './rollup.js';

const base: RollupTask = {
  campaignId: 'C',
  problemId: 'P1',
  leadOrgId: 'L',
  leadRegionPath: '/p/c/z/',
  status: 'open',
  deadlineOn: '2025-09-30',
  closedOn: null,
  createdOn: '2025-06-03',
  unitPaths: ['/p/c/z/', '/p/c/dept/'],
};

const at = (t: RollupTask, path: string) =>
  Object.fromEntries(
    taskCells(t)
      .filter((c) => c.path === path)
      .map((c) => [`${c.period} ${c.metric}`, c.n]),
  );

describe('rectification roll-up cells', () => {
  it('counts an open task in its month of creation, and open on its deadline day', () => {
    expect(at(base, '/p/c/z/')).toEqual({
      '2025-06 c:C:total': 1,
      '2025-06 c:C:p:P1:total': 1,
      '2025-06 c:C:u:L:total': 1,
      '2025-09-30 o:C:open': 1,
      '2025-09-30 o:C:u:L': 1,
    });
  });

  it('places the task once in every region above any of its units', () => {
    const paths = taskCells(base).map((c) => c.path);
    expect(new Set(paths)).toEqual(new Set(['/p/', '/p/c/', '/p/c/z/', '/p/c/dept/']));
    // two units under one city: the city counts the task once (the lead unit's own counts stay at
    // the zone it belongs to)
    const noUnit = (cells: Record<string, number>) =>
      Object.fromEntries(Object.entries(cells).filter(([k]) => !k.includes(':u:')));
    expect(at(base, '/p/c/')).toEqual(noUnit(at(base, '/p/c/z/')));
    expect(at(base, '/p/')['2025-06 c:C:total']).toBe(1);
  });

  it('keeps the lead unit’s counts at its own region only, and nowhere when that holds none of the units', () => {
    const unitPaths = (t: RollupTask) => [
      ...new Set(
        taskCells(t)
          .filter((c) => c.metric.includes(':u:'))
          .map((c) => c.path),
      ),
    ];
    expect(unitPaths(base)).toEqual(['/p/c/z/']);
    expect(unitPaths({ ...base, leadRegionPath: '/p/c/' })).toEqual(['/p/c/']);
    expect(unitPaths({ ...base, leadRegionPath: '/q/' })).toEqual([]);
  });

  it.each([
    [
      'closed on time: closed in the month of closing, no longer open',
      { status: 'closed', closedOn: '2025-08-01' },
      {
        '2025-06 c:C:total': 1,
        '2025-06 c:C:p:P1:total': 1,
        '2025-06 c:C:u:L:total': 1,
        '2025-08 c:C:closed': 1,
        '2025-08 c:C:onTime': 1,
        '2025-08 c:C:p:P1:closed': 1,
        '2025-08 c:C:u:L:closed': 1,
        '2025-08 c:C:u:L:onTime': 1,
      },
    ],
    [
      'closed late: closed, not on time',
      { status: 'closed', closedOn: '2025-10-02' },
      {
        '2025-06 c:C:total': 1,
        '2025-06 c:C:p:P1:total': 1,
        '2025-06 c:C:u:L:total': 1,
        '2025-10 c:C:closed': 1,
        '2025-10 c:C:p:P1:closed': 1,
        '2025-10 c:C:u:L:closed': 1,
      },
    ],
    [
      'verified, waiting for 销号: still open',
      { status: 'verified' },
      {
        '2025-06 c:C:total': 1,
        '2025-06 c:C:p:P1:total': 1,
        '2025-06 c:C:u:L:total': 1,
        '2025-09-30 o:C:open': 1,
        '2025-09-30 o:C:u:L': 1,
      },
    ],
  ] as const)('%s', (_, patch, expected) => {
    expect(at({ ...base, ...patch }, '/p/c/z/')).toEqual(expected);
  });

  it('moving the deadline moves the open task from one day to the other', () => {
    const later = { ...base, deadlineOn: '2025-11-15' };
    const delta = (path: string) =>
      Object.fromEntries(
        cellDelta(taskCells(base), taskCells(later))
          .filter((c) => c.path === path)
          .map((c) => [`${c.period} ${c.metric}`, c.n]),
      );
    expect(delta('/p/')).toEqual({ '2025-09-30 o:C:open': -1, '2025-11-15 o:C:open': 1 });
    expect(delta('/p/c/z/')).toEqual({
      '2025-09-30 o:C:open': -1,
      '2025-09-30 o:C:u:L': -1,
      '2025-11-15 o:C:open': 1,
      '2025-11-15 o:C:u:L': 1,
    });
  });

  it('adding a cooperating unit in another city counts the task there too', () => {
    const wider = { ...base, unitPaths: [...base.unitPaths, '/p/d/'] };
    const delta = cellDelta(taskCells(base), taskCells(wider));
    expect(new Set(delta.map((c) => c.path))).toEqual(new Set(['/p/d/']));
    expect(delta.every((c) => c.n === 1)).toBe(true);
  });
});
