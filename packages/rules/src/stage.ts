/**
 * The project stage machine: 线索 → 在谈 → 签约 → 开工 → 投产, one step at a time; 终止 from any
 * open stage with a reason; 暂停/恢复 freezes and thaws a project without changing its stage.
 * A correction (backwards, with a reason) is the one exception and needs its own permission.
 * Event dates never run backwards and never lie in the future. Pure: the caller supplies today.
 */
export const PIPELINE = ['lead', 'negotiating', 'signed', 'started', 'producing'] as const;
export type PipelineStage = (typeof PIPELINE)[number];
export type StageStatus = PipelineStage | 'terminated';
export type StageAction = 'advance' | 'terminate' | 'pause' | 'resume' | 'correct';

export interface StageState {
  status: StageStatus;
  paused: boolean;
  /** Date (YYYY-MM-DD) of the latest event, or the creation day. */
  lastEventOn: string;
}

export interface StageChange {
  action: StageAction;
  to?: PipelineStage;
  date: string;
  reason?: string | null;
}

export type StageRefusal =
  | 'STAGE_TRANSITION_INVALID'
  | 'STAGE_DATE_INVALID'
  | 'REASON_REQUIRED'
  | 'PROJECT_PAUSED'
  | 'PROJECT_CLOSED'
  | 'FORBIDDEN';

export type StageOutcome = { ok: true; state: StageState } | { ok: false; error: StageRefusal };

export const nextStage = (s: StageStatus): PipelineStage | null => {
  const i = PIPELINE.indexOf(s as PipelineStage);
  return i >= 0 && i < PIPELINE.length - 1 ? PIPELINE[i + 1] : null;
};

export function applyStageChange(
  state: StageState,
  change: StageChange,
  today: string,
  opts: { mayCorrect: boolean },
): StageOutcome {
  const refuse = (error: StageRefusal): StageOutcome => ({ ok: false, error });
  if (state.status === 'terminated') return refuse('PROJECT_CLOSED');
  if (change.date > today || change.date < state.lastEventOn) return refuse('STAGE_DATE_INVALID');
  const hasReason = !!change.reason?.trim();
  const next = (patch: Partial<StageState>): StageOutcome => ({
    ok: true,
    state: { ...state, ...patch, lastEventOn: change.date },
  });
  switch (change.action) {
    case 'advance':
      if (state.paused) return refuse('PROJECT_PAUSED');
      if (!change.to || change.to !== nextStage(state.status)) return refuse('STAGE_TRANSITION_INVALID');
      return next({ status: change.to });
    case 'terminate':
      if (!hasReason) return refuse('REASON_REQUIRED');
      return next({ status: 'terminated', paused: false });
    case 'pause':
      if (state.paused || state.status === 'producing') return refuse('STAGE_TRANSITION_INVALID');
      if (!hasReason) return refuse('REASON_REQUIRED');
      return next({ paused: true });
    case 'resume':
      if (!state.paused) return refuse('STAGE_TRANSITION_INVALID');
      return next({ paused: false });
    case 'correct': {
      if (!opts.mayCorrect) return refuse('FORBIDDEN');
      if (!hasReason) return refuse('REASON_REQUIRED');
      const from = PIPELINE.indexOf(state.status as PipelineStage);
      if (!change.to || PIPELINE.indexOf(change.to) >= from) return refuse('STAGE_TRANSITION_INVALID');
      return next({ status: change.to });
    }
  }
}

/** The date column each pipeline stage stamps (signed → signedOn …); lead has none. */
export const STAGE_DATE_FIELD = {
  negotiating: 'negotiatingOn',
  signed: 'signedOn',
  started: 'startedOn',
  producing: 'producingOn',
} as const;
