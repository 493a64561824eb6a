import { describe, expect, it } from 'vitest';
import { type ActivityLink, activityResults, resultsByActivity } from './results.js';

const link = (over: Partial<ActivityLink>): ActivityLink => ({
  activityId: 'a1',
  projectId: 'p1',
  source: false,
  signedAmountFen: null,
  status: 'lead',
  signedOn: null,
  startedOn: null,
  producingOn: null,
  fundsInPlaceFen: 0,
  ...over,
});

describe('activity results', () => {
  it('has zeros and no rate without links', () => {
    expect(activityResults([])).toMatchObject({
      projects: 0,
      signedFen: 0,
      notArrivedFen: 0,
      landedRate: null,
    });
  });

  it.each([
    [
      'a source project still in talks',
      [link({ source: true, status: 'negotiating' })],
      { projects: 1, signed: 0, signings: 0, signedFen: 0 },
    ],
    [
      'signed, not started, nothing arrived: all of it is paper',
      [link({ signedAmountFen: 1000, status: 'signed', signedOn: '2026-01-05' })],
      {
        signed: 1,
        signings: 1,
        signedFen: 1000,
        startedFen: 0,
        fundsInPlaceFen: 0,
        notArrivedFen: 1000,
        landedRate: 0,
      },
    ],
    [
      'started with part of the money in place',
      [
        link({
          signedAmountFen: 1000,
          status: 'started',
          signedOn: '2026-01-05',
          startedOn: '2026-02-01',
          fundsInPlaceFen: 250,
        }),
      ],
      {
        started: 1,
        startedFen: 1000,
        producingFen: 0,
        fundsInPlaceFen: 250,
        notArrivedFen: 750,
        landedRate: 0.25,
      },
    ],
    [
      'funds beyond the amount signed count up to it',
      [
        link({
          signedAmountFen: 1000,
          status: 'producing',
          signedOn: '2026-01-05',
          startedOn: '2026-02-01',
          producingOn: '2026-05-01',
          fundsInPlaceFen: 5000,
        }),
      ],
      { producing: 1, producingFen: 1000, fundsInPlaceFen: 1000, notArrivedFen: 0, landedRate: 1 },
    ],
    [
      'a terminated signing keeps its value as terminated and not arrived',
      [link({ signedAmountFen: 800, status: 'terminated', signedOn: '2026-01-05' })],
      { terminated: 1, terminatedFen: 800, notArrivedFen: 800 },
    ],
    [
      'a project first contacted and signed at the same activity counts once',
      [
        link({ source: true, status: 'signed', signedOn: '2026-01-05' }),
        link({ signedAmountFen: 300, status: 'signed', signedOn: '2026-01-05' }),
      ],
      { projects: 1, signed: 1, signings: 1, signedFen: 300 },
    ],
  ])('%s', (_label, links, expected) => {
    expect(activityResults(links)).toMatchObject(expected);
  });

  it('groups by activity', () => {
    const m = resultsByActivity(
      ['a1', 'a2'],
      [
        link({
          activityId: 'a1',
          projectId: 'p1',
          signedAmountFen: 100,
          signedOn: '2026-01-01',
          status: 'signed',
        }),
        link({ activityId: 'a1', projectId: 'p2', source: true }),
      ],
    );
    expect(m.get('a1')).toMatchObject({ projects: 2, signings: 1, signedFen: 100 });
    expect(m.get('a2')).toMatchObject({ projects: 0 });
  });
});
