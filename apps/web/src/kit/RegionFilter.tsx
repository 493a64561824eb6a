import { OrgPicker } from './pickers/OrgPicker';

/** A filter bar's region (city, county, zone): the region tree with search; cleared means the whole scope. */
export function RegionFilter({
  value,
  onChange,
  placeholder,
  width = 170,
  testId,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  return (
    <OrgPicker
      value={value || undefined}
      onChange={(id) => onChange(id)}
      placeholder={placeholder}
      style={{ width }}
      popupWidth={320}
      data-testid={testId}
    />
  );
}
