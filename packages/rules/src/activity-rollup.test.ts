import { describe, expect, it } from 'vitest';
import { activityCells, signingCells } from './activity-rollup.js';
import type { PlacedCell } from './rollup.js';

const table = (cells: PlacedCell[]) =>
  Object.fromEntries(cells.map((c) => [`${c.path} ${c.period} ${c.metric}`, [c.n, c.fen, c.days]]));

const trip = {
  regionPath: '/sx/lf/yd/',
  type: 'outbound',
  startOn: '2026-03-30',
  days: 4,
  mainLeaderPaths: [] as string[],
};

describe('activity roll-up cells', () => {
  it('counts an activity by type in its region and every ancestor, in the month it began', () => {
    expect(table(activityCells({ ...trip, type: 'conference' }))).toEqual({
      '/sx/ 2026-03 type:conference': [1, 0, 4],
      '/sx/lf/ 2026-03 type:conference': [1, 0, 4],
      '/sx/lf/yd/ 2026-03 type:conference': [1, 0, 4],
    });
  });

  it('counts a main-leader trip once per region, however many of its leaders went', () => {
    const cells = table(
      activityCells({ ...trip, mainLeaderPaths: ['/sx/lf/yd/', '/sx/lf/yd/', '/sx/lf/hm/', '/sx/lf/'] }),
    );
    const trips = Object.entries(cells).filter(([k]) => k.endsWith('mainLeaderTrip'));
    expect(Object.fromEntries(trips)).toEqual({
      '/sx/ 2026-03 mainLeaderTrip': [1, 0, 4],
      '/sx/lf/ 2026-03 mainLeaderTrip': [1, 0, 4],
      '/sx/lf/yd/ 2026-03 mainLeaderTrip': [1, 0, 4],
      '/sx/lf/hm/ 2026-03 mainLeaderTrip': [1, 0, 4],
    });
  });

  it('a trip without a main leader, or an activity that is not a trip, is no main-leader trip', () => {
    const keys = (a: typeof trip) => Object.keys(table(activityCells(a)));
    expect(keys(trip).some((k) => k.endsWith('mainLeaderTrip'))).toBe(false);
    expect(
      keys({ ...trip, type: 'conference', mainLeaderPaths: ['/sx/lf/'] }).some((k) =>
        k.endsWith('mainLeaderTrip'),
      ),
    ).toBe(false);
  });
});

describe('signing roll-up cells', () => {
  const signing = {
    activityPath: '/sx/lf/',
    activityStartOn: '2026-03-30',
    projectPath: '/sx/lf/yd/',
    amountFen: 1000,
    startedOn: null,
    status: 'signed',
    fundsInPlaceFen: 0,
  };

  it('counts in the regions holding both the activity and the project, in the activity’s month', () => {
    expect(table(signingCells(signing))).toEqual({
      '/sx/ 2026-03 actSigning': [1, 1000, 0],
      '/sx/lf/ 2026-03 actSigning': [1, 1000, 0],
    });
    // a county's activity signing a project of another county counts only from their common city up
    expect(Object.keys(table(signingCells({ ...signing, activityPath: '/sx/lf/hm/' })))).toEqual([
      '/sx/ 2026-03 actSigning',
      '/sx/lf/ 2026-03 actSigning',
    ]);
  });

  it.each([
    [0, 0],
    [400, 400],
    [1000, 1000],
    [2500, 1000],
    [-5, 0],
  ])('funds in place %i land %i of the 1000 signed (never more than signed)', (funds, landed) => {
    const cells = table(signingCells({ ...signing, startedOn: '2026-05-01', fundsInPlaceFen: funds }));
    expect(cells['/sx/ 2026-03 actLanded']?.[1] ?? 0).toBe(landed);
    expect(cells['/sx/ 2026-03 actStarted']).toEqual([1, 1000, 0]);
  });

  it('a terminated project keeps its signing and shows the amount as terminated', () => {
    const cells = table(signingCells({ ...signing, status: 'terminated' }));
    expect(cells['/sx/ 2026-03 actTerminated']).toEqual([1, 1000, 0]);
    expect(cells['/sx/ 2026-03 actSigning']).toEqual([1, 1000, 0]);
  });
});
