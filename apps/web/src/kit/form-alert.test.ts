import { describe, expect, it } from 'vitest';
import { formNoticeOf, reloadAfterConflict } from './form-alert';

function fakeState() {
  const calls: string[] = [];
  return {
    calls,
    state: { clearError: () => calls.push('clearError'), clearConflict: () => calls.push('clearConflict') },
  };
}

describe('formNoticeOf', () => {
  it('shows nothing while nothing went wrong', () => {
    expect(formNoticeOf({ error: null, conflict: false })).toBeNull();
  });

  it("shows the API's sentence for a refusal", () => {
    expect(formNoticeOf({ error: '统一社会信用代码格式不正确', conflict: false })).toEqual({
      kind: 'error',
      text: '统一社会信用代码格式不正确',
    });
  });

  it('shows the stale-version warning instead of a sentence when both are set', () => {
    expect(formNoticeOf({ error: '记录已被修改', conflict: true })).toEqual({ kind: 'conflict' });
  });
});

describe('reloadAfterConflict', () => {
  it('drops the warning only after the record came back', async () => {
    const { calls, state } = fakeState();
    let release = () => {};
    const reload = () =>
      new Promise<void>((resolve) => {
        calls.push('reload');
        release = resolve;
      });
    const done = reloadAfterConflict(reload, state);
    await Promise.resolve();
    expect(calls).toEqual(['reload']);
    release();
    await expect(done).resolves.toEqual({ ok: true });
    expect(calls).toEqual(['reload', 'clearError', 'clearConflict']);
  });

  it('keeps the warning and says why when the reload fails', async () => {
    const { calls, state } = fakeState();
    const outcome = await reloadAfterConflict(() => Promise.reject(new Error('网络连接失败')), state);
    expect(outcome).toEqual({ ok: false, message: '网络连接失败' });
    expect(calls).toEqual([]);
  });

  it('accepts a reload that answers at once', async () => {
    const { calls, state } = fakeState();
    let filled = false;
    await expect(
      reloadAfterConflict(() => {
        filled = true;
      }, state),
    ).resolves.toEqual({ ok: true });
    expect([filled, calls]).toEqual([true, ['clearError', 'clearConflict']]);
  });
});
