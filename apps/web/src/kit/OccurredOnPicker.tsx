import { DatePicker, type DatePickerProps } from 'antd';
import { useAuth } from '../app/auth/auth-context';
import { beijingToday } from './beijing';

/**
 * The days a user may give as the day something happened (发生日期): from the later of `notBefore`
 * (the previous stage, the signing …) and the user's back-date limit (Me.backdateFrom), to today.
 */
export function useOccurredRange(notBefore?: string | null): { from: string | null; to: string } {
  const { me } = useAuth();
  const from =
    [notBefore, me?.backdateFrom]
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? null;
  return { from, to: beijingToday() };
}

/**
 * A date picker for the day something happened, not the day it is entered: past days may be
 * chosen (补录), within useOccurredRange; the server checks the same bounds.
 */
export function OccurredOnPicker({
  notBefore,
  ...props
}: Omit<DatePickerProps, 'disabledDate'> & { notBefore?: string | null }) {
  const { from, to } = useOccurredRange(notBefore);
  return (
    <DatePicker
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      {...props}
      disabledDate={(d) => {
        const day = d.format('YYYY-MM-DD');
        return day > to || (!!from && day < from);
      }}
    />
  );
}
