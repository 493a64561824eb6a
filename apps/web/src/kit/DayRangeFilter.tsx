import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * An optional day range in a list's filter bar (filed, submitted, held between): either end may stay
 * open, and the days go to the URL as YYYY-MM-DD.
 */
export function DayRangeFilter({
  from,
  to,
  onChange,
  placeholder,
  width = 240,
  testId,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
  placeholder: [string, string];
  width?: number;
  testId?: string;
}) {
  return (
    <DatePicker.RangePicker
      style={{ width }}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      placeholder={placeholder}
      onChange={(range) => onChange(range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD'))}
      data-testid={testId}
    />
  );
}
