import type { ApiFormState } from './use-api-form';

/** What FormAlert reads from a form's state (useApiForm). */
export type FormAlertState = Pick<ApiFormState, 'error' | 'clearError' | 'conflict' | 'clearConflict'>;

/** The one notice above a form: the stale-version warning wins over a refusal's sentence. */
export type FormNotice = { kind: 'conflict' } | { kind: 'error'; text: string } | null;

export function formNoticeOf(state: Pick<FormAlertState, 'error' | 'conflict'>): FormNotice {
  if (state.conflict) return { kind: 'conflict' };
  if (state.error) return { kind: 'error', text: state.error };
  return null;
}

export type ReloadOutcome = { ok: true } | { ok: false; message: string };

/**
 * 重新加载 after a 409: fetches the record again (the caller resets the form with it), and only
 * then drops the warning, so a failed reload leaves the offer in place to try again.
 */
export async function reloadAfterConflict(
  reload: () => unknown,
  state: Pick<FormAlertState, 'clearConflict' | 'clearError'>,
): Promise<ReloadOutcome> {
  try {
    await reload();
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  state.clearError();
  state.clearConflict();
  return { ok: true };
}
