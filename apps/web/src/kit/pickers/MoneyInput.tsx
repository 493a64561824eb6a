import { Input } from 'antd';
import type { CSSProperties } from 'react';
import { normaliseWanInput } from '../format';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  /** 万元 / 万美元, shown after the box. */
  unit: string;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * An amount typed in 万 as text (never a float): thousands separators are accepted and put back
 * on blur; the form converts the text to integer fen / cents with wanToMinor.
 */
export function MoneyInput({ value, onChange, unit, placeholder, style, id, disabled, ...rest }: Props) {
  return (
    <Input
      id={id}
      data-testid={rest['data-testid']}
      value={value}
      disabled={disabled}
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder}
      suffix={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{unit}</span>}
      style={style}
      styles={{ input: { textAlign: 'right' } }}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={() => {
        if (value) {
          const next = normaliseWanInput(value);
          if (next !== value) onChange?.(next);
        }
      }}
    />
  );
}
