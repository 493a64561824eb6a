import { Select } from 'antd';

const matches = (input: string, o?: { value?: unknown; label?: unknown }) =>
  !!o && `${o.label} ${o.value}`.toLowerCase().includes(input.trim().toLowerCase());

/**
 * A filter bar's choice among known values (a status, a type): cleared means "all", named and
 * labelled by `label`, each value shown through `text`.
 */
export function EnumFilter<T extends string>({
  values,
  value,
  onChange,
  text,
  label,
  width = 140,
  search,
  testId,
}: {
  values: readonly T[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  text: (value: T) => string;
  label: string;
  width?: number;
  /** Type to narrow a long list (by the shown text or the code). */
  search?: boolean;
  testId?: string;
}) {
  return (
    <Select<T>
      allowClear
      showSearch={search ? { filterOption: matches } : undefined}
      style={{ width }}
      popupMatchSelectWidth={false}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={values.map((v) => ({ value: v, label: text(v) }))}
      data-testid={testId}
    />
  );
}
