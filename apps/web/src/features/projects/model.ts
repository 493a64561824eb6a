import type { ProjectDetail, ProjectStatus, ProjectSummary, Stage } from '@yingshang/contracts';
import { beijingToday, investorCode, isOneOf, PROJECT_STATUSES, STAGES } from '../../kit';

/**
 * The project vocabulary, mirrored from packages/contracts/src/projects.ts: that module builds zod
 * schemas at load time, so importing its constants would pull zod into the bundle. The type checks
 * below fail the build when the contract gains or loses a value.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

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

/** The stages and statuses live in the kit (the dashboard draws them too). */
export { PROJECT_STATUSES, STAGES };
export const PROJECT_TYPES = ['new', 'expansion', 'relocation'] as const;
export const ORIGIN_GROUP_KEYS = [
  'jjj',
  'yrd',
  'gba',
  'east_other',
  'central_west',
  'local',
  'overseas',
] as const;
export const FACTOR_KINDS = [
  'land',
  'water',
  'power',
  'gas',
  'energy',
  'relocation',
  'environment',
  'talent',
  'other',
] as const;
export const FACTOR_STATUSES = ['needed', 'in_progress', 'met'] as const;
export const PROMISE_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const;
export const STAGE_ACTIONS = ['advance', 'terminate', 'pause', 'resume', 'correct'] as const;
export const PROJECT_SORTS = ['updatedAt', 'totalInvestment', 'signedOn', 'name'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const checks: [
  Same<(typeof STAGES)[number], Stage>,
  Same<(typeof PROJECT_STATUSES)[number], ProjectStatus>,
  Same<(typeof PROJECT_TYPES)[number], ProjectType>,
  Same<(typeof ORIGIN_GROUP_KEYS)[number], OriginGroup>,
  Same<(typeof FACTOR_KINDS)[number], FactorKind>,
  Same<(typeof FACTOR_STATUSES)[number], FactorStatus>,
  Same<(typeof PROMISE_STATUSES)[number], PromiseStatus>,
  Same<(typeof STAGE_ACTIONS)[number], StageAction>,
] = [true, true, true, true, true, true, true, true];
void checks;

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

/** Reason required by the server for these actions. */
export const REASON_REQUIRED: readonly StageAction[] = ['terminate', 'pause', 'correct'];

export { beijingToday };

/** The day a project's last stage event happened (or it was created): no new event may precede it. */
export function lastEventDay(p: Pick<ProjectDetail, 'events' | 'createdAt'>): string {
  let last = '';
  for (const e of p.events) if (e.date > last) last = e.date;
  if (!last && p.createdAt) last = beijingToday(new Date(p.createdAt).getTime());
  return last;
}
