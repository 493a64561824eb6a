/**
 * The appeal lifecycle (诉求办理闭环): 受理 → 派单 → 签收 → 办理 → 答复 → 评价 → 办结, with 不予受理,
 * 退回 (a department returns a wrongly assigned appeal once, with a reason), 重办 (an unsatisfied
 * rating reopens it) and 合并 (a repeat merged into the open original). Who may take each step is
 * named by the party the acting user plays for this appeal; the server decides the parties.
 * An appeal is closed only by the enterprise's rating or a callback (回访) recorded by staff.
 */
export const APPEAL_FLOW_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'handling',
  'answered',
  'closed',
  'rejected',
  'merged',
] as const;
export type AppealFlowStatus = (typeof APPEAL_FLOW_STATUSES)[number];

export const APPEAL_FLOW_ACTIONS = [
  'accept',
  'reject',
  'assign',
  'sign',
  'return',
  'progress',
  'ask',
  'reply',
  'answer',
  'rate',
  'callback',
  'instruct',
  'merge',
] as const;
export type AppealFlowAction = (typeof APPEAL_FLOW_ACTIONS)[number];

/** office: the accepting office (受理单位); department: the one assigned; enterprise: the filer; leader: 批示. */
export type AppealParty = 'office' | 'department' | 'enterprise' | 'leader';
export type AppealRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

const OPEN: readonly AppealFlowStatus[] = ['submitted', 'accepted', 'assigned', 'handling', 'answered'];

const STEPS: Record<AppealFlowAction, { party: AppealParty; from: readonly AppealFlowStatus[] }> = {
  accept: { party: 'office', from: ['submitted'] },
  reject: { party: 'office', from: ['submitted'] },
  // Assign, or reassign (e.g. to a higher-level department after 重办) while not yet answered.
  assign: { party: 'office', from: ['accepted', 'assigned', 'handling'] },
  sign: { party: 'department', from: ['assigned'] },
  return: { party: 'department', from: ['assigned', 'handling'] },
  progress: { party: 'department', from: ['handling'] },
  ask: { party: 'department', from: ['handling'] },
  reply: { party: 'enterprise', from: ['accepted', 'assigned', 'handling'] },
  answer: { party: 'department', from: ['handling'] },
  rate: { party: 'enterprise', from: ['answered'] },
  callback: { party: 'office', from: ['answered'] },
  instruct: { party: 'leader', from: OPEN },
  merge: { party: 'office', from: ['submitted', 'accepted'] },
};

export interface AppealFlowContext {
  /** This department has already returned this appeal once. */
  returnUsed?: boolean;
  /** The department asked the enterprise a question that is not answered yet. */
  openQuestion?: boolean;
  /** Escalated (督办) or a 项目直通车 appeal: leaders may write instructions. */
  supervised?: boolean;
}

export type AppealFlowError = 'APPEAL_ACTION_INVALID' | 'APPEAL_RETURN_USED' | 'APPEAL_NO_QUESTION';

/** Whether `party` may take `action` on an appeal in `status`; the error code when not. */
export function appealStepError(
  status: AppealFlowStatus,
  action: AppealFlowAction,
  party: AppealParty,
  ctx: AppealFlowContext = {},
): AppealFlowError | null {
  const step = STEPS[action];
  if (step.party !== party || !step.from.includes(status)) return 'APPEAL_ACTION_INVALID';
  if (action === 'return' && ctx.returnUsed) return 'APPEAL_RETURN_USED';
  if (action === 'reply' && !ctx.openQuestion) return 'APPEAL_NO_QUESTION';
  if (action === 'instruct' && !ctx.supervised) return 'APPEAL_ACTION_INVALID';
  return null;
}

/** The status after a step; a rating (by the enterprise or at a callback) closes or reopens. */
export function appealNextStatus(
  status: AppealFlowStatus,
  action: AppealFlowAction,
  rating?: AppealRating,
): AppealFlowStatus {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'assign':
      return 'assigned';
    case 'sign':
      return 'handling';
    case 'return':
      return 'accepted';
    case 'answer':
      return 'answered';
    case 'rate':
    case 'callback':
      return rating === 'unsatisfied' ? 'handling' : 'closed';
    case 'merge':
      return 'merged';
    default:
      return status;
  }
}

/** The actions a user playing these parties may take now (what the detail page offers). */
export function allowedAppealActions(
  status: AppealFlowStatus,
  parties: ReadonlySet<AppealParty>,
  ctx: AppealFlowContext = {},
): AppealFlowAction[] {
  return APPEAL_FLOW_ACTIONS.filter((a) =>
    [...parties].some((p) => appealStepError(status, a, p, ctx) === null),
  );
}

export const isOpenAppeal = (status: AppealFlowStatus): boolean => OPEN.includes(status);

/** Character bigrams of a text without spaces and punctuation (Chinese has no word breaks). */
function bigrams(text: string): string[] {
  const s = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of two texts' character bigrams, 0 … 1. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** A likely repeat: same category and a similar title (or one title containing the other). */
export function isLikelyRepeat(
  a: { category: string; title: string },
  b: { category: string; title: string },
  threshold = 0.5,
): boolean {
  if (a.category !== b.category) return false;
  const norm = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');
  const [x, y] = [norm(a.title), norm(b.title)];
  return x.includes(y) || y.includes(x) || textSimilarity(a.title, b.title) >= threshold;
}
