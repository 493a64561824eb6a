import { PlusOutlined } from '@ant-design/icons';
import { INCENTIVE_STATUSES, type IncentiveApplicationSummary } from '@yingshang/contracts';
import { Button, Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  DayRangeFilter,
  EnumFilter,
  filter,
  formatDate,
  formatWan,
  type ListColumn,
  ListPage,
  listPageBinding,
  RegionFilter,
  SearchFilter,
  useRequest,
  useUrlFilters,
} from '../../../kit';
import { type ApplicationQuery, incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';
import { IncStatusTag, SlaTag } from '../components/IncStatusTag';

/** The list's filters in the URL (the dashboard links here with `region`, `from`, `to`). */
const FILTERS = {
  q: filter.string(),
  status: filter.enum(INCENTIVE_STATUSES),
  mine: filter.enum(['review', 'pay'] as const),
  region: filter.string(),
  submitted: filter.dayRange({ from: 'from', to: 'to' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};

/**
 * 奖励申请: the enterprise's own, or those of the office's area — 共 N 条, the amounts fixed at the
 * right, 导出 of the filtered rows.
 */
export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const { me, can } = useAuth();
  /** An enterprise reads its own applications only: no region to choose (a `region` in its URL is ignored). */
  const enterprise = me?.user.orgUnit.kind === 'enterprise';
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query: ApplicationQuery = {
    q: v.q || undefined,
    status: v.status,
    mine: v.mine,
    regionId: enterprise ? undefined : v.region || undefined,
    from: v.submitted.from,
    to: v.submitted.to,
  };
  const list = useRequest(
    () => incentivesApi.list({ ...query, page: v.page, pageSize: v.pageSize }),
    [JSON.stringify(query), v.page, v.pageSize],
  );
  const wan = (fen: number | null) => (fen == null ? '—' : formatWan(fen, 2));
  const en = locale === 'en-US';

  const columns: ListColumn<IncentiveApplicationSummary>[] = [
    { key: 'code', locked: true, title: t('inc.col.code'), dataIndex: 'code', width: 170, fixed: 'left' },
    {
      key: 'enterprise',
      title: t('inc.col.enterprise'),
      dataIndex: 'enterpriseName',
      width: 220,
      ellipsis: true,
    },
    { key: 'region', title: t('inc.col.region'), dataIndex: 'regionName', width: 130, ellipsis: true },
    {
      key: 'kind',
      title: t('inc.col.kind'),
      dataIndex: 'kind',
      width: en ? 150 : 110,
      render: (kind: IncentiveApplicationSummary['kind']) => t(`inc.kind.${kind}`),
    },
    {
      key: 'submittedOn',
      title: t('inc.col.submittedOn'),
      dataIndex: 'submittedOn',
      width: 108,
      className: 'num-cell',
      render: (d: string) => formatDate(d),
    },
    {
      key: 'due',
      title: t('inc.col.due'),
      dataIndex: 'stageDueOn',
      width: 150,
      render: (d: string | null, r) => <SlaTag sla={r.sla} dueOn={d} />,
    },
    {
      key: 'paid',
      defaultHidden: true,
      title: t('inc.col.paid'),
      dataIndex: 'paidFen',
      width: 130,
      align: 'right',
      className: 'num-cell',
      render: wan,
    },
    {
      key: 'provisional',
      important: true,
      title: t('inc.col.provisional'),
      dataIndex: 'provisionalFen',
      width: en ? 150 : 130,
      align: 'right',
      className: 'num-cell',
      render: wan,
    },
    {
      key: 'approved',
      important: true,
      title: t('inc.col.approved'),
      dataIndex: 'approvedFen',
      width: en ? 150 : 130,
      align: 'right',
      className: 'num-cell',
      render: wan,
    },
    {
      key: 'status',
      important: true,
      title: t('inc.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: IncentiveApplicationSummary['status']) => <IncStatusTag status={s} />,
    },
  ];

  const filters = (
    <>
      {can('incentives.review') ? (
        <Segmented
          value={v.mine ?? 'all'}
          onChange={(mine) =>
            f.set({ mine: mine === 'review' || mine === 'pay' ? mine : undefined, status: undefined })
          }
          options={[
            { value: 'all', label: t('inc.tab.applications') },
            { value: 'review', label: t('inc.list.mine') },
            ...(can('incentives.pay') ? [{ value: 'pay', label: t('inc.list.toPay') }] : []),
          ]}
          data-testid="inc-mine"
        />
      ) : null}
      <EnumFilter
        values={INCENTIVE_STATUSES}
        value={v.status}
        onChange={(status) => f.set({ status })}
        text={(s) => t(`inc.status.${s}`)}
        label={t('inc.col.status')}
        width={180}
      />
      <SearchFilter
        value={v.q}
        onSearch={(q) => f.set({ q })}
        placeholder={t('inc.list.search')}
        width={240}
      />
      {enterprise ? null : (
        <RegionFilter
          value={v.region}
          onChange={(region = '') => f.set({ region })}
          placeholder={t('inc.list.region')}
          testId="inc-filter-region"
        />
      )}
      <DayRangeFilter
        from={v.submitted.from}
        to={v.submitted.to}
        onChange={(from, to) => f.set({ submitted: { from, to } })}
        placeholder={[t('inc.list.submittedFrom'), t('inc.list.submittedTo')]}
        width={en ? 280 : 240}
        testId="inc-filter-submitted"
      />
    </>
  );

  return (
    <>
      <IncNav />
      <ListPage<IncentiveApplicationSummary>
        id="inc-applications"
        title={t('inc.tab.applications')}
        actions={
          can('incentives.apply') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/incentives/apply')}
              data-testid="inc-apply"
            >
              {t('inc.list.apply')}
            </Button>
          ) : null
        }
        filters={filters}
        {...listPageBinding(f)}
        columns={columns}
        rowKey="id"
        request={list}
        onOpen={(r) => navigate(`/incentives/${r.id}`)}
        exportFile={{
          run: () => incentivesApi.exportXlsx(query),
          fallbackName: t('inc.list.exportFile', { date: beijingToday() }),
        }}
        emptyText={t('inc.list.empty')}
      />
    </>
  );
}
