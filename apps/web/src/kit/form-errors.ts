import type { FormInstance } from 'antd';
import { ApiError } from '../app/api/client';

export type NamePath = (string | number)[];

export interface FormErrorOptions {
  /** API body key → form field name, where they differ (totalInvestmentFen → totalInvestment). */
  rename?: Record<string, string>;
  /** Kept for older callers: every Form.List field now gets row errors (`items.0.x` → ['items', 0, 'x']). */
  nested?: readonly string[];
}

/**
 * Where an API validation detail belongs in the form: `items.0.bankReceiptNo` → the Form.List field
 * ['items', 0, 'bankReceiptNo'], `roles.0` → ['roles'], `totalInvestmentFen` → ['totalInvestment']
 * (renamed; a row's field too: `signings.0.amountFen` → ['signings', 0, 'amount']). null when the
 * path names no field of the form.
 */
export function fieldOfPath(
  path: string,
  fields: readonly string[],
  rename: Record<string, string> = {},
): NamePath | null {
  const [head, ...rest] = path.split('.');
  const field = rename[head] ?? head;
  if (!fields.includes(field)) return null;
  if (rest.length >= 2 && /^\d+$/.test(rest[0]))
    return [field, Number(rest[0]), ...rest.slice(1).map((k) => rename[k] ?? k)];
  return [field];
}

/** The errors to put at each field, from an API error (pure: what applyFormErrors sets). */
export function fieldErrorsOf(
  error: unknown,
  fields: readonly string[],
  codeToField: Record<string, string> = {},
  { rename = {} }: FormErrorOptions = {},
): { name: NamePath; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const add = (name: NamePath, msg: string) => {
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(msg)) entry.errors.push(msg);
    byField.set(key, entry);
  };
  for (const fe of error.fieldErrors) {
    const name = fieldOfPath(fe.path, fields, rename);
    // a detail that carries only the error's code is said by the API's sentence, in the user's language
    if (name) add(name, fe.message === error.code ? error.message : fe.message);
  }
  // a whole-error code goes to its field unless the details already placed it (a milestone's date)
  const mapped = codeToField[error.code];
  if (mapped && byField.size === 0) add([mapped], error.message);
  return [...byField.values()];
}

/**
 * Shows an API error at the form fields it concerns: validation details by their path (rows of a
 * Form.List at the row's field; a detail carrying only the code gets the API's sentence), otherwise
 * whole-error codes at the mapped field (PASSWORD_WRONG → currentPassword). Returns true when something was shown at a field; otherwise the caller shows
 * the message elsewhere.
 */
export function applyFormErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  codeToField: Record<string, string> = {},
  options: FormErrorOptions = {},
): boolean {
  const list = fieldErrorsOf(error, fields, codeToField, options);
  if (list.length === 0) return false;
  form.setFields(list);
  return true;
}

/** The same function under its older name (app/api/form-errors). */
export const applyFieldErrors = applyFormErrors;

/** A value antd keeps as one field value: a dayjs day, a File, a Blob. */
const isLeafObject = (v: object) => '$d' in v || (typeof Blob !== 'undefined' && v instanceof Blob);

/**
 * The name paths of the fields a change touched (antd's onValuesChange gives a nested partial:
 * { items: [undefined, { bankReceiptNo: 'x' }] } → ['items', 1, 'bankReceiptNo']).
 */
export function changedPaths(changed: unknown, prefix: NamePath = []): NamePath[] {
  if (Array.isArray(changed)) {
    const out: NamePath[] = [prefix];
    changed.forEach((v, i) => {
      if (v !== undefined)
        out.push(...changedPaths(v, [...prefix, i]).filter((p) => p.length > prefix.length));
    });
    return out;
  }
  if (changed && typeof changed === 'object' && !isLeafObject(changed)) {
    const entries = Object.entries(changed as Record<string, unknown>);
    if (prefix.length > 0 && entries.length === 0) return [prefix];
    const out: NamePath[] = prefix.length > 0 ? [prefix] : [];
    for (const [k, v] of entries) out.push(...changedPaths(v, [...prefix, k]));
    return out;
  }
  return prefix.length > 0 ? [prefix] : [];
}
