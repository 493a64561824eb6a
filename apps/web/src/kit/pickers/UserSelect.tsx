import type { User } from '@yingshang/contracts';
import { Flex, Select, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n-context';
import { userLookupApi } from '../api';
import { useRemoteSearch } from '../use-remote-search';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The current user's name when already known (an edited project). */
  knownName?: string | null;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** One user of the caller's area, searched by name or username (GET /users?q=). */
export function UserSelect({ value, onChange, knownName, placeholder, id, ...rest }: Props) {
  const { t } = useI18n();
  const names = useRef(new Map<string, string>());
  const remote = useRemoteSearch<User>((q) =>
    userLookupApi.list({ q: q || undefined, status: 'active', page: 1, pageSize: 20 }).then((p) => p.items),
  );
  for (const u of remote.items) names.current.set(u.id, u.displayName);
  if (value && knownName && !names.current.has(value)) names.current.set(value, knownName);

  const options: { value: string; label: string; user?: User }[] = remote.items.map((u) => ({
    value: u.id,
    label: u.displayName,
    user: u,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: names.current.get(value) ?? value });
  }

  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      allowClear
      value={value ?? undefined}
      onChange={(v) => {
        remote.onSearch('');
        onChange?.(v ?? null);
      }}
      onOpenChange={remote.onOpenChange}
      showSearch={{ filterOption: false, onSearch: remote.onSearch, searchValue: remote.search }}
      placeholder={placeholder ?? t('project.serviceOfficer.placeholder')}
      // named by its placeholder where no labelled Form.Item names it (a filter bar)
      aria-label={id ? undefined : (placeholder ?? t('project.serviceOfficer.placeholder'))}
      notFoundContent={remote.loading ? <Spin size="small" /> : t('project.serviceOfficer.noMatch')}
      options={options}
      optionRender={(o) => {
        const u = (o.data as { user?: User }).user;
        return u ? (
          <Flex vertical>
            <span>{u.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.username} · {u.orgUnitName}
            </Typography.Text>
          </Flex>
        ) : (
          o.label
        );
      }}
    />
  );
}
