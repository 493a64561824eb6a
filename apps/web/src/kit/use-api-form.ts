import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../app/api/client';
import { useI18n } from '../app/i18n/i18n-context';
import { changedPaths, type FormErrorOptions, fieldErrorsOf, type NamePath } from './form-errors';

/** The code the API answers when a record's `version` is stale (packages/contracts errors.ts). */
export const VERSION_CONFLICT = 'VERSION_CONFLICT';

export interface ApiFormOptions<V, R> extends FormErrorOptions {
  form: FormInstance<V>;
  /** Sends the validated values; its answer goes to onSuccess. */
  submit: (values: V) => Promise<R>;
  /** The form's field names (the first segment of an API error path). */
  fields: readonly string[];
  /** Whole-error codes shown at a field (INVESTOR_NOT_FOUND → investorIds). */
  codeToField?: Record<string, string>;
  onSuccess?: (result: R, values: V) => void | Promise<void>;
  /** Asked after the client rules pass and before sending (提交 after a 确认); false sends nothing. */
  confirm?: (values: V) => Promise<boolean>;
}

export interface ApiFormState {
  /** Validates, submits, and puts an API refusal at its fields (or in `error`). */
  onSubmit: () => Promise<void>;
  saving: boolean;
  /** The API's sentence for a refusal (shown above the form; a long form may hide the field). */
  error: string | null;
  clearError: () => void;
  /** The record changed since it was loaded (409): offer to reload. */
  conflict: boolean;
  clearConflict: () => void;
  /** Forgets an earlier refusal or conflict (a modal opened again for another record). */
  reset: () => void;
  /** Spread on <Form>: clears a field's API error as soon as the field changes. */
  formProps: { onValuesChange: (changed: unknown) => void };
}

/**
 * A form that saves through the API: client rules first (the view scrolls to the first bad field),
 * then the request; validation details land at their fields in the user's language (Form.List rows
 * included: items.0.bankReceiptNo → ['items', 0, 'bankReceiptNo']), a field's API error clears when
 * the field changes, and a stale version (409 VERSION_CONFLICT) sets `conflict` for the shell to
 * offer a reload instead of silently overwriting someone else's change.
 */
export function useApiForm<V, R>({
  form,
  submit,
  fields,
  codeToField = {},
  onSuccess,
  confirm,
  rename,
}: ApiFormOptions<V, R>): ApiFormState {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  /** The fields that show an error from the API (cleared when they change). */
  const apiErrored = useRef(new Set<string>());
  const opts = useRef({ submit, fields, codeToField, onSuccess, confirm, rename });
  opts.current = { submit, fields, codeToField, onSuccess, confirm, rename };

  const onSubmit = useCallback(async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch (info) {
      const first = (info as { errorFields?: { name: NamePath }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const o = opts.current;
    if (o.confirm && !(await o.confirm(values))) return;
    setSaving(true);
    setError(null);
    setConflict(false);
    try {
      const result = await o.submit(values);
      await o.onSuccess?.(result, values);
    } catch (e) {
      if (e instanceof ApiError && e.code === VERSION_CONFLICT) {
        setConflict(true);
      } else if (e instanceof ApiError) {
        const list = fieldErrorsOf(e, o.fields, o.codeToField, { rename: o.rename });
        if (list.length > 0) {
          (form as FormInstance).setFields(list);
          for (const f of list) apiErrored.current.add(f.name.join('.'));
        }
        setError(e.message);
      } else {
        setError(t('error.unknown'));
      }
    } finally {
      setSaving(false);
    }
  }, [form, t]);

  const onValuesChange = useCallback(
    (changed: unknown) => {
      if (apiErrored.current.size === 0) return;
      const clear: NamePath[] = [];
      for (const path of changedPaths(changed)) {
        const key = path.join('.');
        for (const errored of apiErrored.current) {
          // a change of a row clears the errors of its fields, a change of a field its own
          if (errored === key || errored.startsWith(`${key}.`)) {
            clear.push(errored.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
            apiErrored.current.delete(errored);
          }
        }
      }
      if (clear.length > 0) (form as FormInstance).setFields(clear.map((name) => ({ name, errors: [] })));
    },
    [form],
  );

  return {
    onSubmit,
    saving,
    error,
    clearError: useCallback(() => setError(null), []),
    conflict,
    clearConflict: useCallback(() => setConflict(false), []),
    reset: useCallback(() => {
      setError(null);
      setConflict(false);
      apiErrored.current.clear();
    }, []),
    formProps: { onValuesChange },
  };
}
