import { describe, expect, it } from 'vitest';
import { applyStageChange, nextStage, type StageState } from './stage.js';

const today = '2026-05-31';
const at = (status: StageState['status'], paused = false, lastEventOn = '2026-03-01'): StageState => ({
  status,
  paused,
  lastEventOn,
});

describe('stage machine', () => {
  it('knows the next stage', () => {
    expect([nextStage('lead'), nextStage('signed'), nextStage('producing'), nextStage('terminated')]).toEqual(
      ['negotiating', 'started', null, null],
    );
  });

  it.each([
    [
      'lead → negotiating',
      at('lead'),
      { action: 'advance', to: 'negotiating', date: '2026-03-02' },
      'negotiating',
    ],
    ['negotiating → signed', at('negotiating'), { action: 'advance', to: 'signed', date: today }, 'signed'],
    [
      'started → producing',
      at('started'),
      { action: 'advance', to: 'producing', date: '2026-04-01' },
      'producing',
    ],
    [
      'terminate with reason',
      at('signed'),
      { action: 'terminate', date: today, reason: '企业撤资' },
      'terminated',
    ],
    [
      'admin correction back',
      at('started'),
      { action: 'correct', to: 'signed', date: today, reason: '误操作' },
      'signed',
    ],
  ] as const)('%s', (_label, state, change, status) => {
    const r = applyStageChange(state, change, today, { mayCorrect: true });
    expect(r).toEqual({ ok: true, state: { ...state, status, paused: false, lastEventOn: change.date } });
  });

  it.each([
    [
      'skip a stage',
      at('lead'),
      { action: 'advance', to: 'signed', date: today },
      'STAGE_TRANSITION_INVALID',
    ],
    [
      'go back',
      at('signed'),
      { action: 'advance', to: 'negotiating', date: today },
      'STAGE_TRANSITION_INVALID',
    ],
    [
      'advance past the end',
      at('producing'),
      { action: 'advance', to: 'producing', date: today },
      'STAGE_TRANSITION_INVALID',
    ],
    [
      'date in the future',
      at('lead'),
      { action: 'advance', to: 'negotiating', date: '2026-06-01' },
      'STAGE_DATE_INVALID',
    ],
    [
      'date before the last event',
      at('lead'),
      { action: 'advance', to: 'negotiating', date: '2026-02-28' },
      'STAGE_DATE_INVALID',
    ],
    [
      'terminate without reason',
      at('signed'),
      { action: 'terminate', date: today, reason: ' ' },
      'REASON_REQUIRED',
    ],
    ['move a terminated project', at('terminated'), { action: 'resume', date: today }, 'PROJECT_CLOSED'],
    [
      'advance while paused',
      at('signed', true),
      { action: 'advance', to: 'started', date: today },
      'PROJECT_PAUSED',
    ],
    [
      'pause twice',
      at('signed', true),
      { action: 'pause', date: today, reason: 'x' },
      'STAGE_TRANSITION_INVALID',
    ],
    ['resume when running', at('signed'), { action: 'resume', date: today }, 'STAGE_TRANSITION_INVALID'],
    [
      'correct forwards',
      at('signed'),
      { action: 'correct', to: 'started', date: today, reason: 'x' },
      'STAGE_TRANSITION_INVALID',
    ],
  ] as const)('refuses to %s', (_label, state, change, error) => {
    expect(applyStageChange(state, change, today, { mayCorrect: true })).toEqual({ ok: false, error });
  });

  it('pauses and resumes without changing the stage', () => {
    const paused = applyStageChange(
      at('signed'),
      { action: 'pause', date: today, reason: '等待环评' },
      today,
      {
        mayCorrect: false,
      },
    );
    expect(paused).toEqual({ ok: true, state: { status: 'signed', paused: true, lastEventOn: today } });
    if (!paused.ok) return;
    const resumed = applyStageChange(paused.state, { action: 'resume', date: today }, today, {
      mayCorrect: false,
    });
    expect(resumed).toEqual({ ok: true, state: { status: 'signed', paused: false, lastEventOn: today } });
  });

  it('lets only the permitted correct a stage', () => {
    const r = applyStageChange(
      at('started'),
      { action: 'correct', to: 'signed', date: today, reason: 'x' },
      today,
      {
        mayCorrect: false,
      },
    );
    expect(r).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});
