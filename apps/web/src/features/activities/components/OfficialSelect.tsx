import type { Official } from '@yingshang/contracts';
import { Flex, Select, Spin, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useRemoteSearch } from '../../../kit';
import { officialApi } from '../api';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Officials already chosen (an edited activity), so their names show at once. */
  known?: readonly Official[];
  /** One official instead of several (a filter). */
  single?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Leading officials from the register, searched by name, post or pinyin initials. */
export function OfficialSelect({ value, onChange, known, single, placeholder, style, id, ...rest }: Props) {
  const { t } = useI18n();
  const byId = useRef(new Map<string, Official>());
  const remote = useRemoteSearch<Official>((q) =>
    officialApi.list({ q: q || undefined, active: 'true', page: 1, pageSize: 30 }).then((p) => p.items),
  );
  for (const o of known ?? []) if (!byId.current.has(o.id)) byId.current.set(o.id, o);
  for (const o of remote.items) byId.current.set(o.id, o);
  const ids = value ?? [];
  const shown = new Map<string, Official>();
  for (const v of ids) {
    const o = byId.current.get(v);
    if (o) shown.set(v, o);
  }
  for (const o of remote.items) shown.set(o.id, o);
  const options = [...shown.values()].map((o) => ({
    value: o.id,
    label: `${o.name} ${o.post}`,
    official: o,
  }));

  return (
    <Select<string | string[]>
      id={id}
      data-testid={rest['data-testid']}
      mode={single ? undefined : 'multiple'}
      allowClear
      style={style}
      value={single ? ids[0] : ids}
      maxCount={single ? undefined : 20}
      onChange={(v) => {
        remote.onSearch('');
        onChange?.(v === undefined ? [] : Array.isArray(v) ? v : [v]);
      }}
      onOpenChange={remote.onOpenChange}
      showSearch={{ filterOption: false, onSearch: remote.onSearch, searchValue: remote.search }}
      placeholder={placeholder ?? t('activity.officials.placeholder')}
      // named by its placeholder where no labelled Form.Item names it (a filter bar)
      aria-label={id ? undefined : (placeholder ?? t('activity.officials.placeholder'))}
      notFoundContent={remote.loading ? <Spin size="small" /> : t('activity.officials.noMatch')}
      options={options}
      popupMatchSelectWidth={false}
      optionRender={(o) => {
        const off = (o.data as { official: Official }).official;
        return (
          <Flex vertical>
            <Flex gap={6} align="center">
              <span>
                {off.name} · {off.post}
              </span>
              {off.main ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('activity.official.main')}
                </Tag>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {off.orgUnitName} · {t(`activity.level.${off.level}`)}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
