import { PlusOutlined } from '@ant-design/icons';
import { ARREAR_STATUSES, type Arrear } from '@yingshang/contracts';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  EnumFilter,
  filter,
  formatDate,
  formatNumber,
  formatWan,
  KpiGrid,
  type ListColumn,
  ListPage,
  listPageBinding,
  RegionFilter,
  SearchFilter,
  useUrlFilters,
} from '../../../kit';
import { beijingToday, rectificationApi } from '../api';
import { ArrearFormModal } from '../components/ArrearFormModal';
import { ArrearSums } from '../components/ArrearSums';
import { RectNav } from '../components/RectNav';

export const ARREAR_COLOR = { outstanding: 'red', partly_repaid: 'gold', cleared: 'green' } as const;

const FILTERS = {
  q: filter.string(),
  status: filter.enum(ARREAR_STATUSES),
  regionId: filter.string(),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};

/**
 * 清欠台账: SOE arrears owed to SMEs — the totals of the area, the filtered ledger (共 N 条, the amounts
 * fixed at the right, 导出), and the sums by debtor and by region.
 */
export function ArrearsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { q: v.q || undefined, status: v.status, regionId: v.regionId || undefined };
  const list = useRequest(
    () => rectificationApi.arrears({ ...query, page: v.page, pageSize: v.pageSize }),
    [JSON.stringify(query), v.page, v.pageSize],
  );
  const figures = useRequest(
    () => rectificationApi.arrearFigures(query.regionId),
    [query.regionId, list.data],
  );

  const money = (fen: number) => formatWan(fen, 2);
  const columns: ListColumn<Arrear>[] = [
    {
      key: 'debtor',
      locked: true,
      title: t('arrear.debtor'),
      dataIndex: 'debtorName',
      width: 200,
      ellipsis: true,
      fixed: 'left',
    },
    { key: 'creditor', title: t('arrear.creditor'), dataIndex: 'creditorName', width: 200, ellipsis: true },
    { key: 'contract', title: t('arrear.contract'), dataIndex: 'contract', width: 180, ellipsis: true },
    { key: 'region', title: t('arrear.region'), dataIndex: 'regionName', width: 120, ellipsis: true },
    {
      key: 'dueOn',
      title: t('arrear.dueOn'),
      dataIndex: 'dueOn',
      width: 104,
      className: 'num-cell',
      render: (d: string) => formatDate(d),
    },
    {
      key: 'status',
      title: t('arrear.status'),
      width: 150,
      render: (_: unknown, r: Arrear) => (
        <Flex gap={4} wrap>
          <Tag color={ARREAR_COLOR[r.status]}>{t(`arrear.status.${r.status}`)}</Tag>
          {r.overdue ? <Tag color="red">{t('arrear.overdue')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'amount',
      important: true,
      title: t('arrear.amount'),
      dataIndex: 'amountFen',
      width: 130,
      align: 'right',
      render: money,
    },
    {
      key: 'outstanding',
      important: true,
      title: t('arrear.outstanding'),
      dataIndex: 'outstandingFen',
      width: 120,
      align: 'right',
      render: money,
    },
  ];

  const totals = figures.data?.totals;
  const above = totals ? (
    <div style={{ marginBottom: 12 }}>
      <KpiGrid
        items={[
          { key: 'count', label: t('arrear.count'), value: formatNumber(totals.count) },
          { key: 'amount', label: t('arrear.amount'), value: money(totals.amountFen) },
          { key: 'repaid', label: t('arrear.repaid'), value: money(totals.repaidFen) },
          { key: 'outstanding', label: t('arrear.outstanding'), value: money(totals.outstandingFen) },
        ]}
      />
    </div>
  ) : null;

  return (
    <>
      <RectNav />
      <ListPage<Arrear>
        id="arrears"
        title={t('arrear.title')}
        actions={
          can('rectification.report') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="arrear-new"
            >
              {t('arrear.new')}
            </Button>
          ) : null
        }
        above={above}
        filters={
          <>
            <SearchFilter
              value={v.q}
              onSearch={(q) => f.set({ q })}
              placeholder={t('arrear.search')}
              width={240}
            />
            <EnumFilter
              values={ARREAR_STATUSES}
              value={v.status}
              onChange={(status) => f.set({ status })}
              text={(s) => t(`arrear.status.${s}`)}
              label={t('arrear.status')}
            />
            <RegionFilter
              value={v.regionId}
              onChange={(regionId = '') => f.set({ regionId })}
              placeholder={t('arrear.region')}
              width={200}
            />
          </>
        }
        {...listPageBinding(f)}
        columns={columns}
        rowKey="id"
        request={list}
        onOpen={(r) => navigate(`/rectification/arrears/${r.id}`)}
        exportFile={{
          run: () => rectificationApi.exportArrears(query),
          fallbackName: t('arrear.exportFile', { date: beijingToday() }),
        }}
        emptyText={t('arrear.empty')}
      >
        {figures.data && figures.data.byDebtor.length > 0 ? <ArrearSums figures={figures.data} /> : null}
      </ListPage>
      <ArrearFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
