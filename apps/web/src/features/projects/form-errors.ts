import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api/client';

type NamePath = (string | number)[];

interface Options {
  /** API body key → form field name, where they differ (totalInvestmentFen → totalInvestment). */
  rename?: Record<string, string>;
  /** Form.List fields whose errors belong to the row's own field (`taskForce.0.name`). */
  nested?: readonly string[];
}

/**
 * Like app/api/form-errors, for forms whose field names differ from the API body or that hold lists
 * of rows: validation details land at their field (or row field), whole-error codes at the mapped
 * field. Returns true when something was shown at a field.
 */
export function applyFormErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  codeToField: Record<string, string> = {},
  { rename = {}, nested = [] }: Options = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const add = (name: NamePath, msg: string) => {
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(msg);
    byField.set(key, entry);
  };
  const mapped = codeToField[error.code];
  for (const fe of error.fieldErrors) {
    const [head, ...rest] = fe.path.split('.');
    const field = rename[head] ?? head;
    // a code mapped to this field already says it in the user's language (details may carry a code)
    if (!known.has(field) || field === mapped) continue;
    if (nested.includes(field) && rest.length >= 2 && /^\d+$/.test(rest[0])) {
      add([field, Number(rest[0]), rest[1]], fe.message);
    } else add([field], fe.message);
  }
  if (mapped) add([mapped], error.message);
  if (byField.size === 0) return false;
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return true;
}
