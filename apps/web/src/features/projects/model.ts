import {
  type PROJECT_SORTS,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
  STAGES,
  type Stage,
} from '@yingshang/contracts';
import type { MessageKey } from '../../app/i18n/messages';
import { beijingToday, investorCode, isOneOf } from '../../kit';

/** The project vocabulary, defined once in the contracts. */
export {
  FACTOR_KINDS,
  FACTOR_STATUSES,
  ORIGIN_GROUP_KEYS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  PROMISE_STATUSES,
  STAGE_ACTIONS,
  STAGES,
} from '@yingshang/contracts';

export type FactorNeed = ProjectDetail['factorNeeds'][number];
export type ProjectPromise = ProjectDetail['promises'][number];
export type Fund = ProjectDetail['funds'][number];
export type StageEvent = ProjectDetail['events'][number];
export type TaskForceMember = ProjectDetail['taskForce'][number];
export type ProjectType = ProjectSummary['projectType'];
export type OriginGroup = ProjectSummary['originGroup'];
export type FactorKind = FactorNeed['kind'];
export type FactorStatus = FactorNeed['status'];
export type PromiseStatus = ProjectPromise['status'];
export type StageAction = StageEvent['action'];
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export { investorCode, isOneOf };

/** The unit each factor's quantity is counted in (empty: a count-less need such as relocation). */
export const FACTOR_UNIT_KEYS: Record<FactorKind, 'mu' | 'm3yr' | 'kva' | 'tce' | null> = {
  land: 'mu',
  water: 'm3yr',
  power: 'kva',
  gas: 'm3yr',
  energy: 'tce',
  relocation: null,
  environment: null,
  talent: null,
  other: null,
};

export const nextStage = (status: ProjectStatus): Stage | null => {
  const i = STAGES.indexOf(status as Stage);
  return i >= 0 && i < STAGES.length - 1 ? STAGES[i + 1] : null;
};

/** Stages a correction may move back to (earlier than the current one). */
export const correctionTargets = (status: ProjectStatus): Stage[] => {
  const i = STAGES.indexOf(status as Stage);
  return i > 0 ? STAGES.slice(0, i) : [];
};

/**
 * Which stage actions the state allows (the server's stage machine decides; this only shapes the
 * buttons): advance one step when running, pause/resume, terminate while open, correct backwards.
 */
export function allowedActions(
  p: Pick<ProjectSummary, 'status' | 'paused'>,
  perms: { write: boolean; correct: boolean },
): StageAction[] {
  if (!perms.write || p.status === 'terminated') return [];
  const out: StageAction[] = [];
  if (!p.paused && nextStage(p.status)) out.push('advance');
  if (p.paused) out.push('resume');
  else if (p.status !== 'producing') out.push('pause');
  out.push('terminate');
  if (perms.correct && correctionTargets(p.status).length > 0) out.push('correct');
  return out;
}

/** What the evidence box asks for, by the stage reached (签约 requires its agreement number). */
export const EVIDENCE_LABEL: Partial<Record<Stage, MessageKey>> = {
  signed: 'stage.evidence.signed',
  started: 'stage.evidence.started',
  producing: 'stage.evidence.producing',
};

/** Reason required by the server for these actions. */
export const REASON_REQUIRED: readonly StageAction[] = ['terminate', 'pause', 'correct'];

export { beijingToday };

/** The day a project's last stage event happened (or its lead came in): no new event may precede it. */
export function lastEventDay(p: Pick<ProjectDetail, 'events' | 'leadOn'>): string {
  let last = p.leadOn;
  for (const e of p.events) if (e.date > last) last = e.date;
  return last;
}
