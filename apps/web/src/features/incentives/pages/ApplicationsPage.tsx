import { PlusOutlined } from '@ant-design/icons';
import { INCENTIVE_STATUSES, type IncentiveApplicationSummary } from '@yingshang/contracts';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { DAY, DayRangeFilter, formatWan, OrgPicker } from '../../../kit';
import { incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';
import { IncStatusTag, SlaTag } from '../components/IncStatusTag';

/**
 * 奖励申请: the enterprise's own, or those of the office's area; filters live in the URL. The
 * dashboard's "applications" of a region and run of months link here with `region`, `from`, `to`.
 */
export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const { me, can } = useAuth();
  /** An enterprise reads its own applications only: no region to choose (a `region` in its URL is ignored). */
  const enterprise = me?.user.orgUnit.kind === 'enterprise';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const day = (k: string) => (DAY.test(params.get(k) ?? '') ? (params.get(k) as string) : undefined);
  const q = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    mine: params.get('mine') ?? undefined,
    regionId: enterprise ? undefined : (params.get('region') ?? undefined),
    from: day('from'),
    to: day('to'),
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const set = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) v ? p.set(k, v) : p.delete(k);
      if (!('page' in patch)) p.delete('page');
      return p;
    });
  const list = useRequest(() => incentivesApi.list(q), [JSON.stringify(q)]);
  const wan = (v: number | null) => (v == null ? '—' : formatWan(v, 2));
  const columns: ColumnsType<IncentiveApplicationSummary> = [
    { title: t('inc.col.code'), dataIndex: 'code', width: 170 },
    { title: t('inc.col.enterprise'), dataIndex: 'enterpriseName', width: 220, ellipsis: true },
    { title: t('inc.col.region'), dataIndex: 'regionName', width: 150, ellipsis: true },
    {
      title: t('inc.col.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (v) => t(`inc.kind.${v as 'capital_arrival'}`),
    },
    {
      title: t('inc.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (v) => <IncStatusTag status={v} />,
    },
    {
      title: t('inc.col.due'),
      dataIndex: 'stageDueOn',
      width: 150,
      render: (v, r) => <SlaTag sla={r.sla} dueOn={v} />,
    },
    { title: t('inc.col.submittedOn'), dataIndex: 'submittedOn', width: 110 },
    { title: t('inc.col.provisional'), dataIndex: 'provisionalFen', width: 140, align: 'right', render: wan },
    { title: t('inc.col.approved'), dataIndex: 'approvedFen', width: 140, align: 'right', render: wan },
    { title: t('inc.col.paid'), dataIndex: 'paidFen', width: 130, align: 'right', render: wan },
  ];
  return (
    <>
      <IncNav />
      <Card size="small">
        <Flex justify="space-between" align="start" gap={8} wrap style={{ marginBottom: 12 }}>
          <Flex wrap gap={8} style={{ flex: '1 1 240px', minWidth: 0 }}>
            {can('incentives.review') && (
              <Segmented
                value={q.mine ?? 'all'}
                onChange={(v) => set({ mine: v === 'all' ? undefined : String(v), status: undefined })}
                options={[
                  { value: 'all', label: t('inc.tab.applications') },
                  { value: 'review', label: t('inc.list.mine') },
                  ...(can('incentives.pay') ? [{ value: 'pay', label: t('inc.list.toPay') }] : []),
                ]}
                data-testid="inc-mine"
              />
            )}
            <Select
              aria-label={t('inc.col.status')}
              allowClear
              style={{ width: 180 }}
              placeholder={t('inc.col.status')}
              value={q.status}
              onChange={(v) => set({ status: v })}
              options={INCENTIVE_STATUSES.map((s) => ({ value: s, label: t(`inc.status.${s}`) }))}
            />
            <Input.Search
              aria-label={t('inc.list.search')}
              allowClear
              style={{ width: 240, maxWidth: '100%' }}
              placeholder={t('inc.list.search')}
              defaultValue={q.q}
              onSearch={(v) => set({ q: v || undefined })}
            />
            {enterprise ? null : (
              <OrgPicker
                value={q.regionId}
                onChange={(id) => set({ region: id })}
                placeholder={t('inc.list.region')}
                style={{ width: 170 }}
                popupWidth={320}
                data-testid="inc-filter-region"
              />
            )}
            <DayRangeFilter
              from={q.from}
              to={q.to}
              onChange={(from, to) => set({ from, to })}
              placeholder={[t('inc.list.submittedFrom'), t('inc.list.submittedTo')]}
              width={locale === 'en-US' ? 280 : 240}
              testId="inc-filter-submitted"
            />
          </Flex>
          {can('incentives.apply') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/incentives/apply')}
              data-testid="inc-apply"
            >
              {t('inc.list.apply')}
            </Button>
          )}
        </Flex>
        <Table
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items}
          columns={columns}
          scroll={{ x: 1300 }}
          locale={{ emptyText: <Empty description={t('inc.list.empty')} /> }}
          onRow={(r) => ({ onClick: () => navigate(`/incentives/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: q.page,
            pageSize: q.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            onChange: (page, pageSize) => set({ page: String(page), pageSize: String(pageSize) }),
          }}
        />
      </Card>
    </>
  );
}
