import type { OrgKind, OrgUnit } from '@yingshang/contracts';
import { isRegionKind } from '@yingshang/contracts';
import { Button, Empty, Flex, Input, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { OrgKindTag } from '../../../kit';
import { orgApi } from '../api';
import { OrgStatusTag } from './OrgStatusTag';

type KindFilter = 'all' | OrgKind;

interface Props {
  parent: OrgUnit;
  canManage: boolean;
  /** Bumped by the page after a save so the table reloads. */
  version: number;
  onEdit: (org: OrgUnit) => void;
  onOpenRegion: (id: string) => void;
}

/** The kinds of unit that can sit directly under a unit of this kind (the filter offers only these). */
function childKindsOf(kind: OrgKind): OrgKind[] {
  switch (kind) {
    case 'province':
      return ['city', 'zone', 'department', 'enterprise'];
    case 'city':
      return ['county', 'zone', 'department', 'enterprise'];
    case 'county':
      return ['zone', 'department', 'enterprise'];
    case 'zone':
      return ['department', 'enterprise'];
    default:
      return [];
  }
}

/** The selected unit's direct sub-units, paged by the server. */
export function OrgChildrenTable({ parent, canManage, version, onEdit, onOpenRegion }: Props) {
  const { t, formatNumber } = useI18n();
  const [kind, setKind] = useState<KindFilter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [parentSeen, setParentSeen] = useState(parent.id);
  if (parentSeen !== parent.id) {
    setParentSeen(parent.id);
    setPage(1);
    setKind('all');
    setQ('');
  }

  const { data, loading, error } = useRequest(
    () =>
      orgApi.list({
        parentId: parent.id,
        kind: kind === 'all' ? undefined : kind,
        q: q.trim() || undefined,
        page,
        pageSize,
      }),
    [parent.id, kind, q, page, pageSize, version],
  );

  const items = data?.items ?? [];
  const showCredit = kind === 'enterprise' || items.some((o) => o.creditCode);
  const columns: ColumnsType<OrgUnit> = [
    {
      title: t('orgs.field.name'),
      dataIndex: 'name',
      render: (_, o) => (
        <Flex vertical style={{ minWidth: 0 }}>
          {isRegionKind(o.kind) ? (
            <Typography.Link onClick={() => onOpenRegion(o.id)}>{o.name}</Typography.Link>
          ) : (
            <Typography.Text>{o.name}</Typography.Text>
          )}
          {o.shortName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.shortName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('orgs.field.code'), dataIndex: 'code', width: 170, ellipsis: true },
    {
      title: t('orgs.field.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: OrgKind) => <OrgKindTag kind={k} />,
    },
    {
      title: t('orgs.field.category'),
      dataIndex: 'category',
      width: 120,
      ellipsis: true,
      render: (c: string | null) => c || '—',
    },
    ...(showCredit
      ? [
          {
            title: t('orgs.field.creditCode'),
            dataIndex: 'creditCode',
            width: 190,
            render: (c: string | null) => (c ? <span style={{ fontFamily: 'monospace' }}>{c}</span> : '—'),
          },
        ]
      : []),
    {
      title: t('orgs.field.status'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => <OrgStatusTag active={a} />,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, o: OrgUnit) => (
              <Button
                size="small"
                type="link"
                onClick={() => onEdit(o)}
                data-testid={`org-row-edit-${o.code}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Segmented<KindFilter>
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('orgs.kindFilterAll') },
            ...childKindsOf(parent.kind).map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('orgs.childSearchPlaceholder')}
          aria-label={t('orgs.childSearchPlaceholder')}
          style={{ width: 280, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
      </Flex>
      <Table<OrgUnit>
        data-testid="org-children-table"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        tableLayout="fixed"
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: error ? (
            <Empty description={t('error.loadFailed', { message: error.message })} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(canManage ? 'orgs.childrenEmptyManage' : 'orgs.childrenEmpty', {
                name: parent.name,
              })}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Flex>
  );
}
