import { describe, expect, it } from 'vitest';
import {
  type AppealFlowAction,
  type AppealFlowStatus,
  type AppealParty,
  allowedAppealActions,
  appealNextStatus,
  appealStepError,
  isLikelyRepeat,
  textSimilarity,
} from './appeal-flow.js';

describe('appeal lifecycle', () => {
  it.each<[AppealFlowStatus, AppealFlowAction, AppealParty, AppealFlowStatus]>([
    ['submitted', 'accept', 'office', 'accepted'],
    ['submitted', 'reject', 'office', 'rejected'],
    ['accepted', 'assign', 'office', 'assigned'],
    ['handling', 'assign', 'office', 'assigned'],
    ['assigned', 'sign', 'department', 'handling'],
    ['assigned', 'return', 'department', 'accepted'],
    ['handling', 'progress', 'department', 'handling'],
    ['handling', 'answer', 'department', 'answered'],
    ['submitted', 'merge', 'office', 'merged'],
  ])('%s —%s by %s→ %s', (from, action, party, to) => {
    expect(appealStepError(from, action, party, { openQuestion: true })).toBeNull();
    expect(appealNextStatus(from, action)).toBe(to);
  });

  it('closes on a satisfied rating or callback and reopens (重办) on 不满意', () => {
    expect(appealNextStatus('answered', 'rate', 'satisfied')).toBe('closed');
    expect(appealNextStatus('answered', 'rate', 'basically_satisfied')).toBe('closed');
    expect(appealNextStatus('answered', 'rate', 'unsatisfied')).toBe('handling');
    expect(appealNextStatus('answered', 'callback', 'satisfied')).toBe('closed');
    expect(appealNextStatus('answered', 'callback', 'unsatisfied')).toBe('handling');
  });

  it.each<[AppealFlowStatus, AppealFlowAction, AppealParty, string]>([
    ['handling', 'rate', 'enterprise', 'APPEAL_ACTION_INVALID'],
    ['closed', 'rate', 'enterprise', 'APPEAL_ACTION_INVALID'],
    ['answered', 'rate', 'office', 'APPEAL_ACTION_INVALID'],
    ['assigned', 'answer', 'department', 'APPEAL_ACTION_INVALID'],
    ['handling', 'answer', 'office', 'APPEAL_ACTION_INVALID'],
    ['submitted', 'assign', 'office', 'APPEAL_ACTION_INVALID'],
    ['answered', 'assign', 'office', 'APPEAL_ACTION_INVALID'],
    ['closed', 'instruct', 'leader', 'APPEAL_ACTION_INVALID'],
    ['accepted', 'accept', 'office', 'APPEAL_ACTION_INVALID'],
  ])('%s: %s by %s is refused (%s)', (status, action, party, error) => {
    expect(appealStepError(status, action, party, { supervised: true, openQuestion: true })).toBe(error);
  });

  it('lets a department return once, the enterprise reply only to a question, leaders instruct only supervised appeals', () => {
    expect(appealStepError('assigned', 'return', 'department', { returnUsed: true })).toBe(
      'APPEAL_RETURN_USED',
    );
    expect(appealStepError('handling', 'reply', 'enterprise', {})).toBe('APPEAL_NO_QUESTION');
    expect(appealStepError('handling', 'reply', 'enterprise', { openQuestion: true })).toBeNull();
    expect(appealStepError('handling', 'instruct', 'leader', {})).toBe('APPEAL_ACTION_INVALID');
    expect(appealStepError('handling', 'instruct', 'leader', { supervised: true })).toBeNull();
  });

  it('lists what a user may do now', () => {
    expect(allowedAppealActions('submitted', new Set(['office']))).toEqual(['accept', 'reject', 'merge']);
    expect(allowedAppealActions('assigned', new Set(['department']))).toEqual(['sign', 'return']);
    expect(allowedAppealActions('answered', new Set(['enterprise']))).toEqual(['rate']);
    expect(allowedAppealActions('closed', new Set(['office', 'department', 'enterprise', 'leader']))).toEqual(
      [],
    );
  });
});

describe('repeat detection', () => {
  it.each([
    ['园区道路未通车影响项目施工', '园区道路一直未通车，影响施工', true],
    ['用电报装迟迟没有批复', '用电报装没有批复', true],
    ['用电报装迟迟没有批复', '融资贷款审批太慢', false],
  ])('%s ~ %s: %s', (a, b, repeat) => {
    expect(isLikelyRepeat({ category: 'land', title: a }, { category: 'land', title: b })).toBe(repeat);
  });
  it('needs the same category', () => {
    expect(
      isLikelyRepeat({ category: 'land', title: '同一标题' }, { category: 'power', title: '同一标题' }),
    ).toBe(false);
  });
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(textSimilarity('土地审批', '土地审批')).toBe(1);
    expect(textSimilarity('土地', '融资')).toBe(0);
    expect(textSimilarity('', '融资')).toBe(0);
  });
});
