import type { FormInstance } from 'antd';
import { ApiError } from './client';

/**
 * Shows an API error at the form fields it concerns: validation details by their path
 * (`roles.0` → the `roles` field), and whole-error codes mapped to a field (PASSWORD_WRONG → currentPassword).
 * Returns true when something was shown at a field; otherwise the caller shows the message elsewhere.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  codeToField: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const fe of error.fieldErrors) {
    const field = fe.path.split('.')[0];
    if (!known.has(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), fe.message]);
  }
  const mapped = codeToField[error.code];
  if (mapped) byField.set(mapped, [...(byField.get(mapped) ?? []), error.message]);
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
