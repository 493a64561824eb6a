import { Flex, Select, Spin, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useRemoteSearch } from '../../../kit';
import { type Industry, industryApi } from '../api';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** The name of the current code when already known (an edited project), so it shows at once. */
  knownName?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  popupWidth?: number;
  id?: string;
  'data-testid'?: string;
}

const label = (code: string, name: string) => (
  <Flex gap={8} component="span">
    <Typography.Text code style={{ marginInlineEnd: 0 }}>
      {code}
    </Typography.Text>
    <span>{name}</span>
  </Flex>
);

/** GB/T 4754-2017 industry chooser searching GET /industries by code prefix or name. */
export function IndustrySelect({
  value,
  onChange,
  knownName,
  placeholder,
  allowClear = true,
  style,
  popupWidth,
  id,
  'data-testid': testId,
}: Props) {
  const { t } = useI18n();
  const names = useRef(new Map<string, string>());
  const [, rerender] = useState(0);
  const remote = useRemoteSearch<Industry>((q) => industryApi.search(q));
  for (const i of remote.items) names.current.set(i.code, i.name);
  if (value && knownName && !names.current.has(value)) names.current.set(value, knownName);

  // a code from the URL: look its name up once
  useEffect(() => {
    if (!value || names.current.has(value)) return;
    let alive = true;
    industryApi
      .search(value)
      .then((found) => {
        const hit = found.find((i) => i.code === value);
        if (alive && hit) {
          names.current.set(hit.code, hit.name);
          rerender((n) => n + 1);
        }
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [value]);

  const current = value ? { value, label: label(value, names.current.get(value) ?? '') } : undefined;
  return (
    <Select<{ value: string; label: ReactNode }>
      id={id}
      data-testid={testId}
      labelInValue
      showSearch={{ filterOption: false, onSearch: remote.onSearch, searchValue: remote.search }}
      value={current}
      onChange={(v) => {
        remote.onSearch('');
        onChange?.(v?.value);
      }}
      onOpenChange={remote.onOpenChange}
      allowClear={allowClear}
      placeholder={placeholder ?? t('project.industry.placeholder')}
      // named by its placeholder where no labelled Form.Item names it (a filter bar)
      aria-label={id ? undefined : (placeholder ?? t('project.industry.placeholder'))}
      style={style}
      popupMatchSelectWidth={popupWidth ?? true}
      notFoundContent={remote.loading ? <Spin size="small" /> : t('project.industry.noMatch')}
      options={remote.items.map((i) => ({
        value: i.code,
        label: label(i.code, i.name),
        title: `${i.code} ${i.name}`,
      }))}
    />
  );
}
