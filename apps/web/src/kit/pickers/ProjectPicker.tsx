import type { ProjectSummary } from '@yingshang/contracts';
import { Flex, Select, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n-context';
import { projectLookupApi } from '../api';
import { formatWan } from '../format';
import { useRemoteSearch } from '../use-remote-search';
import { StageTag } from './StageTag';

export interface PickedProject {
  id: string;
  name: string;
  code?: string;
  status?: ProjectSummary['status'];
  totalInvestmentFen?: number;
  signedOn?: string | null;
}

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined, picked: PickedProject[]) => void;
  multiple?: boolean;
  /** Projects already linked (an edited activity), so their names show at once. */
  known?: readonly PickedProject[];
  /** Only projects of this region (the activity's organiser). */
  regionId?: string;
  /** Only signed projects (a signing). */
  signedOnly?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** Projects of the pipeline, searched on the server by name, investor, code or pinyin initials. */
export function ProjectPicker({
  value,
  onChange,
  multiple,
  known,
  regionId,
  signedOnly,
  placeholder,
  id,
  ...rest
}: Props) {
  const { t } = useI18n();
  const byId = useRef(new Map<string, PickedProject>());
  const remote = useRemoteSearch<ProjectSummary>((q) =>
    projectLookupApi
      .list({ q: q || undefined, regionId, page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' })
      .then((p) => p.items.filter((x) => !signedOnly || x.signedOn)),
  );
  for (const p of known ?? []) if (!byId.current.has(p.id)) byId.current.set(p.id, p);
  for (const p of remote.items) byId.current.set(p.id, p);
  const ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const shown = new Map<string, PickedProject>();
  for (const v of ids) shown.set(v, byId.current.get(v) ?? { id: v, name: v });
  for (const p of remote.items) shown.set(p.id, p);

  return (
    <Select<string | string[]>
      id={id}
      data-testid={rest['data-testid']}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={multiple ? ids : ids[0]}
      onChange={(v) => {
        remote.onSearch('');
        const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
        onChange?.(
          v,
          list.map((x) => byId.current.get(x) ?? { id: x, name: x }),
        );
      }}
      onOpenChange={remote.onOpenChange}
      showSearch={{ filterOption: false, onSearch: remote.onSearch, searchValue: remote.search }}
      placeholder={placeholder ?? t('activity.projects.placeholder')}
      // named by its placeholder where no labelled Form.Item names it (a filter bar)
      aria-label={id ? undefined : (placeholder ?? t('activity.projects.placeholder'))}
      notFoundContent={remote.loading ? <Spin size="small" /> : t('activity.projects.noMatch')}
      popupMatchSelectWidth={false}
      options={[...shown.values()].map((p) => ({ value: p.id, label: p.name, project: p }))}
      optionRender={(o) => {
        const p = (o.data as { project: PickedProject }).project;
        return (
          <Flex vertical style={{ maxWidth: 520 }}>
            <Flex gap={6} align="center">
              <span>{p.name}</span>
              {p.status ? <StageTag status={p.status} /> : null}
            </Flex>
            {p.code ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.code}
                {p.totalInvestmentFen !== undefined
                  ? ` · ${formatWan(p.totalInvestmentFen, 2)} ${t('unit.wanYuan')}`
                  : ''}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      }}
    />
  );
}
